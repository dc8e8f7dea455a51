import Foundation
import KubeTestServer
import Subprocess
import SystemPackage
import Testing
import YAML

/// Runs the real kubectl 1.34 that `scripts/setup.sh` installs (`RIG_KUBECTL` overrides the
/// path; the system kubectl is never used: its version differs).
struct Kubectl {
    let executable: String
    let home: String
    let kubeconfig: String

    static var path: String {
        if let path = ProcessInfo.processInfo.environment["RIG_KUBECTL"], !path.isEmpty { return path }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repository.appendingPathComponent(".tools/bin/kubectl").path
    }

    /// A kubectl with a fresh HOME (cold caches) and a kubeconfig for the server; nil, with a
    /// recorded failure, when the binary is missing.
    static func make(for server: KubeTestServer) throws -> Kubectl? {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Issue.record("kubectl 1.34 is missing at \(path): run scripts/setup.sh (or set RIG_KUBECTL)")
            return nil
        }
        let home = NSTemporaryDirectory() + "kubectl-home-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try server.writeKubeconfig(to: home + "/kubeconfig", embedCertificates: false)
        return Kubectl(executable: path, home: home, kubeconfig: home + "/kubeconfig")
    }

    /// Runs kubectl; stdout and stderr together, and whether it exited 0.
    func run(_ arguments: String..., input: String? = nil) async throws -> (ok: Bool, output: String) {
        var arguments = arguments
        if let input {
            let file = home + "/input-\(UUID().uuidString).yaml"
            try input.write(toFile: file, atomically: true, encoding: .utf8)
            arguments = arguments.map { $0 == "-" ? file : $0 }
        }
        let result = try await Subprocess.run(
            .path(FilePath(executable)), arguments: Arguments(arguments),
            environment: .inherit.updating(["HOME": home, "KUBECONFIG": kubeconfig]),
            output: .string(limit: 4 << 20), error: .string(limit: 4 << 20))
        let ok = result.terminationStatus == .exited(0)
        return (ok, result.standardOutput + result.standardError)
    }
}

@Suite("The real kubectl 1.34 against the test server")
struct KubectlTests {
    static let configMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: app-settings
          namespace: default
        data:
          color: blue
        """

    static let stream = """
        apiVersion: jetstream.nats.io/v1beta2
        kind: Stream
        metadata:
          name: orders
          namespace: default
        spec:
          name: orders
          subjects: ["orders.>"]
          storage: file
          retention: limits
          maxBytes: 1073741824
          replicas: 1
        """

    @Test("apply --server-side twice leaves the resourceVersion alone; get, get -o yaml and delete work")
    func configMapLifecycle() async throws {
        try await KubeTestServer.withServer { server in
            guard let kubectl = try Kubectl.make(for: server) else { return }
            let first = try await kubectl.run("apply", "--server-side", "-f", "-", input: Self.configMap)
            #expect(first.ok, "\(first.output)")
            #expect(first.output.contains("configmap/app-settings serverside-applied"))
            let version = try await kubectl.run("get", "cm", "app-settings", "-o", "jsonpath={.metadata.resourceVersion}")
            server.clearRequests()
            let second = try await kubectl.run("apply", "--server-side", "-f", "-", input: Self.configMap)
            #expect(second.ok, "\(second.output)")
            #expect(second.output.contains("serverside-applied") || second.output.contains("unchanged"))
            let again = try await kubectl.run("get", "cm", "app-settings", "-o", "jsonpath={.metadata.resourceVersion}")
            #expect(again.output == version.output)
            #expect(server.requests().filter(\.isWrite).allSatisfy { $0.method == "PATCH" && $0.status == 200 })
            let table = try await kubectl.run("get", "cm")
            #expect(table.ok)
            #expect(table.output.contains("NAME") && table.output.contains("app-settings") && table.output.contains("DATA"))
            let yaml = try await kubectl.run("get", "cm", "app-settings", "-o", "yaml")
            #expect(yaml.output.contains("color: blue"))
            #expect(yaml.output.contains("name: app-settings"))
            let deleted = try await kubectl.run("delete", "cm", "app-settings")
            #expect(deleted.ok, "\(deleted.output)")
            #expect(deleted.output.contains("deleted"))
            #expect(try await kubectl.run("get", "cm", "app-settings").ok == false)
        }
    }

    @Test("the nack CRDs apply, kubectl wait sees Established, and a Stream applies with its defaults")
    func crdsAndStream() async throws {
        try await KubeTestServer.withServer(options: KubeTestServerOptions(crdEstablishment: .after(.milliseconds(500)))) { server in
            guard let kubectl = try Kubectl.make(for: server) else { return }
            let crds = try await kubectl.run("apply", "--server-side", "-f", Fixtures.sharedDirectory + "/fixtures/nack/crds.yml")
            #expect(crds.ok, "\(crds.output)")
            #expect(crds.output.contains("customresourcedefinition.apiextensions.k8s.io/streams.jetstream.nats.io serverside-applied"))
            let wait = try await kubectl.run(
                "wait", "--for", "condition=established", "crd/streams.jetstream.nats.io", "--timeout=20s")
            #expect(wait.ok, "\(wait.output)")
            #expect(wait.output.contains("condition met"))
            let stream = try await kubectl.run("apply", "--server-side", "-f", "-", input: Self.stream)
            #expect(stream.ok, "\(stream.output)")
            #expect(stream.output.contains("stream.jetstream.nats.io/orders serverside-applied"))
            let discard = try await kubectl.run("get", "stream", "orders", "-o", "jsonpath={.spec.discard}")
            #expect(discard.output == "old")
            let invalid = try await kubectl.run(
                "apply", "--server-side", "-f", "-", input: Self.stream.replacingOccurrences(of: "storage: file", with: "storage: floppy"))
            #expect(!invalid.ok)
            #expect(invalid.output.contains("Unsupported value: \"floppy\""))
        }
    }

    @Test("client-side apply creates, then is unchanged, then configures a Deployment with a strategic merge patch")
    func clientSideApply() async throws {
        try await KubeTestServer.withServer { server in
            guard let kubectl = try Kubectl.make(for: server) else { return }
            let deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: default}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: "nginx:1"}]
                """
            #expect(try await kubectl.run("apply", "-f", "-", input: deployment).output.contains("deployment.apps/web created"))
            #expect(try await kubectl.run("apply", "-f", "-", input: deployment).output.contains("deployment.apps/web unchanged"))
            let changed = deployment.replacingOccurrences(of: "nginx:1", with: "nginx:2")
            #expect(try await kubectl.run("apply", "-f", "-", input: changed).output.contains("deployment.apps/web configured"))
            let image = try await kubectl.run(
                "get", "deployment", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image} {.metadata.generation}")
            #expect(image.output == "nginx:2 2")
        }
    }
}
