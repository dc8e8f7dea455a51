import AsyncHTTPClient
import NIOCore

/// Downloads text from an http(s) URL, for `k8s` `src: https://…` (the way the seed's role once
/// fetched the NACK CRDs). The system's trust store, a 60 s timeout, at most 32 MiB.
package enum RemoteText {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    package static func fetch(_ url: String) async throws -> String {
        let request = HTTPClientRequest(url: url)
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        guard (200..<300).contains(response.status.code) else {
            throw Failure(description: "\(url) answered \(response.status.code) \(response.status.reasonPhrase)")
        }
        let body = try await response.body.collect(upTo: 32 << 20)
        return String(buffer: body)
    }
}
