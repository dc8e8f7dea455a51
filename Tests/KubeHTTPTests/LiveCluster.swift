import Foundation
import Kube
import KubeHTTP
import KubeTestServer
import YAML

/// A running test API server, a temporary home with a kubeconfig for it, and a provider that
/// reads that kubeconfig, sleeping on a `TestClock`.
struct LiveCluster {
    let server: KubeTestServer
    let home: String
    let kubeconfig: String
    let clock: TestClock
    let provider: HTTPKubeClientProvider

    /// Runs `body` against a fresh server, then shuts everything down.
    static func run(
        options: KubeTestServerOptions = KubeTestServerOptions(), storage: KubeTestServer.CertificateStorage = .embedded,
        kubeconfigText: ((KubeTestServer) -> String)? = nil, discovery: KubeDiscoveryMode = .aggregated, _ body: (LiveCluster, any KubeClient) async throws -> Void
    ) async throws {
        try await KubeTestServer.withServer(options: options) { server in
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("rig-live-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: home + "/.kube", withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: home) }
            let kubeconfig = home + "/.kube/config"
            if let kubeconfigText {
                try Data(kubeconfigText(server).utf8).write(to: URL(fileURLWithPath: kubeconfig))
            } else {
                try server.writeKubeconfig(to: kubeconfig, context: "test", certificates: storage)
            }
            let clock = TestClock()
            let provider = HTTPKubeClientProvider(
                environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"], homeDirectory: home,
                serviceAccountDirectory: home + "/no-service-account",
                options: HTTPKubeClientOptions(discovery: discovery, clock: clock, jitter: { 0 }))
            let cluster = LiveCluster(server: server, home: home, kubeconfig: kubeconfig, clock: clock, provider: provider)
            do {
                let client = try await provider.client(kubeconfig: nil, context: nil)
                try await body(cluster, client)
            } catch {
                await provider.shutdown()
                throw error
            }
            await provider.shutdown()
        }
    }

    /// An object tree from JSON text.
    static func object(_ json: String) throws -> YAMLValue { try YAMLValue.parseJSON(json) }

    static let configMaps = KubeResource(group: "", version: "v1", kind: "ConfigMap", plural: "configmaps", namespaced: true)
    static let namespaces = KubeResource(group: "", version: "v1", kind: "Namespace", plural: "namespaces", namespaced: false)

    static func namespace(_ name: String) throws -> YAMLValue {
        try object(#"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"\#(name)"}}"#)
    }

    static func configMap(_ name: String, namespace: String, color: String) throws -> YAMLValue {
        try object(
            #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"\#(name)","namespace":"\#(namespace)"},"data":{"color":"\#(color)"}}"#)
    }

    /// The write requests the server saw (PATCH, POST, PUT, DELETE).
    func writes() -> [RecordedRequest] { server.requests().filter(\.isWrite) }
}
