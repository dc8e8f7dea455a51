import YAML

/// A `nats_stream` task's spec (NACK `Stream` fields) as the JetStream stream configuration it
/// stands for: snake_case, durations in nanoseconds, and every default the server would fill
/// in, so comparing it with the server's config finds real differences only.
package struct StreamSpec: Sendable, Hashable {
    package var name: String
    /// The complete configuration to create the stream with, or to update it to.
    package var config: YAMLValue

    /// Reads NACK fields (camelCase; JetStream's own snake_case names are accepted too).
    package init(nack spec: YAMLValue) throws(JetStreamError) {
        let converted = try NACKField.convert(spec, fields: Self.fields, path: "spec")
        guard let name = converted.member("name")?.textValue, !name.isEmpty else { throw .config("a stream needs a name") }
        guard !name.contains(where: { " .*>\t\r\n".contains($0) }) else {
            throw .config("stream name '\(name)' may not contain spaces, '.', '*' or '>'")
        }
        self.name = name
        var config = YAMLValue.object([("name", .string(name))])
        for (key, value) in Self.defaults { config.put(key, value) }
        for key in converted.memberNames where key != "name" {
            if let value = converted.member(key) { config.put(key, value) }
        }
        // The server shortens the duplicate window to max_age when max_age is shorter.
        if converted.member("duplicate_window") == nil, let maxAge = config.member("max_age")?.integerValue, maxAge > 0,
            maxAge < Self.defaultDuplicateWindow
        {
            config.put("duplicate_window", .int(maxAge))
        }
        self.config = config
    }

    /// Two minutes, the server's default duplicate window.
    static let defaultDuplicateWindow = 120_000_000_000

    /// What the server (2.9 and later) stores when a field is not given, with NACK's own CRD
    /// defaults on top (notably `storage: memory`), so one definition means the same stream
    /// through rig and through NACK.
    static let defaults: [(String, YAMLValue)] = [
        ("subjects", .sequence([])), ("retention", .string("limits")), ("max_consumers", .int(-1)), ("max_msgs", .int(-1)),
        ("max_bytes", .int(-1)), ("max_age", .int(0)), ("max_msgs_per_subject", .int(-1)), ("max_msg_size", .int(-1)),
        ("discard", .string("old")), ("storage", .string("memory")), ("num_replicas", .int(1)),
        ("duplicate_window", .int(defaultDuplicateWindow)), ("no_ack", .bool(false)), ("sealed", .bool(false)),
        ("deny_delete", .bool(false)), ("deny_purge", .bool(false)), ("allow_rollup_hdrs", .bool(false)),
        ("allow_direct", .bool(false)), ("mirror_direct", .bool(false)), ("discard_new_per_subject", .bool(false)),
    ]

    static let source: [NACKField] = [
        .init("name", "name"), .init("optStartSeq", "opt_start_seq"), .init("optStartTime", "opt_start_time"),
        .init("filterSubject", "filter_subject"), .init("externalApiPrefix", "external.api"),
        .init("externalDeliverPrefix", "external.deliver"),
        .init("subjectTransforms", "subject_transforms", .objects([.init("source", "src"), .init("dest", "dest")])),
    ]

    /// NACK's `Stream` spec fields and their JetStream names.
    package static let fields: [NACKField] = [
        .init("name", "name"), .init("description", "description"), .init("subjects", "subjects"),
        .init("retention", "retention"), .init("maxConsumers", "max_consumers"), .init("maxMsgs", "max_msgs"),
        .init("maxBytes", "max_bytes"), .init("discard", "discard"), .init("discardPerSubject", "discard_new_per_subject"),
        .init("maxAge", "max_age", .duration), .init("maxMsgsPerSubject", "max_msgs_per_subject"),
        .init("maxMsgSize", "max_msg_size"), .init("storage", "storage"), .init("replicas", "num_replicas"),
        .init("noAck", "no_ack"), .init("duplicateWindow", "duplicate_window", .duration),
        .init("placement", "placement", .object([.init("cluster", "cluster"), .init("tags", "tags")])),
        .init("mirror", "mirror", .object(source)), .init("sources", "sources", .objects(source)),
        .init("sealed", "sealed"), .init("denyDelete", "deny_delete"), .init("denyPurge", "deny_purge"),
        .init("allowRollup", "allow_rollup_hdrs"), .init("compression", "compression"), .init("firstSequence", "first_seq"),
        .init("subjectTransform", "subject_transform", .object([.init("source", "src"), .init("dest", "dest")])),
        .init(
            "republish", "republish",
            .object([.init("source", "src"), .init("destination", "dest"), .init("headersOnly", "headers_only")])),
        .init("allowDirect", "allow_direct"), .init("mirrorDirect", "mirror_direct"), .init("allowMsgTtl", "allow_msg_ttl"),
        .init("subjectDeleteMarkerTtl", "subject_delete_marker_ttl", .duration), .init("allowMsgCounter", "allow_msg_counter"),
        .init("allowAtomicPublish", "allow_atomic"), .init("allowMsgSchedules", "allow_msg_schedules"),
        .init("persistMode", "persist_mode"), .init("allowBatched", "allow_batched"),
        .init(
            "consumerLimits", "consumer_limits",
            .object([.init("inactiveThreshold", "inactive_threshold", .duration), .init("maxAckPending", "max_ack_pending")])),
        .init("metadata", "metadata"),
    ]
}
