import Foundation
import Kube
import KubeHTTP
import Testing

@Suite("The client provider")
struct HTTPKubeClientProviderTests {
    static let kubeconfig = """
        apiVersion: v1
        kind: Config
        clusters: [{name: a, cluster: {server: "https://a.example.com:6443", insecure-skip-tls-verify: true}},
                   {name: b, cluster: {server: "https://b.example.com:6443", insecure-skip-tls-verify: true}}]
        users: [{name: u, user: {token: provider-token}}]
        contexts: [{name: a, context: {cluster: a, user: u}}, {name: b, context: {cluster: b, user: u}}]
        current-context: a
        """

    func withProvider(_ body: (HTTPKubeClientProvider, String) async throws -> Void) async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("rig-provider-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home + "/.kube", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        try Data(Self.kubeconfig.utf8).write(to: URL(fileURLWithPath: home + "/.kube/config"))
        let provider = HTTPKubeClientProvider(environment: [:], homeDirectory: home, serviceAccountDirectory: home + "/none")
        do {
            try await body(provider, home)
        } catch {
            await provider.shutdown()
            throw error
        }
        await provider.shutdown()
    }

    @Test("one client per connection: the current context, its name and the same file named explicitly share it")
    func caching() async throws {
        try await withProvider { provider, home in
            let implicit = try await provider.httpClient(kubeconfig: nil, context: nil)
            let named = try await provider.httpClient(kubeconfig: nil, context: "a")
            let explicit = try await provider.httpClient(kubeconfig: "~/.kube/config", context: "a")
            let other = try await provider.httpClient(kubeconfig: nil, context: "b")
            #expect(implicit === named)
            #expect(implicit === explicit)
            #expect(implicit !== other)
            #expect(other.connection.server == "https://b.example.com:6443")
            #expect(explicit.connection.origin == "context 'a' in \(home)/.kube/config")
        }
    }

    @Test("an unknown context fails through the provider with the list of contexts")
    func unknownContext() async throws {
        try await withProvider { provider, _ in
            let error = await #expect(throws: KubeError.self) { try await provider.client(kubeconfig: nil, context: "prod") }
            #expect(error?.hint == "available contexts: a, b")
        }
    }
}
