import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A Helm chart repository for tests: plain HTTP on 127.0.0.1 and a free port, serving the files
/// of one folder (`index.yaml`, chart `.tgz`), optionally behind HTTP basic auth, and recording
/// every request it answers.
///
/// Only files directly in the folder are served; any other path is 404. With credentials, a
/// request without the right `Authorization: Basic` header gets 401 and a `WWW-Authenticate`
/// challenge. The folder is read per request, so files (an index naming this server's URL) may
/// be written after ``start(folder:credentials:)``.
package final class ChartRepositoryServer: StoppableServer {
    /// A login the server requires.
    package struct Credentials: Sendable, Hashable {
        package var username: String
        package var password: String

        package init(username: String, password: String) {
            self.username = username
            self.password = password
        }
    }

    /// One request as the server saw it.
    package struct Request: Sendable, Hashable {
        /// `GET`, `HEAD`…
        package var method: String
        /// The path, without the query.
        package var path: String
        /// The user name of the `Authorization: Basic` header; nil when none was sent.
        package var username: String?
        /// The status code answered.
        package var status: Int
    }

    /// The port it listens on (127.0.0.1 only).
    package let port: Int
    /// The folder whose files it serves.
    package let folder: String
    private let channel: NIOAsyncChannel<HTTPHandler.Connection, Never>
    private let acceptor: Task<Void, Never>
    private let log: ChartRepositoryLog

    /// `http://127.0.0.1:PORT/`, as a repository URL for `helm repo add` and `helm repo index --url`.
    package var url: String { "http://127.0.0.1:\(port)/" }

    private init(port: Int, folder: String, credentials: Credentials?, channel: NIOAsyncChannel<HTTPHandler.Connection, Never>) {
        self.port = port
        self.folder = folder
        self.channel = channel
        let log = ChartRepositoryLog()
        self.log = log
        let files = ChartRepositoryFiles(folder: folder, credentials: credentials)
        // The one unstructured task: it owns the accept loop and ends with shutdown().
        acceptor = Task {
            try? await channel.executeThenClose { connections in
                await withDiscardingTaskGroup { group in
                    do {
                        for try await connection in connections {
                            group.addTask { await files.serve(connection, log: log) }
                        }
                    } catch {
                        // The listening socket closed: shutting down.
                    }
                    group.cancelAll()
                }
            }
        }
    }

    /// Starts serving `folder`; with `credentials`, only to clients that send them.
    package static func start(folder: String, credentials: Credentials? = nil) async throws -> ChartRepositoryServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    return try HTTPHandler.Connection(wrappingChannelSynchronously: child)
                }
            }
        guard let port = channel.channel.localAddress?.port else {
            try? await channel.channel.close()
            throw KubeTestServerError(reason: "the chart repository's listening socket has no port")
        }
        return ChartRepositoryServer(port: port, folder: folder, credentials: credentials, channel: channel)
    }

    /// Runs `body` with a started server and shuts it down afterwards, whether `body` throws or not.
    package static func withServer<Result: Sendable>(
        folder: String, credentials: Credentials? = nil, _ body: (ChartRepositoryServer) async throws -> Result
    ) async throws -> Result {
        try await start(folder: folder, credentials: credentials).serve(body)
    }

    /// Stops listening, closes every connection and waits for them.
    package func shutdown() async {
        try? await channel.channel.close()
        acceptor.cancel()
        await acceptor.value
    }

    /// Every request answered so far, in order.
    package func requests() -> [Request] { log.entries.withLock { $0 } }
}

/// The requests answered, shared by all connections.
private final class ChartRepositoryLog: Sendable {
    let entries = Mutex<[ChartRepositoryServer.Request]>([])
}

/// Answers one connection's requests from the folder's files.
private struct ChartRepositoryFiles: Sendable {
    let folder: String
    let credentials: ChartRepositoryServer.Credentials?

    func serve(_ connection: HTTPHandler.Connection, log: ChartRepositoryLog) async {
        let channel = connection.channel
        await withTaskCancellationHandler {
            do {
                try await connection.executeThenClose { inbound, outbound in
                    var head: HTTPRequestHead?
                    for try await part in inbound {
                        switch part {
                        case .head(let requestHead): head = requestHead
                        case .body: continue
                        case .end:
                            guard let requestHead = head else { continue }
                            head = nil
                            let response = respond(to: requestHead, log: log)
                            try await HTTPHandler.send(response, headOnly: requestHead.method == .HEAD, keepAlive: requestHead.isKeepAlive, outbound)
                            if !requestHead.isKeepAlive { return }
                        }
                    }
                }
            } catch {
                // A client that goes away mid-request ends only its own connection.
            }
        } onCancel: {
            channel.close(promise: nil)
        }
    }

    private func respond(to head: HTTPRequestHead, log: ChartRepositoryLog) -> APIResponse {
        let (path, _) = APIRequest.split(target: head.uri)
        let authorization = head.headers["Authorization"].first
        let response = answer(method: head.method, path: path, authorization: authorization)
        let request = ChartRepositoryServer.Request(
            method: head.method.rawValue, path: path, username: Self.basicUsername(authorization), status: response.status)
        log.entries.withLock { $0.append(request) }
        return response
    }

    private func answer(method: HTTPMethod, path: String, authorization: String?) -> APIResponse {
        if let credentials, authorization != Self.basicHeader(credentials) {
            return APIResponse(
                status: 401, contentType: "text/plain; charset=utf-8", headers: [("WWW-Authenticate", "Basic realm=\"charts\"")],
                body: Array("401 unauthorized\n".utf8))
        }
        let name = String(path.drop(while: { $0 == "/" }))
        guard method == .GET || method == .HEAD, !name.isEmpty, !name.contains("/"), name != ".", name != "..",
            let data = FileManager.default.contents(atPath: folder + "/" + name)
        else {
            return .pageNotFound
        }
        let type = name.hasSuffix(".yaml") ? "application/x-yaml" : name.hasSuffix(".tgz") ? "application/gzip" : "application/octet-stream"
        return APIResponse(status: 200, contentType: type, body: Array(data))
    }

    static func basicHeader(_ credentials: ChartRepositoryServer.Credentials) -> String {
        "Basic " + Data("\(credentials.username):\(credentials.password)".utf8).base64EncodedString()
    }

    /// The user name in an `Authorization: Basic` header; nil when there is none or it is malformed.
    static func basicUsername(_ header: String?) -> String? {
        guard let header, header.hasPrefix("Basic "), let decoded = Data(base64Encoded: String(header.dropFirst(6))),
            let text = String(data: decoded, encoding: .utf8)
        else { return nil }
        return text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
    }
}
