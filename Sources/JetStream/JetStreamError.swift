/// Why a JetStream call failed: a closed set of codes, the server's own words, and the fix when
/// one is known. Errors compare equal by `code` and `apiCode`, so tests survive better wording.
package struct JetStreamError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `nats.connect`, `nats.auth`, `nats.timeout`, `nats.closed`, `nats.protocol`,
    /// `nats.config`, `jetstream.disabled`, `jetstream.api`, `jetstream.immutable`.
    package var code: String
    /// The API's `err_code` (10059…), for `jetstream.api`.
    package var apiCode: Int?
    /// The HTTP-like status the API answered with (400, 404, 500…).
    package var status: Int?
    package var message: String
    /// How to fix it, when known.
    package var hint: String?

    package init(code: String, message: String, apiCode: Int? = nil, status: Int? = nil, hint: String? = nil) {
        self.code = code
        self.message = message
        self.apiCode = apiCode
        self.status = status
        self.hint = hint
    }

    package var description: String { message }

    package static func == (lhs: JetStreamError, rhs: JetStreamError) -> Bool {
        lhs.code == rhs.code && lhs.apiCode == rhs.apiCode
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(apiCode)
    }

    /// No server in the list accepted a connection.
    package static func connect(_ message: String) -> JetStreamError {
        JetStreamError(
            code: "nats.connect", message: message,
            hint: "check that nats-server is running and `servers` (nats://host:port) points at it")
    }

    /// The server refused the credentials.
    package static func authorization(_ message: String) -> JetStreamError {
        JetStreamError(
            code: "nats.auth", message: message,
            hint: "check user/password, token, nkey or creds against the server's authorization block")
    }

    /// No reply within the request timeout.
    package static func timeout(_ subject: String, after: Duration) -> JetStreamError {
        JetStreamError(code: "nats.timeout", message: "no reply to \(subject) within \(after)")
    }

    /// The connection went away (server stopped, network dropped) while rig used it.
    package static func closed(_ message: String) -> JetStreamError {
        JetStreamError(
            code: "nats.closed", message: message,
            hint: "the server went away during the run; what was done before stays done, run again once it is back")
    }

    /// The server sent something that is not the NATS protocol.
    package static func protocolViolation(_ message: String) -> JetStreamError {
        JetStreamError(code: "nats.protocol", message: message)
    }

    /// The connection options are unusable (bad URL, unreadable creds file, bad nkey seed).
    package static func config(_ message: String) -> JetStreamError {
        JetStreamError(code: "nats.config", message: message)
    }

    /// Nobody answers `$JS.API.*`: the server runs without JetStream.
    package static func jetStreamDisabled(_ subject: String) -> JetStreamError {
        JetStreamError(
            code: "jetstream.disabled", message: "no responders for \(subject): JetStream is not enabled on this server or account",
            hint: "start nats-server with -js (or `jetstream {}` in its config), and enable JetStream for the account")
    }

    /// A change the server cannot make in place.
    package static func immutable(_ object: String, fields: [String]) -> JetStreamError {
        JetStreamError(
            code: "jetstream.immutable",
            message: "\(object) cannot change \(fields.joined(separator: ", ")) in place",
            hint: "set `recreate: true` on the task to delete and re-create it — its messages (or delivery state) are lost")
    }
}
