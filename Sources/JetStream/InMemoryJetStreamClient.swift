import YAML

/// A JetStream server in memory, for the engine's tests: keeps streams and consumers, applies
/// the defaults and the update rules of a 2.9 server, records every call, and fails on request.
package actor InMemoryJetStreamClient: JetStreamClient {
    /// One API call: the operation as the subject names it (`STREAM.CREATE`) and the object.
    package struct Call: Sendable, Hashable, CustomStringConvertible {
        package var operation: String
        package var object: String
        package var body: YAMLValue?

        /// Whether the call changes something on the server.
        package var isWrite: Bool { !operation.hasSuffix(".INFO") && operation != "INFO" }
        package var description: String { "\(operation) \(object)" }
    }

    package private(set) var streams: [String: YAMLValue] = [:]
    package private(set) var consumers: [String: YAMLValue] = [:]
    package private(set) var calls: [Call] = []
    private var failures: [String: JetStreamError] = [:]
    private let version: JetStreamServerVersion

    package init(version: JetStreamServerVersion = JetStreamServerVersion(2, 9, 10)) {
        self.version = version
    }

    /// The next call of `operation` (`STREAM.UPDATE`) fails with `error`.
    package func failNext(_ operation: String, with error: JetStreamError) { failures[operation] = error }

    package func clearCalls() { calls = [] }

    package func serverVersion() async -> JetStreamServerVersion { version }

    package func accountInfo() async throws(JetStreamError) -> YAMLValue {
        try record("INFO", "", nil)
        return .object([("streams", .int(streams.count)), ("consumers", .int(consumers.count))])
    }

    package func streamInfo(_ name: String) async throws(JetStreamError) -> YAMLValue? {
        try record("STREAM.INFO", name, nil)
        return streams[name].map(Self.info)
    }

    package func createStream(_ config: YAMLValue) async throws(JetStreamError) -> YAMLValue {
        let name = config.member("name")?.textValue ?? ""
        try record("STREAM.CREATE", name, config)
        if let existing = streams[name], existing != config {
            throw .api(subject: "$JS.API.STREAM.CREATE.\(name)", error: Self.error(10058, "stream name already in use with a different configuration"))
        }
        streams[name] = Self.stored(config)
        return Self.info(streams[name] ?? config)
    }

    package func updateStream(_ config: YAMLValue) async throws(JetStreamError) -> YAMLValue {
        let name = config.member("name")?.textValue ?? ""
        try record("STREAM.UPDATE", name, config)
        guard let existing = streams[name] else {
            throw .api(subject: "$JS.API.STREAM.UPDATE.\(name)", error: Self.error(10059, "stream not found"))
        }
        for field in ["storage", "retention", "max_consumers"] where existing.member(field) != config.member(field) {
            throw .api(
                subject: "$JS.API.STREAM.UPDATE.\(name)",
                error: Self.error(10052, "stream configuration update can not change \(field)"))
        }
        streams[name] = Self.stored(config)
        return Self.info(streams[name] ?? config)
    }

    package func deleteStream(_ name: String) async throws(JetStreamError) -> Bool {
        try record("STREAM.DELETE", name, nil)
        consumers = consumers.filter { !$0.key.hasPrefix(name + ".") }
        return streams.removeValue(forKey: name) != nil
    }

    package func consumerInfo(stream: String, name: String) async throws(JetStreamError) -> YAMLValue? {
        try record("CONSUMER.INFO", "\(stream).\(name)", nil)
        guard streams[stream] != nil else {
            throw .api(subject: "$JS.API.CONSUMER.INFO.\(stream).\(name)", error: Self.error(10059, "stream not found"))
        }
        return consumers["\(stream).\(name)"].map(Self.info)
    }

    package func createConsumer(stream: String, config: YAMLValue) async throws(JetStreamError) -> YAMLValue {
        let name = config.member("durable_name")?.textValue ?? ""
        try record("CONSUMER.DURABLE.CREATE", "\(stream).\(name)", config)
        guard streams[stream] != nil else {
            throw .api(subject: "$JS.API.CONSUMER.DURABLE.CREATE.\(stream).\(name)", error: Self.error(10059, "stream not found"))
        }
        if let existing = consumers["\(stream).\(name)"] {
            for field in JetStreamComparison.immutableConsumerFields
            where !JetStreamComparison.equivalent(existing.member(field), config.member(field)) {
                throw .api(
                    subject: "$JS.API.CONSUMER.DURABLE.CREATE.\(stream).\(name)",
                    error: Self.error(10012, "consumer create failed: \(field) can not be updated"))
            }
        }
        var stored = config
        if stored.member("ack_wait") == nil { stored.put("ack_wait", .int(30_000_000_000)) }
        if stored.member("max_ack_pending") == nil { stored.put("max_ack_pending", .int(1000)) }
        consumers["\(stream).\(name)"] = stored
        return Self.info(stored)
    }

    package func deleteConsumer(stream: String, name: String) async throws(JetStreamError) -> Bool {
        try record("CONSUMER.DELETE", "\(stream).\(name)", nil)
        return consumers.removeValue(forKey: "\(stream).\(name)") != nil
    }

    private func record(_ operation: String, _ object: String, _ body: YAMLValue?) throws(JetStreamError) {
        calls.append(Call(operation: operation, object: object, body: body))
        if let failure = failures.removeValue(forKey: operation) { throw failure }
    }

    /// What the server keeps: the config with what newer servers add on their own.
    private static func stored(_ config: YAMLValue) -> YAMLValue {
        var stored = config
        if stored.member("compression") == nil { stored.put("compression", .string("none")) }
        var metadata = stored.member("metadata") ?? .mapping([])
        metadata.put("_nats.req.level", .string("0"))
        stored.put("metadata", metadata)
        return stored
    }

    private static func info(_ config: YAMLValue) -> YAMLValue {
        .object([("config", config), ("state", .object([("messages", .int(0))]))])
    }

    private static func error(_ code: Int, _ description: String) -> YAMLValue {
        .object([("code", .int(400)), ("err_code", .int(code)), ("description", .string(description))])
    }
}

/// Hands out one in-memory client for every connection, remembering the options asked for.
package actor InMemoryJetStreamClientProvider: JetStreamClientProvider {
    package let server: InMemoryJetStreamClient
    package private(set) var requested: [NATSConnectionOptions] = []
    private var refusal: JetStreamError?

    package init(server: InMemoryJetStreamClient) {
        self.server = server
    }

    /// Every later connection attempt fails with `error` (nil: connections succeed again).
    package func refuseConnections(_ error: JetStreamError?) { refusal = error }

    package func client(for options: NATSConnectionOptions) async throws(JetStreamError) -> any JetStreamClient {
        requested.append(options)
        if let refusal { throw refusal }
        return server
    }

    package func shutdown() async {}
}
