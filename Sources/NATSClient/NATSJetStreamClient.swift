import JetStream
import YAML

/// The live `JetStreamClient`: JSON requests to `$JS.API.*` over one `NATSConnection`.
package struct NATSJetStreamClient: JetStreamClient {
    package let connection: NATSConnection
    package let timeout: Duration

    package init(connection: NATSConnection, timeout: Duration = .seconds(5)) {
        self.connection = connection
        self.timeout = timeout
    }

    package func serverVersion() async -> JetStreamServerVersion { await connection.serverVersion }

    package func accountInfo() async throws(JetStreamError) -> YAMLValue {
        try await call("$JS.API.INFO", nil)
    }

    package func streamInfo(_ name: String) async throws(JetStreamError) -> YAMLValue? {
        try await optional(apiCode: 10059) { () async throws(JetStreamError) in try await call("$JS.API.STREAM.INFO.\(name)", nil) }
    }

    package func createStream(_ config: YAMLValue) async throws(JetStreamError) -> YAMLValue {
        try await call("$JS.API.STREAM.CREATE.\(try Self.name(of: config, "name"))", config)
    }

    package func updateStream(_ config: YAMLValue) async throws(JetStreamError) -> YAMLValue {
        try await call("$JS.API.STREAM.UPDATE.\(try Self.name(of: config, "name"))", config)
    }

    package func deleteStream(_ name: String) async throws(JetStreamError) -> Bool {
        let answer = try await optional(apiCode: 10059) { () async throws(JetStreamError) in try await call("$JS.API.STREAM.DELETE.\(name)", nil) }
        return answer?.member("success") == .bool(true)
    }

    package func consumerInfo(stream: String, name: String) async throws(JetStreamError) -> YAMLValue? {
        try await optional(apiCode: 10014) { () async throws(JetStreamError) in
            try await call("$JS.API.CONSUMER.INFO.\(stream).\(name)", nil)
        }
    }

    package func createConsumer(stream: String, config: YAMLValue) async throws(JetStreamError) -> YAMLValue {
        let durable = try Self.name(of: config, "durable_name")
        let body = YAMLValue.object([("stream_name", .string(stream)), ("config", config)])
        return try await call("$JS.API.CONSUMER.DURABLE.CREATE.\(stream).\(durable)", body)
    }

    package func deleteConsumer(stream: String, name: String) async throws(JetStreamError) -> Bool {
        let answer = try await optional(apiCode: 10014) { () async throws(JetStreamError) in
            try await call("$JS.API.CONSUMER.DELETE.\(stream).\(name)", nil)
        }
        return answer?.member("success") == .bool(true)
    }

    /// One API request: JSON in, JSON out; an `error` answer becomes a `JetStreamError`.
    func call(_ subject: String, _ body: YAMLValue?) async throws(JetStreamError) -> YAMLValue {
        let reply = try await connection.request(subject, body?.jsonBytes ?? [], timeout: timeout)
        if reply.status == 503 { throw .jetStreamDisabled(subject) }
        let answer: YAMLValue
        do {
            answer = try YAMLValue.parseJSON(reply.payload)
        } catch {
            throw .protocolViolation("the answer to \(subject) is not JSON: \(error)")
        }
        if let error = answer.member("error") { throw .api(subject: subject, error: error) }
        return answer
    }

    private func optional(apiCode: Int, _ body: () async throws(JetStreamError) -> YAMLValue) async throws(JetStreamError) -> YAMLValue? {
        do {
            return try await body()
        } catch where error.apiCode == apiCode {
            return nil
        }
    }

    static func name(of config: YAMLValue, _ field: String) throws(JetStreamError) -> String {
        guard let name = config.member(field)?.textValue, !name.isEmpty else { throw .config("the configuration has no \(field)") }
        return name
    }
}
