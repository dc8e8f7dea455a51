import Foundation
import Kube
import KubeHTTP
import KubeTestServer
import Testing
import YAML

@Suite("TLS and credentials against the test API server")
struct HTTPKubeClientTLSTests {
    /// A kubeconfig for the server with the client certificate, and extra cluster fields.
    static func kubeconfig(_ server: KubeTestServer, cluster extra: String, server url: String? = nil, user: String? = nil) -> String {
        let base64 = { (text: String) in Data(text.utf8).base64EncodedString() }
        let userFields =
            user
            ?? "{client-certificate-data: \(base64(server.clientCertificatePEM)), client-key-data: \(base64(server.clientKeyPEM))}"
        return """
            apiVersion: v1
            kind: Config
            clusters: [{name: test, cluster: {server: "\(url ?? server.url)", \(extra)}}]
            users: [{name: test, user: \(userFields)}]
            contexts: [{name: test, context: {cluster: test, user: test}}]
            current-context: test
            """
    }

    static func ca(_ server: KubeTestServer) -> String {
        "certificate-authority-data: \(Data(server.certificateAuthorityPEM.utf8).base64EncodedString())"
    }

    @Test("tls-server-name checks the certificate against that name while connecting to the server's address")
    func tlsServerName() async throws {
        try await LiveCluster.run(kubeconfigText: { Self.kubeconfig($0, cluster: "\(Self.ca($0)), tls-server-name: localhost") }) {
            (_: LiveCluster, client: any KubeClient) async throws -> Void in
            let namespace = try await client.get(LiveCluster.namespaces, name: "default", namespace: nil)
            #expect(namespace?["metadata"]?["name"] == .string("default"))
        }
    }

    // No test of a tls-server-name the certificate does not carry: NIOSSL also accepts a
    // certificate naming the IP address connected to, and the test server's names 127.0.0.1.

    @Test("a server certificate from another CA is refused once, without retries; insecure-skip-tls-verify accepts it")
    func untrustedCertificate() async throws {
        let otherCA = try String(contentsOfFile: HTTPKubeClientOfflineTests.pki + "/ca.crt", encoding: .utf8)
        let other = "certificate-authority-data: \(Data(otherCA.utf8).base64EncodedString())"
        try await LiveCluster.run(kubeconfigText: { Self.kubeconfig($0, cluster: other) }) {
            (cluster: LiveCluster, client: any KubeClient) async throws -> Void in
            let error = await #expect(throws: KubeError.self) { try await client.resource(apiVersion: "v1", kind: "Pod") }
            #expect(error?.code == "kube.transport")
            #expect(error?.hint?.contains("certificate-authority") == true)
            #expect(cluster.clock.sleeps.isEmpty)
        }
        try await LiveCluster.run(kubeconfigText: { Self.kubeconfig($0, cluster: "insecure-skip-tls-verify: true") }) {
            (_: LiveCluster, client: any KubeClient) async throws -> Void in
            #expect(try await client.resource(apiVersion: "v1", kind: "Pod")?.plural == "pods")
        }
    }

    @Test("basic auth from the kubeconfig is sent and accepted")
    func basicAuth() async throws {
        let options = KubeTestServerOptions(basicAuth: ["admin": "hunter2"])
        try await LiveCluster.run(
            options: options, kubeconfigText: { Self.kubeconfig($0, cluster: Self.ca($0), user: "{username: admin, password: hunter2}") }
        ) { (_: LiveCluster, client: any KubeClient) async throws -> Void in
            #expect(try await client.get(LiveCluster.namespaces, name: "default", namespace: nil) != nil)
        }
    }

    @Test("an exec plugin's token is used, and after a 401 the plugin runs once more")
    func execPlugin() async throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("rig-plugin-\(UUID().uuidString).sh").path
        let counter = script + ".count"
        defer {
            try? FileManager.default.removeItem(atPath: script)
            try? FileManager.default.removeItem(atPath: counter)
        }
        // The first run prints a token the server refuses, later runs the accepted one.
        let text = """
            #!/bin/sh
            echo run >> "\(counter)"
            token=stale-token
            if [ "$(wc -l < "\(counter)")" -gt 1 ]; then token=fresh-token; fi
            printf '{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","status":{"token":"%s"}}' "$token"
            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: script))
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script)
        let user = "{exec: {apiVersion: client.authentication.k8s.io/v1, command: \"\(script)\", interactiveMode: Never}}"
        let options = KubeTestServerOptions(bearerTokens: ["fresh-token"])
        try await LiveCluster.run(options: options, kubeconfigText: { Self.kubeconfig($0, cluster: Self.ca($0), user: user) }) {
            (cluster: LiveCluster, client: any KubeClient) async throws -> Void in
            #expect(try await client.get(LiveCluster.namespaces, name: "default", namespace: nil) != nil)
            #expect(try await client.get(LiveCluster.namespaces, name: "kube-system", namespace: nil) != nil)
            let runs = try String(contentsOfFile: counter, encoding: .utf8).split(separator: "\n").count
            #expect(runs == 2)
            #expect(cluster.server.requests().map(\.status) == [401, 200, 200])
        }
    }

    @Test("an exec plugin's client certificate is presented per request, and the server accepts it")
    func execClientCertificate() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rig-plugin-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await LiveCluster.run(kubeconfigText: { server in
            let credential = YAMLValue.mapping([
                YAMLPair(.string("kind"), .string("ExecCredential")),
                YAMLPair(.string("apiVersion"), .string("client.authentication.k8s.io/v1beta1")),
                YAMLPair(.string("status"), .mapping([
                    YAMLPair(.string("clientCertificateData"), .string(server.clientCertificatePEM)),
                    YAMLPair(.string("clientKeyData"), .string(server.clientKeyPEM)),
                ])),
            ])
            try? Data(credential.jsonBytes).write(to: URL(fileURLWithPath: directory + "/credential.json"))
            let user = "{exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: cat, args: [\"\(directory)/credential.json\"]}}"
            return Self.kubeconfig(server, cluster: Self.ca(server), user: user)
        }) { (cluster: LiveCluster, client: any KubeClient) async throws -> Void in
            #expect(try await client.get(LiveCluster.namespaces, name: "default", namespace: nil) != nil)
            #expect(try await client.get(LiveCluster.namespaces, name: "kube-public", namespace: nil) != nil)
            #expect(cluster.server.requests().map(\.status) == [200, 200])
        }
    }
}
