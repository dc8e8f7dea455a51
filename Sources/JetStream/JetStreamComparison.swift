import YAML

/// Compares a desired configuration (a spec with defaults filled) with the server's.
///
/// Only the fields the desired configuration names are compared: what the server adds (newer
/// fields, computed values, `_nats.*` metadata) is not a difference. Which changes the server
/// refuses depends on its version; `immutable` marks them so `plan` can say so before anything
/// is sent.
package enum JetStreamComparison {
    /// The differing fields of a stream.
    package static func streamChanges(desired: YAMLValue, live: YAMLValue, server: JetStreamServerVersion) -> [JetStreamFieldChange] {
        changes(desired: desired, live: live) { field, before, after in
            immutableStreamField(field, before: before, after: after, server: server)
        }
    }

    /// The differing fields of a consumer.
    package static func consumerChanges(desired: YAMLValue, live: YAMLValue) -> [JetStreamFieldChange] {
        changes(desired: desired, live: live) { field, before, after in
            if field == "deliver_subject" { return (before?.textValue ?? "").isEmpty != (after?.textValue ?? "").isEmpty }
            return immutableConsumerFields.contains(field)
        }
    }

    static func changes(
        desired: YAMLValue, live: YAMLValue, immutable: (String, YAMLValue?, YAMLValue?) -> Bool
    ) -> [JetStreamFieldChange] {
        var result: [JetStreamFieldChange] = []
        for field in desired.memberNames {
            let after = desired.member(field)
            var before = live.member(field)
            if field == "metadata" { before = before.map(withoutServerMetadata) }
            if equivalent(before, after) { continue }
            result.append(JetStreamFieldChange(path: [field], before: before, after: after, immutable: immutable(field, before, after)))
        }
        return result
    }

    /// Equal, or both "empty" (absent, null, false, 0, "", [], {}) — 2.9 leaves out what newer
    /// servers send as empty values and the other way round.
    static func equivalent(_ lhs: YAMLValue?, _ rhs: YAMLValue?) -> Bool {
        if lhs == rhs { return true }
        if isEmpty(lhs) && isEmpty(rhs) { return true }
        if case .mapping(let left)? = lhs, case .mapping(let right)? = rhs {
            let keys = Set(left.compactMap(\.key.textValue)).union(right.compactMap(\.key.textValue))
            return keys.allSatisfy { equivalent(lhs?.member($0), rhs?.member($0)) }
        }
        if case .sequence(let left)? = lhs, case .sequence(let right)? = rhs, left.count == right.count {
            return zip(left, right).allSatisfy { equivalent($0, $1) }
        }
        return false
    }

    static func isEmpty(_ value: YAMLValue?) -> Bool {
        switch value {
        case nil, .null?, .bool(false)?, .int(0)?, .string("")?, .sequence([])?, .mapping([])?: true
        default: false
        }
    }

    /// Metadata without the `_nats.*` keys newer servers add on their own.
    static func withoutServerMetadata(_ metadata: YAMLValue) -> YAMLValue {
        guard case .mapping(let pairs) = metadata else { return metadata }
        return .mapping(pairs.filter { !($0.key.textValue ?? "").hasPrefix("_nats.") })
    }

    static func immutableStreamField(_ field: String, before: YAMLValue?, after: YAMLValue?, server: JetStreamServerVersion) -> Bool {
        switch field {
        case "name", "storage", "mirror", "first_seq": return true
        case "retention":
            // 2.10 lets limits and interest swap; workqueue stays fixed.
            guard server >= JetStreamServerVersion(2, 10, 0) else { return true }
            return before?.textValue == "workqueue" || after?.textValue == "workqueue"
        case "max_consumers": return server < JetStreamServerVersion(2, 12, 0)
        case "sealed": return before == .bool(true)
        default: return false
        }
    }

    /// Consumer fields no server version lets an update change.
    static let immutableConsumerFields: Set<String> = [
        "durable_name", "deliver_policy", "opt_start_seq", "opt_start_time", "ack_policy", "replay_policy", "mem_storage",
        "flow_control", "idle_heartbeat", "rate_limit_bps", "max_waiting",
    ]
}
