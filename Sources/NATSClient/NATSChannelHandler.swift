import JetStream
import NIOCore

/// Reads the server's bytes on the event loop: answers PING at once, hands INFO, PONG and
/// messages to the shared state, and turns `-ERR`, bad bytes and a closed socket into the
/// connection's failure.
final class NATSChannelHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var parser = NATSProtocolParser()
    private let state: NATSConnectionState
    private let server: String

    init(state: NATSConnectionState, server: String) {
        self.state = state
        self.server = server
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        parser.append(bytes.readableBytesView)
        do {
            while let operation = try parser.next() { handle(operation, context: context) }
        } catch {
            state.fail(.protocolViolation("\(server) sent bytes that are not the NATS protocol: \(error.reason)"))
            context.close(promise: nil)
        }
    }

    private func handle(_ operation: NATSServerOperation, context: ChannelHandlerContext) {
        switch operation {
        case .info(let json): state.receivedInfo(json)
        case .ping: context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "PONG\r\n")), promise: nil)
        case .pong: state.receivedPong()
        case .ok: break
        case .message(let message): state.deliver(message)
        case .error(let text):
            let lowered = text.lowercased()
            if lowered.contains("authorization") || lowered.contains("authentication") || lowered.contains("user authentication") {
                state.fail(.authorization("\(server) refused the credentials: \(text)"))
            } else if lowered.hasPrefix("permissions violation") {
                return
            } else {
                state.fail(.closed("\(server) reported an error and closed the connection: \(text)"))
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        state.fail(.closed("the connection to \(server) closed"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        state.fail(.closed("the connection to \(server) failed: \(error)"))
        context.close(promise: nil)
    }
}
