import Foundation
import Kube
import Testing

@Suite("Kubeconfig problems are reported with the fix")
struct KubeConfigErrorTests {
    @Test("an unknown context lists the available ones")
    func unknownContext() throws {
        let sandbox = try KubeconfigSandbox()
        let path = sandbox.path("token.yaml")
        try sandbox.write("ca", to: sandbox.path("ca.crt"))
        let error = try #require(throws: KubeError.self) { try sandbox.loader().connection(kubeconfig: path, context: "prod") }
        #expect(error.code == "kube.config")
        #expect(error.message == "context 'prod' is not in kubeconfig \(path)")
        #expect(error.hint == "available contexts: staging-token, staging-token-file, staging-basic, staging-insecure")
    }

    @Test("an explicit kubeconfig that does not exist is an error, not a fallback")
    func missingExplicitFile() throws {
        let sandbox = try KubeconfigSandbox()
        let error = try #require(throws: KubeError.self) {
            try sandbox.loader().connection(kubeconfig: "~/nowhere/config", context: nil)
        }
        #expect(error.message == "kubeconfig \(sandbox.home)/nowhere/config does not exist")
    }

    @Test("no kubeconfig anywhere says where it looked")
    func nothingFound() throws {
        let sandbox = try KubeconfigSandbox()
        let error = try #require(throws: KubeError.self) { try sandbox.loader().connection(kubeconfig: nil, context: nil) }
        #expect(error.message == "no kubeconfig found (looked at \(sandbox.home)/.kube/config)")
        #expect(error.hint?.contains("KUBECONFIG") == true)
    }

    @Test("bad YAML points at file:line:col")
    func badYAML() throws {
        let sandbox = try KubeconfigSandbox()
        let path = sandbox.path("broken.yaml")
        let error = try #require(throws: KubeError.self) { try sandbox.loader().connection(kubeconfig: path, context: nil) }
        #expect(error.code == "kube.config")
        #expect(error.message.hasPrefix("kubeconfig \(path) is not valid YAML: \(path):7:"))
    }

    @Test("a CA file that does not exist names the cluster, the file and the kubeconfig")
    func missingCA() throws {
        let sandbox = try KubeconfigSandbox()
        try FileManager.default.removeItem(atPath: sandbox.home + "/.minikube/ca.crt")
        let path = sandbox.path("minikube.yaml")
        let error = try #require(throws: KubeError.self) { try sandbox.loader().connection(kubeconfig: path, context: nil) }
        #expect(
            error.message
                == "cluster 'minikube' in \(path): certificate-authority \(sandbox.home)/.minikube/ca.crt does not exist")
    }

    @Test("a context naming a missing user says so")
    func missingUser() throws {
        let sandbox = try KubeconfigSandbox()
        let path = sandbox.path("dangling.yaml")
        try sandbox.write(
            """
            clusters: [{name: c, cluster: {server: "https://x:6443"}}]
            contexts: [{name: ctx, context: {cluster: c, user: ghost}}]
            current-context: ctx
            """, to: path)
        let error = try #require(throws: KubeError.self) { try sandbox.loader().connection(kubeconfig: path, context: nil) }
        #expect(error.message == "context 'ctx' names user 'ghost', which is not in kubeconfig \(path)")
    }

    @Test("a legacy auth-provider is refused with the way out")
    func authProvider() throws {
        let sandbox = try KubeconfigSandbox()
        let path = sandbox.path("gcp.yaml")
        try sandbox.write(
            """
            clusters: [{name: c, cluster: {server: "https://x:6443"}}]
            users: [{name: u, user: {auth-provider: {name: gcp, config: {access-token: secret-access}}}}]
            contexts: [{name: ctx, context: {cluster: c, user: u}}]
            current-context: ctx
            """, to: path)
        let error = try #require(throws: KubeError.self) { try sandbox.loader().connection(kubeconfig: path, context: nil) }
        #expect(error.message.contains("auth-provider 'gcp'"))
        #expect(error.hint?.contains("exec plugin") == true)
        #expect(!error.description.contains("secret-access"))
    }
}

@Suite("Secrets stay out of what rig prints")
struct KubeConnectionRedactionTests {
    @Test("a connection's description names the credential kind but never the token, password or key")
    func description() throws {
        let sandbox = try KubeconfigSandbox()
        try sandbox.write("ca", to: sandbox.path("ca.crt"))
        let loader = sandbox.loader()
        let token = try loader.connection(kubeconfig: sandbox.path("token.yaml"), context: nil)
        let basic = try loader.connection(kubeconfig: sandbox.path("token.yaml"), context: "staging-basic")
        let kind = try loader.connection(kubeconfig: sandbox.path("kind.yaml"), context: nil)
        let key = String(decoding: try KubeconfigSandbox.pem("client.key"), as: UTF8.self)
        let keyLine = try #require(key.split(separator: "\n").dropFirst().first)
        for connection in [token, basic, kind] {
            let texts = [connection.description, String(describing: connection), String(reflecting: connection), "\(connection)"]
            var dumped = ""
            dump(connection, to: &dumped)
            for text in texts + [dumped] {
                #expect(!text.contains("sekret-bearer-token-123"))
                #expect(!text.contains("hunter2-password"))
                #expect(!text.contains(keyLine))
            }
        }
        #expect(token.description.contains("bearer token"))
        #expect(basic.description.contains("basic auth as admin"))
    }
}
