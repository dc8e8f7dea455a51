import YAML

/// A complete answer: status code, content type, extra headers and body bytes.
struct APIResponse: Sendable {
    var status: Int
    var contentType: String
    var headers: [(String, String)] = []
    var body: [UInt8]

    /// A JSON answer.
    static func json(_ status: Int, _ value: YAMLValue, contentType: String = "application/json") -> APIResponse {
        APIResponse(status: status, contentType: contentType, body: value.jsonBytes)
    }

    /// The Go mux's answer for a path no handler is registered for (`35`).
    static let pageNotFound = APIResponse(
        status: 404, contentType: "text/plain; charset=utf-8", body: Array("404 page not found\n".utf8))
}

/// What the connection should do for one request.
enum APIOutcome: Sendable {
    case response(APIResponse)
    /// Stream watch events (`watch=true` on a list).
    case watch(WatchPlan)
    /// Close the connection without answering (an injected fault).
    case drop
}

/// An answer the API layer throws to stop handling a request early.
struct APIError: Error {
    var response: APIResponse

    init(_ response: APIResponse) { self.response = response }

    /// A `Status` failure body.
    static func status(_ status: StatusBody) -> APIError { APIError(status.response) }
}
