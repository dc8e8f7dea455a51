import Engine
import JetStream
import NATSClient
import Template
import Testing
import YAML

/// `nats_stream` and `nats_consumer` in a playbook against the real nats-server: what plan and
/// apply report, and what reached the server, checked from a second connection.
@Suite("nats_stream and nats_consumer converge a real nats-server", .serialized)
struct NatsPlaybookLiveTests {
    static let playbook = """
        - hosts: localhost
          vars:
            age: 1h
            storage: file
            deliveries: 5
            ack_policy: explicit
          tasks:
            - name: stream
              nats_stream:
                servers: "{{ nats_url }}"
                name: orders
                subjects: [orders.>]
                storage: "{{ storage }}"
                maxAge: "{{ age }}"
                duplicateWindow: 1m
                recreate: "{{ recreate | default(false) }}"
            - name: consumer
              nats_consumer:
                servers: "{{ nats_url }}"
                streamName: orders
                durableName: processor
                ackPolicy: "{{ ack_policy }}"
                ackWait: 30s
                maxDeliver: "{{ deliveries }}"
                filterSubject: orders.created
        """

    func run(_ mode: RunOptions.Mode, _ server: NATSTestServer, _ extra: [String: Value] = [:]) async throws -> PlaybookRun {
        var variables = extra
        variables["nats_url"] = .string(server.url)
        return try await PlaybookRun.run(mode, Self.playbook, extra: variables)
    }

    @Test("apply creates both; a second apply reports changed=0 and sends no create or update, only INFO")
    func idempotent() async throws {
        try await NATSTestServer.with { server in
            let plan = try await run(.plan, server)
            #expect(plan.lines == ["stream: changed + orders Stream", "consumer: changed + orders/processor Consumer (its stream comes from an earlier task)"])
            let first = try await run(.apply, server)
            #expect(first.succeeded, "\(first.lines)")
            #expect(first.recap.changed == 2)
            let spy = try await APISpy(url: server.url)
            let second = try await run(.apply, server)
            #expect(second.succeeded, "\(second.lines)")
            #expect(second.recap.changed == 0)
            #expect(second.lines == ["stream: ok = orders Stream", "consumer: ok = orders/processor Consumer"])
            let subjects = try await spy.requests().map(\.subject)
            #expect(subjects == ["$JS.API.STREAM.INFO.orders", "$JS.API.CONSUMER.INFO.orders.processor"])
        }
    }

    @Test("a mutable change is planned as exactly that field, applied, and seen by the server")
    func mutableChange() async throws {
        try await NATSTestServer.with { server in
            _ = try await run(.apply, server)
            let plan = try await run(.plan, server, ["age": .string("2h"), "deliveries": .int(7)])
            #expect(
                plan.lines == [
                    "stream: changed ~ orders Stream [max_age: \"1h\" → \"2h\"]",
                    "consumer: changed ~ orders/processor Consumer [max_deliver: 5 → 7]",
                ])
            let spy = try await APISpy(url: server.url)
            let apply = try await run(.apply, server, ["age": .string("2h"), "deliveries": .int(7)])
            #expect(apply.recap.changed == 2, "\(apply.lines)")
            let writes = try await spy.requests().filter { !$0.subject.contains(".INFO.") }.map(\.subject)
            #expect(writes == ["$JS.API.STREAM.UPDATE.orders", "$JS.API.CONSUMER.DURABLE.CREATE.orders.processor"])
            let client = try await NATSJetStreamClientProvider().client(for: NATSConnectionOptions(servers: [server.url]))
            let stream = try #require(try await client.streamInfo("orders")?.member("config"))
            #expect(stream.member("max_age") == .int(7_200_000_000_000))
            #expect(stream.member("storage") == .string("file"))
            #expect(stream.member("duplicate_window") == .int(60_000_000_000))
            let consumer = try #require(try await client.consumerInfo(stream: "orders", name: "processor")?.member("config"))
            #expect(consumer.member("max_deliver") == .int(7))
            #expect(consumer.member("filter_subject") == .string("orders.created"))
        }
    }

    @Test("an immutable change is shown by plan, refused by apply with its reason, and made with recreate: true")
    func immutableChange() async throws {
        try await NATSTestServer.with(arguments: []) { server in
            _ = try await run(.apply, server)
            let plan = try await run(.plan, server, ["storage": .string("memory"), "ack_policy": .string("all")])
            #expect(plan.succeeded)
            #expect(plan.lines.first?.hasPrefix("stream: changed ~ orders Stream [storage: \"file\" → \"memory\"]") == true, "\(plan.lines)")
            #expect(plan.lines.first?.contains("apply refuses unless recreate: true") == true)
            let spy = try await APISpy(url: server.url)
            let refused = try await run(.apply, server, ["storage": .string("memory")])
            #expect(!refused.succeeded)
            let failure = try #require(refused.events.first?.diagnostic)
            #expect(failure.code == "jetstream.immutable")
            #expect(failure.summary.contains("storage"))
            #expect(failure.hint?.contains("recreate: true") == true)
            #expect(try await spy.requests().allSatisfy { $0.subject.contains(".INFO.") })
            let consumerRefused = try await run(.apply, server, ["ack_policy": .string("all")])
            #expect(consumerRefused.events.last?.diagnostic?.summary.contains("ack_policy") == true, "\(consumerRefused.lines)")
            let recreated = try await run(.apply, server, ["storage": .string("memory"), "recreate": .bool(true)])
            #expect(recreated.succeeded, "\(recreated.lines)")
            #expect(recreated.lines.first?.contains("re-created because storage cannot change in place") == true)
            let client = try await NATSJetStreamClientProvider().client(for: NATSConnectionOptions(servers: [server.url]))
            #expect(try await client.streamInfo("orders")?.member("config")?.member("storage") == .string("memory"))
        }
    }

    @Test("state: absent deletes the consumer and the stream; a second run finds them gone")
    func absent() async throws {
        try await NATSTestServer.with { server in
            let playbook = """
                - hosts: localhost
                  tasks:
                    - nats_stream: {servers: "{{ nats_url }}", name: gone, subjects: [gone], storage: file, state: "{{ state }}"}
                """
            let url: Value = .string(server.url)
            _ = try await PlaybookRun.run(.apply, playbook, extra: ["nats_url": url, "state": .string("present")])
            let deleted = try await PlaybookRun.run(.apply, playbook, extra: ["nats_url": url, "state": .string("absent")])
            #expect(deleted.lines == ["nats_stream: changed - gone Stream"])
            let again = try await PlaybookRun.run(.apply, playbook, extra: ["nats_url": url, "state": .string("absent")])
            #expect(again.lines == ["nats_stream: ok = gone Stream (already absent)"])
        }
    }

    @Test("the JSON rig sends validates against the JetStream API schemas")
    func schemas() async throws {
        try await NATSTestServer.with { server in
            let spy = try await APISpy(url: server.url)
            _ = try await run(.apply, server)
            _ = try await run(.apply, server, ["age": .string("2h"), "deliveries": .int(7)])
            let requests = try await spy.requests()
            let checkers = [
                "STREAM.CREATE": try JSONSchemaChecker.fixture("stream_create_request"),
                "STREAM.UPDATE": try JSONSchemaChecker.fixture("stream_update_request"),
                "CONSUMER.DURABLE.CREATE": try JSONSchemaChecker.fixture("consumer_create_request"),
            ]
            var checked = 0
            for (subject, body) in requests {
                guard let (operation, checker) = checkers.first(where: { subject.hasPrefix("$JS.API.\($0.key).") }) else { continue }
                let json = try #require(body, "\(operation) without a body")
                #expect(checker.problems(json) == [], "\(subject): \(json.jsonText)")
                checked += 1
            }
            #expect(checked == 4)
        }
    }

    @Test("JetStream API statistics agree: the no-op run made only its two INFO calls and no API errors")
    func apiStatistics() async throws {
        try await NATSTestServer.with { server in
            _ = try await run(.apply, server)
            let client = try await NATSJetStreamClientProvider().client(for: NATSConnectionOptions(servers: [server.url]))
            let stats = try await client.accountInfo().member("api")
            let before = try #require(stats?.member("total")?.integerValue)
            _ = try await run(.apply, server)
            let after = try await client.accountInfo().member("api")
            // Two INFO requests from the run, plus this $JS.API.INFO itself.
            #expect(after?.member("total")?.integerValue == before + 3)
            #expect(after?.member("errors")?.integerValue == stats?.member("errors")?.integerValue)
        }
    }
}
