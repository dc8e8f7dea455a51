import Foundation
import YAML

/// What every connection shares: the API state, the options, the request log and the faults.
final class ServerCore: Sendable {
    let api: KubeAPI
    let options: KubeTestServerOptions
    let requestLog = RequestLog()
    let faults = FaultBook()

    init(api: KubeAPI, options: KubeTestServerOptions) {
        self.api = api
        self.options = options
    }

    /// Faults first, then authentication, then the API.
    func respond(to request: APIRequest, clientCertificate: Bool) async -> APIOutcome {
        switch faults.take(method: request.method, path: request.path) {
        case .status(let code, let retryAfter):
            var response = StatusBody.injected(code: code).response
            if let retryAfter { response.headers.append(("Retry-After", String(retryAfter))) }
            return .response(response)
        case .dropConnection:
            return .drop
        case .delay(let milliseconds):
            try? await Task.sleep(for: .milliseconds(milliseconds))
        case nil:
            break
        }
        guard clientCertificate || isAuthorized(request) else { return .response(StatusBody.unauthorized.response) }
        return await api.handle(request)
    }

    /// A configured bearer token or basic-auth user and password.
    func isAuthorized(_ request: APIRequest) -> Bool {
        guard let header = request.headers["authorization"] else { return false }
        if header.hasPrefix("Bearer ") {
            return options.bearerTokens.contains(String(header.dropFirst("Bearer ".count)))
        }
        if header.hasPrefix("Basic "), let data = Data(base64Encoded: String(header.dropFirst("Basic ".count))),
            let pair = String(data: data, encoding: .utf8), let colon = pair.firstIndex(of: ":")
        {
            let user = String(pair[..<colon])
            return options.basicAuth[user].map { $0 == String(pair[pair.index(after: colon)...]) } ?? false
        }
        return false
    }

    func log(_ request: APIRequest, status: Int) {
        requestLog.record(
            RecordedRequest(
                method: request.method, path: request.path, query: request.query, accept: request.accept,
                contentType: request.contentType, userAgent: request.userAgent, status: status))
    }
}
