import Engine
import Foundation
import Kube
import KubeHTTP
import KubeTestServer
import RigCLI
import Template
import Testing
import YAML

/// The example playbook against the in-repo Kubernetes API server, through the live HTTP client:
/// the namespace, the NACK CRDs and the Stream (the Helm tasks are skipped until the Helm client
/// exists).
@Suite("The example applies to a Kubernetes API server, idempotently", .serialized)
struct ExampleClusterTests {
    struct Run {
        var events: [TaskEvent]
        var succeeded: Bool
        var recap: Recap

        /// The lines `rig plan` and `rig apply` print for the tasks, without colour.
        var text: String { events.map { EventPrinter.plainText(.task($0)) }.joined() }
    }

    static func run(_ mode: RunOptions.Mode, server: KubeTestServer, folder: String, extra: [String: Value] = [:]) async throws -> Run {
        let kubeconfig = folder + "/kubeconfig"
        if !FileManager.default.fileExists(atPath: kubeconfig) {
            try server.writeKubeconfig(to: kubeconfig, context: "test", embedCertificates: false)
        }
        let files = RepositoryFiles(root: RenderGoldenTests.root)
        let context = LoadContext(fileSystem: files)
        let playbook = try #require(PlaybookLoader(context: context, rolesPaths: ["roles"]).load("playbooks/local-dev-messaging.yaml"))
        let propertiesText = try #require(files.readFile("env/local.yaml"))
        let properties = Value(yaml: try #require(try YAMLLoader.loadValues(propertiesText, path: "local").first))
        let provider = HTTPKubeClientProvider(environment: [:], homeDirectory: folder)
        var options = RunOptions(
            mode: mode, tags: TagFilter(only: [], skip: ["helm"]), extraVariables: extra, environmentProperties: properties.stringKeyed,
            environmentName: "local", kube: KubeRunOptions(provider: provider, kubeconfig: kubeconfig, context: "test"))
        options.clock = ManualRunClock()
        var events: [TaskEvent] = []
        var recap = Recap()
        let succeeded = await Runner(playbook: playbook, options: options, context: context) { event in
            if case .task(let task) = event { events.append(task) }
            if case .recap(let final) = event { recap = final }
        }.run()
        await provider.shutdown()
        return Run(events: events, succeeded: succeeded, recap: recap)
    }

    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "rig-example-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return path
    }

    @Test("plan, apply, re-apply without a single write, then a changed property plans and applies exactly one object")
    func applyTwice() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await KubeTestServer.withServer { server in
            let plan = try await Self.run(.plan, server: server, folder: folder)
            #expect(plan.succeeded, "\(plan.text)")
            #expect(plan.text.contains("+ messaging Namespace"))
            #expect(plan.text.contains("+ streams.jetstream.nats.io CustomResourceDefinition"))
            #expect(plan.text.contains("+ messaging/contact-person Stream  (its CRD comes from an earlier task)"))
            #expect(server.requests().allSatisfy { !$0.isWrite }, "plan wrote: \(server.requests().filter(\.isWrite))")

            let first = try await Self.run(.apply, server: server, folder: folder)
            #expect(first.succeeded, "\(first.text)")
            #expect(first.recap.changed == 3, "\(first.text)")
            #expect(first.recap.failed == 0)

            server.clearRequests()
            let second = try await Self.run(.apply, server: server, folder: folder)
            #expect(second.succeeded, "\(second.text)")
            #expect(second.recap.changed == 0, "\(second.text)")
            let writes = server.requests().filter(\.isWrite)
            #expect(writes.isEmpty, "the second apply wrote: \(writes.map { "\($0.method) \($0.path)" })")
            // At most one read per object (8 objects: the namespace, 6 CRDs read with one LIST, the Stream), plus discovery.
            let reads = server.requests().filter { !["/api", "/apis"].contains($0.path) }
            #expect(reads.count <= 8, "\(reads.map { "\($0.method) \($0.path)" })")

            let replan = try await Self.run(.plan, server: server, folder: folder, extra: ["streams": Self.streams(maxBytes: 200_000_000)])
            #expect(replan.text.contains("~ messaging/contact-person Stream"), "\(replan.text)")
            #expect(replan.text.contains("~ spec.maxBytes: 100000000 → 200000000"), "\(replan.text)")
            #expect(!replan.text.contains("~ messaging Namespace"))

            server.clearRequests()
            let third = try await Self.run(.apply, server: server, folder: folder, extra: ["streams": Self.streams(maxBytes: 200_000_000)])
            #expect(third.recap.changed == 1, "\(third.text)")
            let realWrites = server.requests().filter { $0.isWrite && $0.query["dryRun"] == nil }
            #expect(realWrites.map(\.path) == ["/apis/jetstream.nats.io/v1beta2/namespaces/messaging/streams/contact-person"])
        }
    }

    @Test("destroy deletes the Stream, then the CRDs, then the namespace; plan afterwards shows everything to create")
    func destroy() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await KubeTestServer.withServer { server in
            _ = try await Self.run(.apply, server: server, folder: folder)
            server.clearRequests()
            let destroyed = try await Self.run(.destroy, server: server, folder: folder)
            #expect(destroyed.succeeded, "\(destroyed.text)")
            let deletes = server.requests().filter { $0.method == "DELETE" }.map(\.path)
            #expect(deletes.first == "/apis/jetstream.nats.io/v1beta2/namespaces/messaging/streams/contact-person")
            #expect(deletes.last == "/api/v1/namespaces/messaging")
            #expect(deletes.count == 8)
            let plan = try await Self.run(.plan, server: server, folder: folder)
            #expect(plan.text.contains("+ messaging Namespace"), "\(plan.text)")
        }
    }

    /// The `streams` property with one field changed, as `-e` would pass it.
    static func streams(maxBytes: Int) -> Value {
        .dict([
            .string("contact-person"): .dict([
                .string("name"): .string("stream"),
                .string("description"): .string("contact person records published by the NestJS services"),
                .string("subjects"): .list([.string("contact-person")]), .string("storage"): .string("memory"),
                .string("retention"): .string("limits"), .string("max_bytes"): .int(maxBytes), .string("discard"): .string("old"),
            ])
        ])
    }
}
