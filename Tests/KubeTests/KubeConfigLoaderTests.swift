import Foundation
import Kube
import Testing

@Suite("Loading kubeconfig as kubectl does")
struct KubeConfigLoaderTests {
    @Test("a minikube kubeconfig reads its CA and client certificate from files under ~/.minikube")
    func minikube() throws {
        let sandbox = try KubeconfigSandbox()
        let connection = try sandbox.loader().connection(kubeconfig: sandbox.path("minikube.yaml"), context: nil)
        #expect(connection.server == "https://192.168.49.2:8443")
        #expect(connection.contextName == "minikube")
        #expect(connection.namespace == "default")
        #expect(connection.trust == .certificateAuthority(pem: try KubeconfigSandbox.pem("ca.crt")))
        #expect(connection.clientCertificate?.certificatePEM == (try KubeconfigSandbox.pem("client.crt")))
        #expect(connection.clientCertificate?.privateKeyPEM.revealed == (try KubeconfigSandbox.pem("client.key")))
        #expect(connection.authentication == .none)
    }

    @Test(
        "kind, k3s and Docker Desktop kubeconfigs decode their base64 data fields",
        arguments: [
            ("kind.yaml", "kind-kind", "https://127.0.0.1:38745"),
            ("k3s.yaml", "default", "https://127.0.0.1:6443"),
            ("docker-desktop.yaml", "docker-desktop", "https://kubernetes.docker.internal:6443"),
        ])
    func dataFields(file: String, context: String, server: String) throws {
        let sandbox = try KubeconfigSandbox()
        let connection = try sandbox.loader().connection(kubeconfig: sandbox.path(file), context: nil)
        #expect(connection.contextName == context)
        #expect(connection.server == server)
        #expect(connection.trust == .certificateAuthority(pem: try KubeconfigSandbox.pem("ca.crt")))
        #expect(connection.clientCertificate?.certificatePEM == (try KubeconfigSandbox.pem("client.crt")))
        #expect(connection.clientCertificate?.privateKeyPEM.revealed == (try KubeconfigSandbox.pem("client.key")))
        #expect(connection.namespace == nil)
    }

    @Test("~/.kube/config is read when neither KUBECONFIG nor an explicit path is given")
    func homeConfig() throws {
        let sandbox = try KubeconfigSandbox()
        try sandbox.write(try String(contentsOfFile: sandbox.path("kind.yaml"), encoding: .utf8), to: sandbox.home + "/.kube/config")
        let connection = try sandbox.loader().connection(kubeconfig: nil, context: nil)
        #expect(connection.contextName == "kind-kind")
        #expect(connection.origin.contains(sandbox.home + "/.kube/config"))
    }

    @Test("an explicit path with ~ replaces the KUBECONFIG search")
    func explicitPathWithTilde() throws {
        let sandbox = try KubeconfigSandbox()
        let loader = sandbox.loader(["KUBECONFIG": sandbox.path("kind.yaml")])
        let connection = try loader.connection(kubeconfig: "~/kube/k3s.yaml", context: nil)
        #expect(connection.server == "https://127.0.0.1:6443")
    }

    @Test("an EKS exec user (v1beta1, aws eks get-token) keeps its command, args and env")
    func eksExec() throws {
        let sandbox = try KubeconfigSandbox()
        let connection = try sandbox.loader().connection(kubeconfig: sandbox.path("eks-exec-v1beta1.yaml"), context: nil)
        guard case .exec(let plugin, let cluster) = connection.authentication else {
            Issue.record("expected an exec plugin, got \(connection.authentication)")
            return
        }
        #expect(plugin.apiVersion == "client.authentication.k8s.io/v1beta1")
        #expect(plugin.command == "aws")
        #expect(plugin.arguments == ["--region", "eu-west-1", "eks", "get-token", "--cluster-name", "platform", "--output", "json"])
        #expect(plugin.environment.map(\.name) == ["AWS_PROFILE"])
        #expect(plugin.interactiveMode == .ifAvailable)
        #expect(cluster == nil)
    }

    @Test("a v1 exec plugin's relative command resolves against the kubeconfig's directory")
    func execV1() throws {
        let sandbox = try KubeconfigSandbox()
        let connection = try sandbox.loader().connection(kubeconfig: sandbox.path("exec-v1.yaml"), context: nil)
        guard case .exec(let plugin, let cluster) = connection.authentication else {
            Issue.record("expected an exec plugin")
            return
        }
        #expect(plugin.command == sandbox.kube + "/./bin/credential-plugin.sh")
        #expect(plugin.interactiveMode == .never)
        #expect(plugin.installHint == "install the credential plugin with 'make plugin'")
        #expect(cluster?["server"] == .string("https://k8s.example.com:6443"))
        #expect(cluster?["config"]?["audience"] == .string("rig-tests"))
        #expect(connection.namespace == "messaging")
    }

    @Test("a bearer token, a token file, basic auth, insecure and tls-server-name are read per context")
    func credentialKinds() throws {
        let sandbox = try KubeconfigSandbox()
        try sandbox.write("-----BEGIN CERTIFICATE-----\n", to: sandbox.path("ca.crt"))
        try sandbox.write("file-token\n", to: sandbox.path("tokens/ci.token"))
        let loader = sandbox.loader()
        let path = sandbox.path("token.yaml")
        let token = try loader.connection(kubeconfig: path, context: nil)
        #expect(token.authentication == .bearerToken(KubeSecret("sekret-bearer-token-123")))
        #expect(token.server == "https://staging.example.com")
        #expect(token.tlsServerName == "api.staging.internal")
        #expect(token.namespace == "messaging")
        let tokenFile = try loader.connection(kubeconfig: path, context: "staging-token-file")
        #expect(tokenFile.authentication == .tokenFile(path: sandbox.kube + "/tokens/ci.token"))
        let basic = try loader.connection(kubeconfig: path, context: "staging-basic")
        #expect(basic.authentication == .basic(username: "admin", password: KubeSecret("hunter2-password")))
        let insecure = try loader.connection(kubeconfig: path, context: "staging-insecure")
        #expect(insecure.trust == .insecure)
    }

    @Test("KUBECONFIG merges files: the first to name a cluster, user or context wins, missing files are skipped")
    func merge() throws {
        let sandbox = try KubeconfigSandbox()
        let list = [sandbox.path("missing.yaml"), sandbox.path("merge-first.yaml"), sandbox.path("merge-second.yaml")]
        let loader = sandbox.loader(["KUBECONFIG": list.joined(separator: ":")])
        let config = try #require(try loader.load(explicit: nil))
        #expect(config.files == [sandbox.path("merge-first.yaml"), sandbox.path("merge-second.yaml")])
        #expect(config.currentContext == "only-second")
        #expect(Array(config.contexts.keys) == ["shared", "only-first", "only-second"])
        let current = try config.connection(context: nil)
        #expect(current.server == "https://second-only.example.com:6443")
        let shared = try config.connection(context: "shared")
        #expect(shared.server == "https://first.example.com:6443")
        #expect(shared.authentication == .bearerToken(KubeSecret("first-token")))
        #expect(shared.namespace == nil)
    }

    @Test("the first file that sets current-context decides it")
    func currentContextFromFirstFile() throws {
        let sandbox = try KubeconfigSandbox()
        let loader = sandbox.loader(["KUBECONFIG": "\(sandbox.path("kind.yaml")):\(sandbox.path("merge-second.yaml"))"])
        let connection = try loader.connection(kubeconfig: nil, context: nil)
        #expect(connection.contextName == "kind-kind")
    }

    @Test("in a pod without kubeconfig the service account token, CA and namespace are used")
    func inCluster() throws {
        let sandbox = try KubeconfigSandbox()
        let account = sandbox.home + "/serviceaccount"
        try sandbox.write("pod-token", to: account + "/token")
        try sandbox.write("-----BEGIN CERTIFICATE-----\n", to: account + "/ca.crt")
        try sandbox.write("messaging", to: account + "/namespace")
        let loader = sandbox.loader(["KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443"], serviceAccount: account)
        let connection = try loader.connection(kubeconfig: nil, context: nil)
        #expect(connection.server == "https://10.96.0.1:443")
        #expect(connection.authentication == .tokenFile(path: account + "/token"))
        #expect(connection.namespace == "messaging")
        #expect(connection.contextName == nil)
    }
}
