import Engine
import JetStream
import Template
import Testing
import YAML

/// `nats_stream` and `nats_consumer` against the in-memory JetStream fake: what each mode
/// reports and which calls reach the server.
@Suite("nats_stream and nats_consumer plan, apply and destroy through the JetStream port")
struct NatsModuleTests {
    static let playbook = """
        - hosts: localhost
          vars: {age: 1h}
          tasks:
            - name: stream
              nats_stream: {servers: [nats://a:4222, nats://b:4222], user: rig, password: s3cret, name: orders, subjects: [orders.>], maxAge: "{{ age }}", delete_on_destroy: "{{ wipe | default(false) }}"}
            - name: consumer
              nats_consumer: {streamName: orders, durableName: processor, ackPolicy: explicit, delete_on_destroy: "{{ wipe | default(false) }}"}
        """

    struct Outcome {
        var events: [TaskEvent]
        var documents: [RenderedDocument]
        var succeeded: Bool
        var recap: Recap

        var lines: [String] {
            events.map { event in
                let changes = event.changes.map { change in
                    " \(change.action.glyph) \(change.object)" + change.fields.map { " [\($0.pathText): \($0.before?.jsonText ?? "-") → \($0.after?.jsonText ?? "-")]" }.joined()
                }
                return "\(event.task): \(event.status.rawValue)" + changes.joined() + (event.diagnostic.map { " \($0.summary)" } ?? "")
            }
        }
    }

    func run(
        _ mode: RunOptions.Mode, _ provider: InMemoryJetStreamClientProvider, extra: [String: Value] = [:], deleteData: Bool = false
    ) async throws -> Outcome {
        let context = LoadContext(fileSystem: MemoryRepository(files: ["play.yaml": Self.playbook]))
        let loaded = try #require(PlaybookLoader(context: context).load("play.yaml"))
        #expect(context.diagnostics.isEmpty, "\(context.diagnostics)")
        var options = RunOptions(mode: mode, extraVariables: extra)
        options.jetStream = provider
        options.deleteStreamData = deleteData
        var events: [TaskEvent] = []
        var documents: [RenderedDocument] = []
        var recap = Recap()
        let runner = Runner(playbook: loaded, options: options, context: context) { event in
            if case .task(let task) = event { events.append(task) }
            if case .rendered(let document) = event { documents.append(document) }
            if case .recap(let final) = event { recap = final }
        }
        let succeeded = await runner.run()
        return Outcome(events: events, documents: documents, succeeded: succeeded, recap: recap)
    }

    @Test("render shows the equivalent NACK resources and never connects")
    func render() async throws {
        let provider = InMemoryJetStreamClientProvider(server: InMemoryJetStreamClient())
        let outcome = try await run(.render, provider)
        #expect(outcome.documents.map(\.title) == [
            "JetStream stream orders (as the equivalent NACK Stream resource)",
            "JetStream consumer processor (as the equivalent NACK Consumer resource)",
        ])
        #expect(outcome.documents.allSatisfy { !"\($0.value)".contains("s3cret") })
        #expect("\(outcome.documents.last?.value ?? .none)".contains("streamName"))
        #expect(await provider.requested.isEmpty)
    }

    @Test("plan on an empty server: both would be created, the consumer's stream from the earlier task; nothing written")
    func planEmpty() async throws {
        let server = InMemoryJetStreamClient()
        let provider = InMemoryJetStreamClientProvider(server: server)
        let outcome = try await run(.plan, provider)
        #expect(outcome.lines == ["stream: changed + orders Stream", "consumer: changed + orders/processor Consumer"])
        #expect(await server.calls.allSatisfy { !$0.isWrite })
        let options = try #require(await provider.requested.first)
        #expect(options.servers == ["nats://a:4222", "nats://b:4222"])
        #expect(options.authentication == .userPassword(user: "rig", password: "s3cret"))
    }

    @Test("apply creates; a second apply sends only INFO even though the server adds compression and _nats metadata")
    func applyTwice() async throws {
        let server = InMemoryJetStreamClient()
        let provider = InMemoryJetStreamClientProvider(server: server)
        let first = try await run(.apply, provider)
        #expect(first.recap.changed == 2)
        await server.clearCalls()
        let second = try await run(.apply, provider)
        #expect(second.recap.changed == 0)
        #expect(await server.calls.map(\.description) == ["STREAM.INFO orders", "CONSUMER.INFO orders.processor"])
    }

    @Test("a changed variable plans exactly that field and updates with the complete configuration")
    func update() async throws {
        let server = InMemoryJetStreamClient()
        let provider = InMemoryJetStreamClientProvider(server: server)
        _ = try await run(.apply, provider)
        let plan = try await run(.plan, provider, extra: ["age": .string("2h")])
        #expect(plan.lines == ["stream: changed ~ orders Stream [max_age: \"1h\" → \"2h\"]", "consumer: ok = orders/processor Consumer"])
        await server.clearCalls()
        _ = try await run(.apply, provider, extra: ["age": .string("2h")])
        let update = try #require(await server.calls.first { $0.operation == "STREAM.UPDATE" })
        #expect(update.body?.member("subjects") == .sequence([.string("orders.>")]))
        #expect(update.body?.member("max_age") == .int(7_200_000_000_000))
        #expect(update.body?.member("storage") == .string("memory"))
    }

    @Test("an API error becomes the task's failure with the fix")
    func apiError() async throws {
        let server = InMemoryJetStreamClient()
        await server.failNext(
            "STREAM.CREATE",
            with: .api(subject: "$JS.API.STREAM.CREATE.orders", error: .object([("code", .int(500)), ("err_code", .int(10028)), ("description", .string("insufficient memory resources available"))])))
        let outcome = try await run(.apply, InMemoryJetStreamClientProvider(server: server))
        let diagnostic = try #require(outcome.events.first?.diagnostic)
        #expect(diagnostic.code == "jetstream.api")
        #expect(diagnostic.hint?.contains("max_memory_store") == true)
    }

    @Test("a server that cannot be reached fails the task with the connect error")
    func unreachable() async throws {
        let provider = InMemoryJetStreamClientProvider(server: InMemoryJetStreamClient())
        await provider.refuseConnections(.connect("could not connect to NATS (a:4222: connection refused)"))
        let outcome = try await run(.plan, provider)
        #expect(outcome.events.first?.diagnostic?.code == "nats.connect")
        #expect(outcome.events.first?.diagnostic?.hint?.contains("nats-server") == true)
    }

    @Test("destroy keeps streams unless the task opts in; then the consumer goes before its stream")
    func destroy() async throws {
        let server = InMemoryJetStreamClient()
        let provider = InMemoryJetStreamClientProvider(server: server)
        _ = try await run(.apply, provider)
        await server.clearCalls()
        let kept = try await run(.destroy, provider)
        #expect(kept.succeeded)
        #expect(kept.lines == ["consumer: ok = orders/processor Consumer", "stream: ok = orders Stream"])
        #expect(kept.events.first?.changes.first?.note?.contains("delete_on_destroy: true") == true)
        #expect(await server.calls.isEmpty)
        let wiped = try await run(.destroy, provider, extra: ["wipe": .bool(true)])
        #expect(wiped.succeeded)
        #expect(await server.calls.map(\.description) == ["CONSUMER.DELETE orders.processor", "STREAM.DELETE orders"])
        #expect(await server.streams.isEmpty)
    }

    @Test("destroy --delete-data deletes every stream and consumer, opted in or not")
    func destroyDeleteData() async throws {
        let server = InMemoryJetStreamClient()
        let provider = InMemoryJetStreamClientProvider(server: server)
        _ = try await run(.apply, provider)
        await server.clearCalls()
        let wiped = try await run(.destroy, provider, deleteData: true)
        #expect(wiped.succeeded)
        #expect(await server.calls.map(\.description) == ["CONSUMER.DELETE orders.processor", "STREAM.DELETE orders"])
    }
}
