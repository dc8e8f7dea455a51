import Diagnostics
import Engine
import Foundation
import Kube
import KubeHTTP
import KubeTestServer
import Template
import Testing
import YAML

/// What a user sees when the server says no: the object named, the server's reason, and the fix.
@Suite("Server errors become task failures that say what to do", .serialized)
struct ClusterErrorTests {
    struct Outcome {
        var events: [TaskEvent]
        var failure: Diagnostic? { events.first { $0.status == .failed }?.diagnostic }
    }

    static func run(_ playbook: String, server: KubeTestServer, folder: String) async throws -> Outcome {
        let kubeconfig = folder + "/kubeconfig"
        if !FileManager.default.fileExists(atPath: kubeconfig) {
            try server.writeKubeconfig(to: kubeconfig, context: "test", embedCertificates: true)
        }
        let context = LoadContext(fileSystem: MemoryFiles(files: ["play.yaml": playbook]))
        let loaded = try #require(PlaybookLoader(context: context).load("play.yaml"))
        let provider = HTTPKubeClientProvider(environment: [:], homeDirectory: folder)
        var options = RunOptions(mode: .apply, kube: KubeRunOptions(provider: provider, kubeconfig: kubeconfig, context: "test"))
        options.clock = ManualRunClock()
        var events: [TaskEvent] = []
        await Runner(playbook: loaded, options: options, context: context) { event in
            if case .task(let task) = event { events.append(task) }
        }.run()
        await provider.shutdown()
        return Outcome(events: events)
    }

    static func configMap(color: String, force: Bool) -> String {
        """
        - hosts: localhost
          tasks:
            - name: settings
              k8s:
                namespace: default
                server_side_apply: {field_manager: rig, force_conflicts: \(force)}
                definition: {apiVersion: v1, kind: ConfigMap, metadata: {name: settings}, data: {color: \(color)}}
        """
    }

    @Test("a field another manager owns: 409 names that manager and force_conflicts; with it the field is taken over")
    func conflict() async throws {
        let folder = NSTemporaryDirectory() + "rig-conflict-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await KubeTestServer.withServer { server in
            // kubectl applies the ConfigMap first with another colour.
            let provider = HTTPKubeClientProvider(environment: [:], homeDirectory: folder)
            try server.writeKubeconfig(to: folder + "/kubeconfig", context: "test", embedCertificates: true)
            let client = try await provider.client(kubeconfig: folder + "/kubeconfig", context: "test")
            let resource = try #require(try await client.resource(apiVersion: "v1", kind: "ConfigMap"))
            let object = try YAMLValue.parseJSON(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings","namespace":"default"},"data":{"color":"blue"}}"#)
            _ = try await client.apply(object, resource: resource, options: KubeApplyOptions(fieldManager: "kubectl"))
            await provider.shutdown()

            let refused = try await Self.run(Self.configMap(color: "red", force: false), server: server, folder: folder)
            let failure = try #require(refused.failure)
            #expect(failure.summary.hasPrefix("default/settings ConfigMap:"), "\(failure.summary)")
            #expect(failure.summary.contains("kubectl"))
            #expect(failure.hint?.contains("force_conflicts") == true, "\(failure.hint ?? "no hint")")

            let forced = try await Self.run(Self.configMap(color: "red", force: true), server: server, folder: folder)
            #expect(forced.failure == nil)
            #expect(forced.events.first?.status == .changed)
            #expect(forced.events.first?.changes.first?.fields.map(\.pathText) == ["data.color"])
        }
    }

    @Test("a Stream that breaks its CRD's schema: 422 with the field named, and nothing stored")
    func invalid() async throws {
        let folder = NSTemporaryDirectory() + "rig-invalid-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let crds = try String(contentsOfFile: RenderGoldenTests.root + "/roles/messaging/files/nack-crds.yml", encoding: .utf8)
        try crds.write(toFile: folder + "/crds.yml", atomically: true, encoding: .utf8)
        let playbook = """
            - hosts: localhost
              tasks:
                - name: crds
                  k8s: {src: \(folder)/crds.yml}
                - name: stream
                  k8s:
                    definition:
                      apiVersion: jetstream.nats.io/v1beta2
                      kind: Stream
                      metadata: {name: orders, namespace: default}
                      spec: {name: orders, subjects: [orders], storage: disk}
            """
        try await KubeTestServer.withServer { server in
            let outcome = try await Self.run(playbook, server: server, folder: folder)
            let failure = try #require(outcome.failure)
            #expect(failure.summary.hasPrefix("default/orders Stream:"), "\(failure.summary)")
            #expect(failure.summary.contains("spec.storage"), "\(failure.summary)")
            #expect(outcome.events.last?.task == "stream")
        }
    }
}

extension ClusterErrorTests {
    @Test("an object without a namespace goes to the kubeconfig context's namespace, as with kubectl")
    func contextNamespace() async throws {
        let folder = NSTemporaryDirectory() + "rig-namespace-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await KubeTestServer.withServer { server in
            let path = folder + "/kubeconfig"
            try server.writeKubeconfig(to: path, context: "test", embedCertificates: true)
            // The context gets a namespace, as `kubectl config set-context --current --namespace team` does.
            var config = try YAMLValue.parseJSON(try String(contentsOfFile: path, encoding: .utf8))
            guard case .sequence(var contexts) = config["contexts"] ?? .null, var first = contexts.first, var inner = first["context"] else {
                Issue.record("unexpected kubeconfig shape")
                return
            }
            inner.set("namespace", .string("team"))
            first.set("context", inner)
            contexts[0] = first
            config.set("contexts", .sequence(contexts))
            try config.jsonText.write(toFile: path, atomically: true, encoding: .utf8)
            let playbook = """
                - hosts: localhost
                  tasks:
                    - k8s: {kind: Namespace, name: team}
                    - name: settings
                      k8s: {definition: {apiVersion: v1, kind: ConfigMap, metadata: {name: settings}, data: {a: b}}}
                """
            let outcome = try await Self.run(playbook, server: server, folder: folder)
            #expect(outcome.failure == nil)
            #expect(outcome.events.last?.changes.first?.object == "team/settings ConfigMap")
            #expect(server.requests().contains { $0.method == "PATCH" && $0.path == "/api/v1/namespaces/team/configmaps/settings" })
        }
    }
}

/// Files in memory, for playbooks written in tests.
struct MemoryFiles: EngineFileSystem {
    var files: [String: String]
    func readFile(_ path: String) -> String? { files[path] ?? LocalEngineFileSystem().readFile(path) }
    func isDirectory(_ path: String) -> Bool { false }
    func listDirectory(_ path: String) -> [String]? { nil }
}
