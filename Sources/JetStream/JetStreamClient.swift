import YAML

/// The JetStream management API, as rig uses it: streams and durable consumers by name, and
/// the account. Configurations and answers are JSON trees in the API's own shape (snake_case,
/// nanoseconds), so nothing is lost between what the server says and what rig compares.
///
/// Implementations: `NATSJetStreamClient` (the live one, on SwiftNIO) and
/// `InMemoryJetStreamClient` (a fake that records calls).
package protocol JetStreamClient: Sendable {
    /// The version the server announced, for the rules that differ between releases.
    func serverVersion() async -> JetStreamServerVersion
    /// `$JS.API.INFO`: the account's limits and usage, and the API call statistics.
    func accountInfo() async throws(JetStreamError) -> YAMLValue
    /// `$JS.API.STREAM.INFO.<name>`: the stream's info (`config`, `state`), nil when there is none.
    func streamInfo(_ name: String) async throws(JetStreamError) -> YAMLValue?
    /// `$JS.API.STREAM.CREATE.<name>` with the complete configuration; returns the stream's info.
    func createStream(_ config: YAMLValue) async throws(JetStreamError) -> YAMLValue
    /// `$JS.API.STREAM.UPDATE.<name>` with the complete configuration (the server replaces it).
    func updateStream(_ config: YAMLValue) async throws(JetStreamError) -> YAMLValue
    /// `$JS.API.STREAM.DELETE.<name>`; false when it was already gone.
    func deleteStream(_ name: String) async throws(JetStreamError) -> Bool
    /// `$JS.API.CONSUMER.INFO.<stream>.<name>`: nil when there is none.
    func consumerInfo(stream: String, name: String) async throws(JetStreamError) -> YAMLValue?
    /// Creates or updates a durable consumer (`$JS.API.CONSUMER.DURABLE.CREATE.<stream>.<durable>`,
    /// which 2.9 and later servers all accept) with the complete configuration.
    func createConsumer(stream: String, config: YAMLValue) async throws(JetStreamError) -> YAMLValue
    /// `$JS.API.CONSUMER.DELETE.<stream>.<name>`; false when it was already gone.
    func deleteConsumer(stream: String, name: String) async throws(JetStreamError) -> Bool
}

/// Hands out JetStream clients by connection, so tasks that name the same servers and
/// credentials share one connection during a run.
package protocol JetStreamClientProvider: Sendable {
    /// A connected client for these options; connects on first use.
    func client(for options: NATSConnectionOptions) async throws(JetStreamError) -> any JetStreamClient
    /// Closes every connection; the provider must not be used afterwards.
    func shutdown() async
}
