import JetStream
import NIOCore
import NIOPosix
import YAML

/// One client connection to a NATS server: the handshake (INFO, TLS, CONNECT, PING/PONG),
/// publishing, subscriptions, and request/reply through one wildcard inbox subscription.
///
/// The channel handler delivers on the event loop into the shared `NATSConnectionState`;
/// this actor only writes, so no request ever blocks another.
package actor NATSConnection {
    let channel: any Channel
    let state: NATSConnectionState
    /// The server's INFO.
    package let info: YAMLValue
    package let server: NATSServerURL
    private let inboxPrefix: String
    private var nextInbox = 0
    private var nextSid = 1

    init(channel: any Channel, state: NATSConnectionState, info: YAMLValue, server: NATSServerURL, inboxPrefix: String) {
        self.channel = channel
        self.state = state
        self.info = info
        self.server = server
        self.inboxPrefix = inboxPrefix
    }

    /// Connects to the first server of the list that answers and accepts the credentials.
    package static func connect(
        _ options: NATSConnectionOptions, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws(JetStreamError) -> NATSConnection {
        guard !options.servers.isEmpty else { throw .config("no NATS servers given") }
        var reasons: [String] = []
        for text in options.servers {
            let server = try NATSServerURL(parsing: text)
            do {
                return try await NATSHandshake(options: options, server: server, group: group).connect()
            } catch let error where error.code == "nats.auth" || error.code == "nats.config" {
                throw error
            } catch {
                reasons.append("\(server): \(error.message)")
            }
        }
        throw .connect("could not connect to NATS (\(reasons.joined(separator: "; ")))")
    }

    /// The version the server announced.
    package var serverVersion: JetStreamServerVersion {
        JetStreamServerVersion(parsing: info.member("version")?.textValue ?? "")
    }

    /// Why the connection stopped working; nil while it works.
    package var failure: JetStreamError? { state.failure }

    /// Sends `payload` to `subject` and waits for the one reply.
    package func request(_ subject: String, _ payload: [UInt8], timeout: Duration) async throws(JetStreamError) -> NATSMessage {
        nextInbox += 1
        let inbox = inboxPrefix + String(nextInbox)
        var buffer = channel.allocator.buffer(capacity: subject.utf8.count + inbox.utf8.count + payload.count + 32)
        buffer.writeString("PUB \(subject) \(inbox) \(payload.count)\r\n")
        buffer.writeBytes(payload)
        buffer.writeString("\r\n")
        let state = self.state
        let channel = self.channel
        let deadline = channel.eventLoop.scheduleTask(in: .nanoseconds(Int64(timeout.nanosecondsClamped))) {
            state.abandon(inbox, .timeout(subject, after: timeout))
        }
        let result = await withTaskCancellationHandler {
            await state.waitForReply(inbox) {
                channel.writeAndFlush(buffer).whenFailure { error in
                    state.abandon(inbox, .closed("could not send \(subject): \(error)"))
                }
            }
        } onCancel: {
            state.abandon(inbox, JetStreamError(code: "nats.cancelled", message: "the request to \(subject) was cancelled"))
        }
        deadline.cancel()
        return try result.get()
    }

    /// Publishes without waiting for anything.
    package func publish(_ subject: String, _ payload: [UInt8], replyTo: String? = nil) async throws(JetStreamError) {
        var buffer = channel.allocator.buffer(capacity: payload.count + 64)
        buffer.writeString("PUB \(subject)\(replyTo.map { " " + $0 } ?? "") \(payload.count)\r\n")
        buffer.writeBytes(payload)
        buffer.writeString("\r\n")
        try await write(buffer)
    }

    /// Subscribes; the stream ends when the connection closes or `unsubscribe` is called.
    package func subscribe(_ subject: String) async throws(JetStreamError) -> (sid: String, messages: AsyncStream<NATSMessage>) {
        nextSid += 1
        let sid = String(nextSid)
        let (stream, continuation) = AsyncStream<NATSMessage>.makeStream()
        state.addSubscription(sid, continuation)
        try await write(ByteBuffer(string: "SUB \(subject) \(sid)\r\n"))
        try await flush()
        return (sid, stream)
    }

    /// Stops a subscription.
    package func unsubscribe(_ sid: String) async throws(JetStreamError) {
        state.removeSubscription(sid)
        try await write(ByteBuffer(string: "UNSUB \(sid)\r\n"))
    }

    /// Round-trips a PING: everything written before has reached the server.
    package func flush() async throws(JetStreamError) {
        let channel = self.channel
        let result = await state.waitForPong {
            channel.writeAndFlush(ByteBuffer(string: "PING\r\n"), promise: nil)
        }
        try result.get()
    }

    /// Closes the connection.
    package func close() async {
        state.fail(.closed("the connection was closed by rig"))
        try? await channel.close()
    }

    private func write(_ buffer: ByteBuffer) async throws(JetStreamError) {
        if let failure = state.failure { throw failure }
        do {
            try await channel.writeAndFlush(buffer)
        } catch {
            throw .closed("could not write to \(server): \(error)")
        }
    }
}

extension Duration {
    /// Whole nanoseconds, clamped to what `Int64` holds.
    var nanosecondsClamped: Int64 {
        let (seconds, attoseconds) = components
        guard seconds < 9_000_000_000 else { return Int64.max }
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
