import JetStream
import Kube
import YAML

/// Brings one stream or consumer to its declared state, or in `plan` says what that would take.
///
/// Change detection costs one INFO request: the server's configuration is compared with the
/// spec plus the server's defaults, so an unchanged object sends no create or update at all.
/// Fields the server cannot change are found before anything is sent; `apply` refuses them
/// unless the task says `recreate: true`.
struct JetStreamReconciler {
    let client: any JetStreamClient
    let request: NatsRequest
    let planning: Bool
    let hidden: Bool

    struct Outcome {
        var change: ObjectChange
        /// The object's info as it now is (or would be), for `register`.
        var info: YAMLValue?
    }

    func reconcile(_ stream: StreamSpec) async throws(JetStreamError) -> Outcome {
        let object = "\(stream.name) Stream"
        let live = try await client.streamInfo(stream.name)
        if request.state == .absent {
            guard live != nil else { return Outcome(change: change(.unchanged, object, note: "already absent")) }
            if !planning { _ = try await client.deleteStream(stream.name) }
            return Outcome(change: change(.delete, object))
        }
        guard let live else {
            if planning { return Outcome(change: change(.create, object), info: .object([("config", stream.config)])) }
            return Outcome(change: change(.create, object), info: try await client.createStream(stream.config))
        }
        let current = live.member("config") ?? .mapping([])
        let fields = JetStreamComparison.streamChanges(desired: stream.config, live: current, server: await client.serverVersion())
        if fields.isEmpty { return Outcome(change: change(.unchanged, object), info: live) }
        let recreated = try await recreation(object, fields, lost: "its messages are gone") { () async throws(JetStreamError) in
            _ = try await client.deleteStream(stream.name)
            return try await client.createStream(stream.config)
        }
        if let recreated { return recreated }
        if planning { return Outcome(change: change(.update, object, fields)) }
        let updated = try await client.updateStream(Self.overlay(stream.config, on: current))
        return Outcome(change: change(.update, object, fields), info: updated)
    }

    func reconcile(_ consumer: ConsumerSpec, streamPlanned: Bool) async throws(JetStreamError) -> Outcome {
        let object = "\(consumer.stream)/\(consumer.name) Consumer"
        let lookup = await consumerInfo(consumer)
        if case .failure(let error) = lookup {
            guard error.apiCode == 10059 else { throw error }
            if request.state == .absent { return Outcome(change: change(.unchanged, object, note: "its stream is absent")) }
            guard planning, streamPlanned else { throw error }
            return Outcome(change: change(.create, object, note: "its stream comes from an earlier task"))
        }
        let live = try lookup.get()
        if request.state == .absent {
            guard live != nil else { return Outcome(change: change(.unchanged, object, note: "already absent")) }
            if !planning { _ = try await client.deleteConsumer(stream: consumer.stream, name: consumer.name) }
            return Outcome(change: change(.delete, object))
        }
        guard let live else {
            if planning { return Outcome(change: change(.create, object), info: .object([("config", consumer.config)])) }
            return Outcome(change: change(.create, object), info: try await client.createConsumer(stream: consumer.stream, config: consumer.config))
        }
        let current = live.member("config") ?? .mapping([])
        let fields = JetStreamComparison.consumerChanges(desired: consumer.config, live: current)
        if fields.isEmpty { return Outcome(change: change(.unchanged, object), info: live) }
        let recreated = try await recreation(object, fields, lost: "its delivery state is gone") { () async throws(JetStreamError) in
            _ = try await client.deleteConsumer(stream: consumer.stream, name: consumer.name)
            return try await client.createConsumer(stream: consumer.stream, config: consumer.config)
        }
        if let recreated { return recreated }
        if planning { return Outcome(change: change(.update, object, fields)) }
        let updated = try await client.createConsumer(stream: consumer.stream, config: Self.overlay(consumer.config, on: current))
        return Outcome(change: change(.update, object, fields), info: updated)
    }

    /// Fields the server cannot change in place: `plan` reports them; `apply` refuses them unless
    /// the task says `recreate: true`, and then deletes and creates the object (`recreate`).
    /// Nil when every changed field can be updated in place.
    private func recreation(
        _ object: String, _ fields: [JetStreamFieldChange], lost: String, recreate: () async throws(JetStreamError) -> YAMLValue
    ) async throws(JetStreamError) -> Outcome? {
        let immutable = fields.filter(\.immutable).map { $0.path.joined(separator: ".") }
        guard !immutable.isEmpty else { return nil }
        guard request.recreate else {
            let refusal = JetStreamError.immutable(object, fields: immutable)
            if planning { return Outcome(change: change(.update, object, fields, note: refusal.message + "; apply refuses unless recreate: true")) }
            throw refusal
        }
        let note = "re-created because \(immutable.joined(separator: ", ")) cannot change in place; \(lost)"
        if planning { return Outcome(change: change(.update, object, fields, note: "would be " + note)) }
        return Outcome(change: change(.update, object, fields, note: note), info: try await recreate())
    }

    private func consumerInfo(_ consumer: ConsumerSpec) async -> Result<YAMLValue?, JetStreamError> {
        do throws(JetStreamError) {
            return .success(try await client.consumerInfo(stream: consumer.stream, name: consumer.name))
        } catch {
            return .failure(error)
        }
    }

    /// The complete configuration for an update: the server's, with every desired field set.
    /// The server replaces the whole configuration, so what rig does not manage is sent back as is.
    static func overlay(_ desired: YAMLValue, on live: YAMLValue) -> YAMLValue {
        var result = live
        for key in desired.memberNames {
            if let value = desired.member(key) { result.put(key, value) }
        }
        return result
    }

    /// Fields the API holds in nanoseconds; diffs show them as NACK writes them (`1h`).
    static let durationFields: Set<String> = [
        "max_age", "duplicate_window", "subject_delete_marker_ttl", "ack_wait", "idle_heartbeat", "max_expires",
        "inactive_threshold", "priority_timeout",
    ]

    static func duration(_ value: YAMLValue) -> YAMLValue {
        guard let nanoseconds = value.integerValue else { return value }
        return .string(JetStreamDuration.text(nanoseconds: nanoseconds))
    }

    private func change(_ action: ObjectChange.Action, _ object: String, _ fields: [JetStreamFieldChange] = [], note: String? = nil) -> ObjectChange {
        let converted = fields.map { field in
            let readable = Self.durationFields.contains(field.path.first ?? "")
            return KubeFieldChange(
                path: field.path, before: readable ? field.before.map(Self.duration) : field.before,
                after: readable ? field.after.map(Self.duration) : field.after)
        }
        return ObjectChange(action: action, object: object, fields: ObjectChange.masked(converted, kind: "", hideAll: hidden), note: note)
    }
}
