/// A message delivered to one of the client's subscriptions (`MSG` or `HMSG`).
package struct NATSMessage: Sendable, Hashable {
    package var subject: String
    package var sid: String
    package var replyTo: String?
    /// Header lines in order, `HMSG` only.
    package var headers: [NATSHeader]
    /// The status in the header's first line (`NATS/1.0 503`): 503 means no responders.
    package var status: Int?
    package var statusDescription: String?
    package var payload: [UInt8]

    package init(
        subject: String, sid: String, replyTo: String? = nil, headers: [NATSHeader] = [], status: Int? = nil,
        statusDescription: String? = nil, payload: [UInt8]
    ) {
        self.subject = subject
        self.sid = sid
        self.replyTo = replyTo
        self.headers = headers
        self.status = status
        self.statusDescription = statusDescription
        self.payload = payload
    }
}

/// One header line of an `HMSG`.
package struct NATSHeader: Sendable, Hashable {
    package var name: String
    package var value: String

    package init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// One protocol operation the server sent.
package enum NATSServerOperation: Sendable, Hashable {
    /// `INFO {…}`: the JSON as text.
    case info(String)
    case message(NATSMessage)
    case ping
    case pong
    case ok
    /// `-ERR 'text'`, the text without quotes.
    case error(String)
}
