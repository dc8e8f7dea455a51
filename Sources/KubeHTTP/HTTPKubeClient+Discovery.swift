import Kube
import YAML

extension HTTPKubeClient {
    package func resource(apiVersion: String, kind: String) async throws(KubeError) -> KubeResource? {
        let discovery = try await discoveryCache.current { () async throws(KubeError) -> KubeDiscovery in
            try await self.fetchDiscovery()
        }
        guard discovery.serves(apiVersion) else { return nil }
        if let resource = discovery.resource(apiVersion: apiVersion, kind: kind) { return resource }
        guard case .some(.none) = discovery.groupVersions[apiVersion] else { return nil }
        let resources = try await fetchResourceList(apiVersion: apiVersion)
        await discoveryCache.store(resources, for: apiVersion)
        return resources.first { $0.kind == kind }
    }

    package func invalidateDiscovery() async {
        await discoveryCache.clear()
    }

    /// `/api` and `/apis`, both at once, asking for aggregated discovery.
    private func fetchDiscovery() async throws(KubeError) -> KubeDiscovery {
        async let core = fetchRoot("/api")
        async let groups = fetchRoot("/apis")
        var discovery: KubeDiscovery
        do {
            discovery = try await core
            discovery.merge(try await groups)
        } catch let error as KubeError {
            throw error
        } catch {
            throw .interrupted
        }
        return discovery
    }

    private func fetchRoot(_ path: String) async throws(KubeError) -> KubeDiscovery {
        let accept = options.discovery == .aggregated ? KubeDiscovery.accept : "application/json"
        let request = KubeRequest(method: .GET, path: path, accept: accept, verb: "get")
        let response = try await send(request)
        guard response.status == 200 else { throw discoveryError(response, request) }
        return try KubeDiscovery.parseRoot(try object(in: response, for: request))
    }

    /// `/api/v1` or `/apis/GROUP/VERSION`, when the server answered plain discovery.
    private func fetchResourceList(apiVersion: String) async throws(KubeError) -> [KubeResource] {
        let (group, version) = KubeResource.split(apiVersion: apiVersion)
        let path = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        let request = KubeRequest(method: .GET, path: path, verb: "get")
        let response = try await send(request)
        if response.status == 404 { return [] }
        guard response.status == 200 else { throw discoveryError(response, request) }
        return try KubeDiscovery.parseResourceList(try object(in: response, for: request), apiVersion: apiVersion)
    }

    private func discoveryError(_ response: KubeResponse, _ request: KubeRequest) -> KubeError {
        var error = failure(response, request)
        error.message = "discovery (\(request.path)) failed: \(error.message)"
        return error
    }
}
