import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import YAML

/// Serves the requests of one TLS connection, one after another (HTTP/1.1 keep-alive).
struct HTTPHandler: Sendable {
    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    let core: ServerCore
    /// Bodies above this size get 413 (the real server's limit is 3 MiB for most writes).
    static let maximumBodyBytes = 8 * 1024 * 1024

    /// Serves until the client closes, or the server shuts down (cancellation closes the channel,
    /// so idle keep-alive connections do not hold shutdown up).
    func serve(_ connection: Connection) async {
        let channel = connection.channel
        await withTaskCancellationHandler {
            await serveRequests(connection)
        } onCancel: {
            channel.close(promise: nil)
        }
    }

    private func serveRequests(_ connection: Connection) async {
        do {
            try await connection.executeThenClose { inbound, outbound in
                var head: HTTPRequestHead?
                var body: [UInt8] = []
                var tooLarge = false
                for try await part in inbound {
                    switch part {
                    case .head(let requestHead):
                        head = requestHead
                        body = []
                        tooLarge = false
                    case .body(let buffer):
                        if body.count + buffer.readableBytes > Self.maximumBodyBytes { tooLarge = true } else {
                            body.append(contentsOf: buffer.readableBytesView)
                        }
                    case .end:
                        guard let requestHead = head else { continue }
                        head = nil
                        let clientCertificate = (try? await connection.channel.nioSSL_peerCertificate().get()) != nil
                        let request = Self.request(requestHead, body: body)
                        let outcome = tooLarge
                            ? .response(StatusBody.requestTooLarge.response)
                            : await core.respond(to: request, clientCertificate: clientCertificate)
                        let keepOpen = try await write(outcome, for: request, keepAlive: requestHead.isKeepAlive, outbound, connection.channel)
                        if !keepOpen { return }
                    }
                }
            }
        } catch {
            // A client that goes away mid-request ends only its own connection.
        }
    }

    static func request(_ head: HTTPRequestHead, body: [UInt8]) -> APIRequest {
        let (path, query) = APIRequest.split(target: head.uri)
        var headers: [String: String] = [:]
        for (name, value) in head.headers { headers[name.lowercased()] = value }
        return APIRequest(method: head.method.rawValue, path: path, query: query, headers: headers, body: body)
    }

    /// Writes the outcome; false when the connection must close.
    private func write(
        _ outcome: APIOutcome, for request: APIRequest, keepAlive: Bool, _ outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>,
        _ channel: Channel
    ) async throws -> Bool {
        switch outcome {
        case .drop:
            core.log(request, status: 0)
            return false
        case .response(let response):
            core.log(request, status: response.status)
            try await Self.send(response, headOnly: request.method == "HEAD", keepAlive: keepAlive, outbound)
            return keepAlive
        case .watch(let plan):
            core.log(request, status: 200)
            try await WatchStreamer(api: core.api, plan: plan, channel: channel).stream(outbound)
            return false
        }
    }

    static func send(
        _ response: APIResponse, headOnly: Bool, keepAlive: Bool, _ outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    ) async throws {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: response.contentType)
        headers.add(name: "Content-Length", value: String(response.body.count))
        headers.add(name: "Audit-Id", value: UUID().uuidString.lowercased())
        for (name, value) in response.headers { headers.add(name: name, value: value) }
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        try await outbound.write(.head(head))
        if !headOnly, !response.body.isEmpty { try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: response.body)))) }
        try await outbound.write(.end(nil))
    }
}
