import Kube
import NIOHTTP1

/// One request to the API server, before credentials are added.
struct KubeRequest: Sendable {
    var method: HTTPMethod
    /// The path below the server URL, starting with `/`.
    var path: String
    var query: [(name: String, value: String)] = []
    var accept = "application/json"
    var contentType: String?
    var body: [UInt8]?
    /// The object the request is about, for errors.
    var object: KubeObjectReference?
    /// The Kubernetes verb, for RBAC hints.
    var verb: String

    /// The path with its query string.
    var target: String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { "\(KubePath.escape($0.name))=\(KubePath.escape($0.value))" }.joined(separator: "&")
    }
}

/// The server's answer to one request, whatever its status.
struct KubeResponse: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]
    /// Whether an earlier attempt of the same request got no answer, so the server may have
    /// carried it out already.
    var followsLostAttempt = false

    var contentType: String? { headers.first(name: "Content-Type") }

    /// The error for this (failed) answer.
    func error(for request: KubeRequest) -> KubeError {
        KubeError.fromResponse(statusCode: status, body: body, contentType: contentType, object: request.object, verb: request.verb)
    }
}
