import Kube
import YAML

/// A deterministic helm for the engine's tests: repositories in memory, and releases written as
/// the real helm writes them — release Secrets in an `InMemoryKubeClient` — so rig's own reads
/// find them. Records every call; failures are injected per verb.
package actor InMemoryHelmClient: HelmClient, HelmClientProvider {
    /// One call, as the log records it: `upgrade apps/demo`, `repo add stable`.
    package struct Call: Sendable, Hashable, CustomStringConvertible {
        package var verb: String
        package var subject: String
        package var description: String { "\(verb) \(subject)" }
    }

    private let cluster: InMemoryKubeClient
    private var configured: [HelmRepository] = []
    private var failures: [String: HelmError] = [:]
    package private(set) var calls: [Call] = []
    /// The last values written for each `namespace/release`, to check nothing leaks elsewhere.
    package private(set) var lastUpgrade: HelmUpgradeRequest?

    package init(cluster: InMemoryKubeClient) {
        self.cluster = cluster
    }

    package func client(binaryPath: String?) async throws(HelmError) -> any HelmClient { self }

    package func failNext(_ verb: String, with error: HelmError) { failures[verb] = error }

    package func clearCalls() { calls = [] }

    package func repositories() async throws(HelmError) -> [HelmRepository] {
        calls.append(Call(verb: "repo list", subject: ""))
        try injected("repo list")
        return configured
    }

    package func addRepository(_ repository: HelmRepository, credentials: HelmCredentials?, forceUpdate: Bool) async throws(HelmError) {
        calls.append(Call(verb: "repo add", subject: repository.name))
        try injected("repo add")
        if let index = configured.firstIndex(where: { $0.name == repository.name }) {
            guard forceUpdate || configured[index].url == repository.url else {
                throw HelmError(code: "helm.command", message: "repository name (\(repository.name)) already exists, please specify a different name")
            }
            configured[index] = repository
        } else {
            configured.append(repository)
        }
    }

    package func removeRepository(_ name: String) async throws(HelmError) {
        calls.append(Call(verb: "repo remove", subject: name))
        try injected("repo remove")
        configured.removeAll { $0.name == name }
    }

    package func updateRepositories() async throws(HelmError) {
        calls.append(Call(verb: "repo update", subject: ""))
        try injected("repo update")
    }

    package func upgrade(_ request: HelmUpgradeRequest) async throws(HelmError) {
        calls.append(Call(verb: "upgrade", subject: "\(request.namespace)/\(request.release)"))
        try injected("upgrade")
        lastUpgrade = request
        do {
            try await ensureNamespace(request.namespace, create: request.createNamespace)
            let store = HelmReleaseStore(client: cluster)
            let previous = try await store.latest(release: request.release, namespace: request.namespace)
            if var previous {
                previous.status = "superseded"
                try await write(previous)
            }
            var release = Self.rendered(request, revision: (previous?.revision ?? 0) + 1)
            release.status = "deployed"
            release.labels = request.labels
            try await write(release)
        } catch let error as HelmError {
            throw error
        } catch {
            throw HelmError(code: "helm.command", message: "\(error)")
        }
    }

    package func render(_ request: HelmUpgradeRequest) async throws(HelmError) -> HelmRelease {
        calls.append(Call(verb: "render", subject: "\(request.namespace)/\(request.release)"))
        try injected("render")
        let previous: HelmRelease?
        do {
            previous = try await HelmReleaseStore(client: cluster).latest(release: request.release, namespace: request.namespace)
        } catch {
            throw HelmError(code: "helm.command", message: "\(error)")
        }
        var release = Self.rendered(request, revision: (previous?.revision ?? 0) + 1)
        release.status = previous == nil ? "pending-install" : "pending-upgrade"
        return release
    }

    /// The fake chart: a ConfigMap `<release>-values` holding each top-level value as JSON, and
    /// a Secret `<release>-credentials` for values whose key says `password`.
    package static func rendered(_ request: HelmUpgradeRequest, revision: Int) -> HelmRelease {
        var plain: [YAMLPair] = []
        var secret: [YAMLPair] = []
        if case .mapping(let pairs) = request.values {
            for pair in pairs {
                let key = pair.key.stringValue ?? pair.key.jsonText
                let entry = YAMLPair(.string(key), .string(pair.value.stringValue ?? pair.value.jsonText))
                if key.lowercased().contains("password") { secret.append(entry) } else { plain.append(entry) }
            }
        }
        func object(_ kind: String, _ name: String, _ field: String, _ data: [YAMLPair]) -> String {
            let metadata = YAMLValue.mapping([YAMLPair(.string("name"), .string("\(request.release)-\(name)")), YAMLPair(.string("namespace"), .string(request.namespace))])
            let value = YAMLValue.mapping([
                YAMLPair(.string("apiVersion"), .string("v1")), YAMLPair(.string("kind"), .string(kind)),
                YAMLPair(.string("metadata"), metadata), YAMLPair(.string(field), .mapping(data)),
            ])
            return "---\n# Source: fake/templates/\(name).yaml\n" + value.jsonText + "\n"
        }
        var manifest = object("ConfigMap", "values", "data", plain)
        if !secret.isEmpty { manifest += object("Secret", "credentials", "stringData", secret) }
        let name = request.chart.split(separator: "/").last.map(String.init) ?? request.chart
        return HelmRelease(
            status: "deployed", name: request.release, namespace: request.namespace, revision: revision,
            chartName: name, chartVersion: request.version ?? "0.1.0", values: request.values, manifest: manifest)
    }

    package func uninstall(_ request: HelmUninstallRequest) async throws(HelmError) {
        calls.append(Call(verb: "uninstall", subject: "\(request.namespace)/\(request.release)"))
        try injected("uninstall")
        do {
            guard let secrets = try await cluster.resource(apiVersion: "v1", kind: "Secret") else { return }
            let records = try await cluster.list(secrets, namespace: request.namespace, labelSelector: "owner=helm,name=\(request.release)")
            guard !records.isEmpty else {
                throw HelmError(code: "helm.command", message: "uninstall: Release not loaded: \(request.release): release: not found")
            }
            for record in records {
                let name = record["metadata"]?["name"]?.stringValue ?? ""
                _ = try await cluster.delete(secrets, name: name, namespace: request.namespace, propagation: .background)
            }
        } catch let error as HelmError {
            throw error
        } catch {
            throw HelmError(code: "helm.command", message: "\(error)")
        }
    }

    /// Stores a release record as helm would (tests use it to set up failed or pending releases).
    package func write(_ release: HelmRelease) async throws {
        guard let secrets = try await cluster.resource(apiVersion: "v1", kind: "Secret") else { return }
        _ = try await cluster.apply(try release.secret(), resource: secrets, options: KubeApplyOptions(fieldManager: "helm"))
    }

    private func ensureNamespace(_ namespace: String, create: Bool) async throws {
        guard let namespaces = try await cluster.resource(apiVersion: "v1", kind: "Namespace") else { return }
        guard try await cluster.get(namespaces, name: namespace, namespace: nil) == nil else { return }
        guard create else {
            throw HelmError(code: "helm.command", message: "create: failed to create: namespaces \"\(namespace)\" not found")
        }
        let object: YAMLValue = .mapping([
            YAMLPair(.string("apiVersion"), .string("v1")), YAMLPair(.string("kind"), .string("Namespace")),
            YAMLPair(.string("metadata"), .mapping([YAMLPair(.string("name"), .string(namespace))])),
        ])
        _ = try await cluster.apply(object, resource: namespaces, options: KubeApplyOptions(fieldManager: "helm"))
    }

    private func injected(_ verb: String) throws(HelmError) {
        if let error = failures.removeValue(forKey: verb) { throw error }
    }
}
