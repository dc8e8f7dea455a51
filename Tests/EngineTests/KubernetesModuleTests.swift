import Engine
import Kube
import Synchronization
import Template
import Testing
import YAML

/// The k8s module against an in-memory cluster: what `plan`, `apply` and `destroy` report, and
/// which calls reach the cluster.
@Suite("k8s plans, applies and destroys idempotently")
struct KubernetesModuleTests {
    struct Outcome {
        var events: [TaskEvent]
        var succeeded: Bool
        var recap: Recap

        /// One line per object change: `task: status glyph object [fields]`.
        var lines: [String] {
            events.flatMap { event -> [String] in
                let head = "\(event.task): \(event.status.rawValue)"
                if event.changes.isEmpty {
                    return [head + (event.diagnostic.map { " \($0.summary)" } ?? "")]
                }
                return event.changes.map { change in
                    var line = "\(head) \(change.action.glyph) \(change.object)"
                    for field in change.fields {
                        line += " [\(field.pathText): \(field.before.map { $0.jsonText } ?? "-") → \(field.after.map { $0.jsonText } ?? "-")]"
                    }
                    if let note = change.note { line += " (\(note))" }
                    return line
                }
            }
        }
    }

    static let files: [String: String] = [
        "crds.yml": """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: streams.jetstream.nats.io}
            spec:
              group: jetstream.nats.io
              scope: Namespaced
              names: {kind: Stream, plural: streams}
              versions: [{name: v1beta2, served: true, storage: true}]
            """
    ]

    static let playbook = """
        - hosts: localhost
          vars:
            size: "1"
            secret: hunter2
          tasks:
            - name: namespace
              k8s: {kind: Namespace, name: messaging, kubeconfig: ~/.kube/config, context: minikube}
            - name: crds
              k8s: {src: crds.yml, wait: true}
            - name: config
              k8s:
                namespace: messaging
                definition:
                  apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: settings}
                  data: {size: "{{ size }}"}
            - name: credentials
              k8s:
                namespace: messaging
                definition:
                  apiVersion: v1
                  kind: Secret
                  metadata: {name: credentials}
                  stringData: {password: "{{ secret }}"}
            - name: stream
              k8s:
                namespace: messaging
                definition:
                  apiVersion: jetstream.nats.io/v1beta2
                  kind: Stream
                  metadata: {name: orders}
                  spec: {name: orders, subjects: [orders]}
        """

    func run(
        _ mode: RunOptions.Mode, _ cluster: InMemoryKubeClient, playbook: String = KubernetesModuleTests.playbook,
        extra: [String: Value] = [:], interrupted: @escaping @Sendable () -> Bool = { false }
    ) async throws -> Outcome {
        var files = Self.files
        files["play.yaml"] = playbook
        let context = LoadContext(fileSystem: MemoryRepository(files: files))
        let loaded = try #require(PlaybookLoader(context: context).load("play.yaml"))
        #expect(context.diagnostics.isEmpty, "\(context.diagnostics)")
        var options = RunOptions(mode: mode, extraVariables: extra, kube: KubeRunOptions(provider: InMemoryKubeClientProvider(cluster: cluster)))
        options.clock = ManualRunClock()
        options.interrupted = interrupted
        var events: [TaskEvent] = []
        var recap = Recap()
        let runner = Runner(playbook: loaded, options: options, context: context) { event in
            if case .task(let task) = event { events.append(task) }
            if case .recap(let final) = event { recap = final }
        }
        let succeeded = await runner.run()
        return Outcome(events: events, succeeded: succeeded && !runner.wasInterrupted, recap: recap)
    }

    @Test("Ctrl-C between tasks stops the run there: what was done stays done, nothing after it is sent")
    func interrupt() async throws {
        let cluster = InMemoryKubeClient()
        let checks = Mutex(0)
        // The first task checks twice (before the task, before its object); the third check is the second task's.
        let outcome = try await run(.apply, cluster, interrupted: { checks.withLock { $0 += 1; return $0 >= 3 } })
        #expect(!outcome.succeeded)
        #expect(outcome.lines == ["namespace: changed + messaging Namespace"])
        #expect(await cluster.storedObjects.count == 1)
    }

    @Test("plan on an empty cluster: everything would be created, including objects whose namespace and CRD come from earlier tasks")
    func planEmpty() async throws {
        let cluster = InMemoryKubeClient()
        let outcome = try await run(.plan, cluster)
        #expect(
            outcome.lines == [
                "namespace: changed + messaging Namespace",
                "crds: changed + streams.jetstream.nats.io CustomResourceDefinition",
                "config: changed + messaging/settings ConfigMap (its namespace comes from an earlier task)",
                "credentials: changed + messaging/credentials Secret (its namespace comes from an earlier task)",
                "stream: changed + messaging/orders Stream (its CRD comes from an earlier task)",
            ])
        #expect(await cluster.calls.allSatisfy { !$0.isWrite && !$0.dryRun })
        #expect(await cluster.storedObjects.isEmpty)
    }

    @Test("apply creates everything; a second apply changes nothing and sends no write, not even a dry run")
    func applyTwice() async throws {
        let cluster = InMemoryKubeClient()
        let first = try await run(.apply, cluster)
        #expect(first.succeeded)
        #expect(first.recap.changed == 5)
        #expect(await cluster.storedObjects.count == 5)
        await cluster.clearCalls()
        let second = try await run(.apply, cluster)
        #expect(second.succeeded)
        #expect(second.recap.changed == 0)
        #expect(second.recap.ok == 5)
        let calls = await cluster.calls
        #expect(calls.allSatisfy { $0.verb == "get" }, "\(calls)")
        #expect(calls.count == 5)
    }

    @Test("changing a variable plans exactly that field, applies it, and leaves the rest alone")
    func changeOneField() async throws {
        let cluster = InMemoryKubeClient()
        _ = try await run(.apply, cluster)
        let plan = try await run(.plan, cluster, extra: ["size": .string("3")])
        #expect(plan.lines.filter { !$0.contains(" = ") } == [#"config: changed ~ messaging/settings ConfigMap [data.size: "1" → "3"]"#])
        await cluster.clearCalls()
        let apply = try await run(.apply, cluster, extra: ["size": .string("3")])
        #expect(apply.recap.changed == 1)
        #expect(await cluster.calls.filter(\.isWrite).map(\.description) == ["apply messaging/settings ConfigMap"])
    }

    @Test("secret values never appear in a diff")
    func maskedSecret() async throws {
        let cluster = InMemoryKubeClient()
        _ = try await run(.apply, cluster)
        let plan = try await run(.plan, cluster, extra: ["secret": .string("correct-horse")])
        let line = try #require(plan.lines.first { $0.hasPrefix("credentials:") })
        #expect(line.contains("(sensitive value)"))
        #expect(!plan.lines.joined().contains("correct-horse"))
        #expect(!plan.lines.joined().contains("hunter2"))
    }

    @Test("a CRD that turns Established only after a few reads is waited for before the Stream is applied")
    func waitsForCRD() async throws {
        let cluster = InMemoryKubeClient()
        await cluster.setCRDEstablishDelay(3)
        let outcome = try await run(.apply, cluster)
        #expect(outcome.succeeded, "\(outcome.lines)")
        let calls = await cluster.calls.map(\.description)
        let crdReads = calls.filter { $0 == "get streams.jetstream.nats.io CustomResourceDefinition" }
        #expect(crdReads.count >= 4)
        let lastRead = try #require(calls.lastIndex(of: "get streams.jetstream.nats.io CustomResourceDefinition"))
        let streamApply = try #require(calls.firstIndex(of: "apply messaging/orders Stream"))
        #expect(lastRead < streamApply)
    }

    @Test("destroy deletes in reverse order, the Stream before its CRD, and a second destroy finds nothing")
    func destroy() async throws {
        let cluster = InMemoryKubeClient()
        _ = try await run(.apply, cluster)
        await cluster.clearCalls()
        let outcome = try await run(.destroy, cluster)
        #expect(outcome.succeeded)
        let deletes = await cluster.calls.filter { $0.verb == "delete" }.map(\.object)
        #expect(
            deletes == [
                "messaging/orders Stream", "messaging/credentials Secret", "messaging/settings ConfigMap",
                "streams.jetstream.nats.io CustomResourceDefinition", "messaging Namespace",
            ])
        #expect(await cluster.storedObjects.isEmpty)
        let again = try await run(.destroy, cluster)
        #expect(again.recap.changed == 0)
        #expect(again.succeeded)
    }

    @Test("a server error fails the task with the object named and the hint kept")
    func serverError() async throws {
        let cluster = InMemoryKubeClient()
        await cluster.failNext(
            "get",
            with: .status(403, reason: "Forbidden", message: "namespaces \"messaging\" is forbidden: User \"dev\" cannot get resource \"namespaces\""))
        let outcome = try await run(.apply, cluster)
        #expect(!outcome.succeeded)
        let failed = try #require(outcome.events.first { $0.status == .failed })
        #expect(failed.task == "namespace")
        #expect(failed.diagnostic?.summary.hasPrefix("messaging Namespace: namespaces \"messaging\" is forbidden") == true)
        #expect(await cluster.storedObjects.isEmpty)
    }

    @Test("state absent deletes once and is a no-op when the object or its kind is gone")
    func absent() async throws {
        let cluster = InMemoryKubeClient()
        _ = try await run(.apply, cluster)
        let playbook = """
            - hosts: localhost
              tasks:
                - name: stream gone
                  k8s: {state: absent, namespace: messaging, definition: {apiVersion: jetstream.nats.io/v1beta2, kind: Stream, metadata: {name: orders}}}
                - name: crd gone
                  k8s: {state: absent, kind: CustomResourceDefinition, api_version: apiextensions.k8s.io/v1, name: streams.jetstream.nats.io, wait: true}
                - name: other stream gone
                  k8s: {state: absent, namespace: messaging, definition: {apiVersion: jetstream.nats.io/v1beta2, kind: Stream, metadata: {name: orders}}}
            """
        let outcome = try await run(.apply, cluster, playbook: playbook)
        #expect(
            outcome.lines == [
                "stream gone: changed - messaging/orders Stream",
                "crd gone: changed - streams.jetstream.nats.io CustomResourceDefinition",
                "other stream gone: ok = messaging/orders Stream (its kind is not served, so it is gone)",
            ])
    }

    @Test("a kind the cluster does not serve, with no CRD earlier, is an error that says what to do")
    func unknownKind() async throws {
        let cluster = InMemoryKubeClient()
        let playbook = """
            - hosts: localhost
              tasks:
                - name: widget
                  k8s: {definition: {apiVersion: example.com/v1, kind: Widget, metadata: {name: w, namespace: default}}}
            """
        let outcome = try await run(.plan, cluster, playbook: playbook)
        let failed = try #require(outcome.events.first)
        #expect(failed.status == .failed)
        #expect(failed.diagnostic?.summary.contains("the cluster does not serve kind Widget in example.com/v1") == true)
        #expect(failed.diagnostic?.hint?.contains("CustomResourceDefinition") == true)
    }

    @Test("a task with many objects of one kind reads them with one LIST and reports them in declared order")
    func manyObjects() async throws {
        let cluster = InMemoryKubeClient()
        let names = (0..<40).map { String(format: "c%02d", $0) }
        let items = names.map { "{apiVersion: v1, kind: ConfigMap, metadata: {name: \($0), namespace: default}, data: {k: v}}" }
        let playbook = """
            - hosts: localhost
              tasks:
                - name: many
                  k8s: {definition: [\(items.joined(separator: ", "))]}
            """
        let namespace = "- hosts: localhost\n  tasks:\n    - k8s: {kind: Namespace, name: default}\n"
        _ = try await run(.apply, cluster, playbook: namespace)
        let first = try await run(.apply, cluster, playbook: playbook)
        #expect(first.lines == names.map { "many: changed + default/\($0) ConfigMap" })
        await cluster.clearCalls()
        let second = try await run(.apply, cluster, playbook: playbook)
        #expect(second.lines == names.map { "many: ok = default/\($0) ConfigMap" })
        let calls = await cluster.calls
        #expect(calls.map(\.description) == ["list ConfigMap in default"], "\(calls)")
    }
}
