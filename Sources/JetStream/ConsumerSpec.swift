import YAML

/// A `nats_consumer` task's spec (NACK `Consumer` fields) as the durable consumer
/// configuration it stands for, with the defaults the server fills in.
package struct ConsumerSpec: Sendable, Hashable {
    package var stream: String
    package var name: String
    /// The complete configuration to create the consumer with, or to update it to.
    package var config: YAMLValue

    /// Reads NACK fields; `stream` and the durable name come from `streamName`/`durableName`
    /// (or rig's `stream`/`name`).
    package init(nack spec: YAMLValue) throws(JetStreamError) {
        var fields = spec
        let stream = (spec.member("stream") ?? spec.member("streamName"))?.textValue
        let durable = (spec.member("name") ?? spec.member("durableName"))?.textValue
        for key in ["stream", "streamName", "name", "durableName"] { fields.drop(key) }
        guard let stream, !stream.isEmpty else { throw .config("a consumer needs its stream (streamName)") }
        guard let durable, !durable.isEmpty else { throw .config("a consumer needs a durable name (durableName)") }
        guard !durable.contains(where: { " .*>\t\r\n".contains($0) }) else {
            throw .config("consumer name '\(durable)' may not contain spaces, '.', '*' or '>'")
        }
        let converted = try NACKField.convert(fields, fields: Self.fields, path: "spec")
        self.stream = stream
        self.name = durable
        var config = YAMLValue.object([("durable_name", .string(durable))])
        for (key, value) in Self.defaults { config.put(key, value) }
        for key in converted.memberNames {
            if let value = converted.member(key) { config.put(key, value) }
        }
        self.config = config
    }

    /// Whether the consumer pushes to a subject (push) rather than waits for fetches (pull).
    package var isPush: Bool { config.member("deliver_subject")?.textValue?.isEmpty == false }

    /// What the server stores when a field is not given (NACK's CRD defaults agree). Fields the
    /// server computes from others (`ack_wait`, `max_ack_pending`, `max_waiting`, `num_replicas`)
    /// are left out and only compared when the spec sets them.
    static let defaults: [(String, YAMLValue)] = [
        ("deliver_policy", .string("all")), ("ack_policy", .string("none")), ("max_deliver", .int(-1)),
        ("replay_policy", .string("instant")),
    ]

    /// NACK's `Consumer` spec fields and their JetStream names.
    package static let fields: [NACKField] = [
        .init("description", "description"),
        .init(
            "deliverPolicy", "deliver_policy",
            .enumeration([
                "byStartSequence": "by_start_sequence", "byStartTime": "by_start_time", "lastPerSubject": "last_per_subject",
            ])),
        .init("optStartSeq", "opt_start_seq"), .init("optStartTime", "opt_start_time"),
        .init("deliverSubject", "deliver_subject"), .init("deliverGroup", "deliver_group"), .init("ackPolicy", "ack_policy"),
        .init("ackWait", "ack_wait", .duration), .init("maxDeliver", "max_deliver"), .init("backoff", "backoff", .durations),
        .init("filterSubject", "filter_subject"), .init("filterSubjects", "filter_subjects"),
        .init("replayPolicy", "replay_policy"), .init("sampleFreq", "sample_freq"), .init("maxWaiting", "max_waiting"),
        .init("rateLimitBps", "rate_limit_bps"), .init("maxAckPending", "max_ack_pending"),
        .init("flowControl", "flow_control"), .init("headersOnly", "headers_only"),
        .init("heartbeatInterval", "idle_heartbeat", .duration), .init("maxRequestBatch", "max_batch"),
        .init("maxRequestExpires", "max_expires", .duration), .init("maxRequestMaxBytes", "max_bytes"),
        .init("inactiveThreshold", "inactive_threshold", .duration), .init("pauseUntil", "pause_until"),
        .init("priorityPolicy", "priority_policy"), .init("pinnedTtl", "priority_timeout", .duration),
        .init("priorityGroups", "priority_groups"), .init("replicas", "num_replicas"), .init("memStorage", "mem_storage"),
        .init("metadata", "metadata"),
    ]
}
