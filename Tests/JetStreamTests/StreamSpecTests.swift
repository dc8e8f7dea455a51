import JetStream
import Testing
import YAML

/// NACK spec fields to JetStream configuration, offline.
@Suite("NACK specs become JetStream configurations")
struct StreamSpecTests {
    @Test("durations, renamed fields and NACK's defaults", arguments: [
        ("1h", 3_600_000_000_000), ("1h30m", 5_400_000_000_000), ("500ms", 500_000_000), ("2m", 120_000_000_000), ("10", 10),
    ])
    func durations(_ text: String, _ nanoseconds: Int) {
        #expect(JetStreamDuration.nanoseconds(text) == nanoseconds)
    }

    @Test("a stream spec fills the server's defaults, with NACK's storage: memory")
    func streamDefaults() throws {
        let spec = try StreamSpec(nack: .object([("name", .string("orders")), ("maxAge", .string("30s")), ("replicas", .int(1)), ("allowRollup", .bool(true))]))
        #expect(spec.config.member("max_age") == .int(30_000_000_000))
        #expect(spec.config.member("duplicate_window") == .int(30_000_000_000))
        #expect(spec.config.member("storage") == .string("memory"))
        #expect(spec.config.member("allow_rollup_hdrs") == .bool(true))
        #expect(spec.config.member("num_replicas") == .int(1))
    }

    @Test("bad durations and unknown nested fields are refused with the field named", arguments: [
        YAMLValue.object([("name", .string("x")), ("maxAge", .string("soon"))]),
        YAMLValue.object([("name", .string("x")), ("placement", .object([("clusterName", .string("c"))]))]),
        YAMLValue.object([("name", .string("a.b"))]),
    ])
    func refused(_ spec: YAMLValue) {
        #expect(throws: JetStreamError.self) { _ = try StreamSpec(nack: spec) }
    }

    @Test("consumer enums take JetStream's spelling")
    func consumer() throws {
        let spec = try ConsumerSpec(
            nack: .object([
                ("streamName", .string("orders")), ("durableName", .string("p")), ("deliverPolicy", .string("byStartSequence")),
                ("optStartSeq", .int(5)), ("backoff", .sequence([.string("1s"), .string("5s")])),
            ]))
        #expect(spec.config.member("deliver_policy") == .string("by_start_sequence"))
        #expect(spec.config.member("backoff") == .sequence([.int(1_000_000_000), .int(5_000_000_000)]))
        #expect(spec.config.member("durable_name") == .string("p"))
    }

    @Test("server additions are not differences: _nats metadata, empty values, newer fields")
    func comparison() throws {
        let spec = try StreamSpec(nack: .object([("name", .string("orders")), ("metadata", .object([("team", .string("a"))]))]))
        var live = spec.config
        live.put("compression", .string("none"))
        live.put("metadata", .object([("team", .string("a")), ("_nats.req.level", .string("0"))]))
        live.drop("discard_new_per_subject")
        #expect(JetStreamComparison.streamChanges(desired: spec.config, live: live, server: JetStreamServerVersion(2, 11, 0)).isEmpty)
    }

    @Test("retention is immutable on 2.9, limits↔interest changes on 2.10, workqueue never")
    func retentionRules() throws {
        let limits = try StreamSpec(nack: .object([("name", .string("s"))])).config
        var interest = limits
        interest.put("retention", .string("interest"))
        var workqueue = limits
        workqueue.put("retention", .string("workqueue"))
        let old = JetStreamComparison.streamChanges(desired: interest, live: limits, server: JetStreamServerVersion(2, 9, 10))
        let new = JetStreamComparison.streamChanges(desired: interest, live: limits, server: JetStreamServerVersion(2, 10, 0))
        let queue = JetStreamComparison.streamChanges(desired: workqueue, live: limits, server: JetStreamServerVersion(2, 12, 0))
        #expect(old.map(\.immutable) == [true])
        #expect(new.map(\.immutable) == [false])
        #expect(queue.map(\.immutable) == [true])
    }
}
