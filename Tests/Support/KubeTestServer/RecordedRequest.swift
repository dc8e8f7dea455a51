import Synchronization

/// One request the server answered, as the request log keeps it.
package struct RecordedRequest: Sendable, Hashable {
    /// `GET`, `PATCH`…
    package var method: String
    /// The path, without the query.
    package var path: String
    /// The query parameters, decoded.
    package var query: [String: String]
    /// The `Accept` header ("" when absent).
    package var accept: String
    /// The `Content-Type` header ("" when absent).
    package var contentType: String
    /// The `User-Agent` header ("" when absent).
    package var userAgent: String
    /// The status code answered; 0 when the connection was dropped without an answer.
    package var status: Int

    /// Whether the request could change state (anything but GET, HEAD and OPTIONS).
    package var isWrite: Bool { !["GET", "HEAD", "OPTIONS"].contains(method) }
}

/// The server's request log, shared by all connections.
final class RequestLog: Sendable {
    private let entries = Mutex<[RecordedRequest]>([])

    func record(_ request: RecordedRequest) {
        entries.withLock { $0.append(request) }
    }

    var all: [RecordedRequest] { entries.withLock { $0 } }

    func clear() { entries.withLock { $0.removeAll() } }
}
