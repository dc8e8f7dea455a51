import AsyncHTTPClient
import Foundation
import Kube
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization
import YAML

/// The live `KubeClient`: one async-http-client `HTTPClient` per connection (connections are
/// reused, HTTP/2 when the server offers it), TLS from the kubeconfig, discovery cached for the
/// run, bounded retries with backoff.
///
/// Call `shutdown()` when done (the provider does it for the clients it made).
package final class HTTPKubeClient: KubeClient {
    /// The cluster and credentials this client talks with.
    package let connection: KubeConnection
    let options: HTTPKubeClientOptions
    let httpClient: HTTPClient
    let authenticator: KubeAuthenticator
    let discoveryCache = KubeDiscoveryCache()
    /// The server URL requests go to; its host is `tls-server-name` when that is set (the
    /// connection goes to the real host through async-http-client's DNS override).
    let baseURL: String
    /// TLS configurations for client certificates that exec plugins hand out, by certificate.
    private let pluginTLS = Mutex<[KubeClientCertificate: TLSConfiguration]>([:])

    /// A client for `connection`; fails with `kube.config` when its certificates or key cannot
    /// be read.
    package init(connection: KubeConnection, options: HTTPKubeClientOptions = HTTPKubeClientOptions()) throws(KubeError) {
        let endpoint = try KubeEndpoint(server: connection.server, tlsServerName: connection.tlsServerName)
        var configuration = HTTPClient.Configuration()
        if endpoint.usesTLS {
            configuration.tlsConfiguration = try KubeTLS.configuration(
                trust: connection.trust, clientCertificate: connection.clientCertificate, origin: connection.origin)
        }
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .init(options.connectTimeout), read: .init(options.readTimeout))
        configuration.httpVersion = .automatic
        configuration.dnsOverride = endpoint.dnsOverride
        // async-http-client would otherwise retry a refused connection by itself until the connect
        // timeout; rig's retry policy decides instead, on its injectable clock.
        configuration.connectionPool.retryConnectionEstablishment = false
        self.connection = connection
        self.options = options
        self.baseURL = endpoint.baseURL
        self.httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        self.authenticator = KubeAuthenticator(
            connection: connection, runner: KubeExecRunner(environment: options.execEnvironment), clock: options.wallClock)
    }

    /// Closes every connection; the client must not be used afterwards.
    package func shutdown() async {
        try? await httpClient.shutdown()
    }

    // MARK: - KubeClient

    package func get(_ resource: KubeResource, name: String, namespace: String?) async throws(KubeError) -> YAMLValue? {
        let reference = KubeObjectReference(apiVersion: resource.apiVersion, kind: resource.kind, name: name, namespace: namespace)
        let request = KubeRequest(
            method: .GET, path: resource.objectPath(name: name, namespace: defaultNamespace(namespace, resource)), object: reference,
            verb: "get")
        let response = try await send(request)
        switch response.status {
        case 200: return try object(in: response, for: request)
        case 404: return nil
        default: throw failure(response, request)
        }
    }

    package func list(_ resource: KubeResource, namespace: String?, labelSelector: String?) async throws(KubeError) -> [YAMLValue] {
        let reference = KubeObjectReference(apiVersion: resource.apiVersion, kind: resource.kind, name: "", namespace: namespace)
        var request = KubeRequest(
            method: .GET, path: resource.collectionPath(namespace: defaultNamespace(namespace, resource)), object: reference, verb: "list")
        if let labelSelector { request.query.append((name: "labelSelector", value: labelSelector)) }
        let response = try await send(request)
        switch response.status {
        case 200:
            guard case .sequence(let items) = try object(in: response, for: request)["items"] ?? .sequence([]) else { return [] }
            // List items carry no apiVersion and kind; put them back so they compare like single GETs.
            return items.map { item in
                var copy = item
                copy.set("apiVersion", .string(resource.apiVersion))
                copy.set("kind", .string(resource.kind))
                return copy
            }
        case 404: return []
        default: throw failure(response, request)
        }
    }

    package func apply(_ object: YAMLValue, resource: KubeResource, options: KubeApplyOptions) async throws(KubeError) -> YAMLValue {
        let reference = KubeObjectReference(object: object)
        guard !reference.name.isEmpty else {
            throw KubeError.config("cannot apply \(resource.kind) without metadata.name").about(reference)
        }
        var query = [(name: "fieldManager", value: options.fieldManager), (name: "fieldValidation", value: "Strict")]
        if options.force { query.append(("force", "true")) }
        if options.dryRun { query.append(("dryRun", "All")) }
        let path = resource.objectPath(name: reference.name, namespace: defaultNamespace(reference.namespace, resource))
        let request = KubeRequest(
            method: .PATCH, path: path, query: query, contentType: "application/apply-patch+yaml", body: object.jsonBytes,
            object: reference, verb: "patch")
        let response = try await send(request)
        guard response.status == 200 || response.status == 201 else { throw failure(response, request) }
        return try self.object(in: response, for: request)
    }

    package func delete(
        _ resource: KubeResource, name: String, namespace: String?, propagation: KubePropagation
    ) async throws(KubeError) -> KubeDeleteOutcome {
        let reference = KubeObjectReference(apiVersion: resource.apiVersion, kind: resource.kind, name: name, namespace: namespace)
        let body: YAMLValue = .mapping([
            YAMLPair(.string("kind"), .string("DeleteOptions")), YAMLPair(.string("apiVersion"), .string("v1")),
            YAMLPair(.string("propagationPolicy"), .string(propagation.rawValue)),
        ])
        let request = KubeRequest(
            method: .DELETE, path: resource.objectPath(name: name, namespace: defaultNamespace(namespace, resource)),
            contentType: "application/json", body: body.jsonBytes, object: reference, verb: "delete")
        let response = try await send(request)
        switch response.status {
        case 200, 202: return .deleted
        // A 404 after a lost attempt most likely means that attempt deleted the object.
        case 404: return response.followsLostAttempt ? .deleted : .notFound
        default: throw failure(response, request)
        }
    }

    // MARK: - Helpers

    package var defaultNamespace: String { connection.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "default" }

    /// A namespaced kind's namespace: the given one, else the context's, else `default`, as kubectl does.
    private func defaultNamespace(_ namespace: String?, _ resource: KubeResource) -> String? {
        guard resource.namespaced else { return nil }
        if let namespace, !namespace.isEmpty { return namespace }
        return connection.namespace ?? "default"
    }

    /// The error for a failed answer; for 401 and 403 the hint also says which kubeconfig user
    /// the server refused.
    func failure(_ response: KubeResponse, _ request: KubeRequest) -> KubeError {
        var error = response.error(for: request)
        if response.status == 401 || response.status == 403, let hint = error.hint {
            error.hint = hint + " (credentials of \(connection.origin))"
        }
        return error
    }

    /// The JSON object of a successful answer.
    func object(in response: KubeResponse, for request: KubeRequest) throws(KubeError) -> YAMLValue {
        do {
            return try YAMLValue.parseJSON(response.body)
        } catch {
            var failure = KubeError.response("the server's answer to \(request.method) \(request.path) is not JSON: \(error)")
            failure.object = request.object
            throw failure
        }
    }

    /// The TLS configuration for a request whose client certificate differs from the
    /// connection's (one from an exec plugin); nil to use the client's own.
    func tlsConfiguration(for certificate: KubeClientCertificate?) throws(KubeError) -> TLSConfiguration? {
        guard let certificate, certificate != connection.clientCertificate, baseURL.hasPrefix("https:") else { return nil }
        if let cached = pluginTLS.withLock({ $0[certificate] }) { return cached }
        let built = try KubeTLS.configuration(trust: connection.trust, clientCertificate: certificate, origin: connection.origin)
        pluginTLS.withLock { $0 = [certificate: built] }
        return built
    }
}
