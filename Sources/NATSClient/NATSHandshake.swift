import Foundation
import JetStream
import NIOCore
import NIOPosix
import NIOSSL
import YAML

/// Opens one connection: TCP, the server's INFO, TLS when either side asks for it, CONNECT
/// with the credentials, and a PING whose PONG proves the server accepted them.
struct NATSHandshake {
    let options: NATSConnectionOptions
    let server: NATSServerURL
    let group: any EventLoopGroup

    func connect() async throws(JetStreamError) -> NATSConnection {
        let state = NATSConnectionState()
        let server = self.server
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(.nanoseconds(options.connectTimeout.nanosecondsClamped))
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(NATSChannelHandler(state: state, server: server.description))
                    }
                }
                .connect(host: server.host, port: server.port).get()
        } catch {
            throw .connect("\(server): \(error)")
        }
        do {
            return try await handshake(channel, state)
        } catch {
            try? await channel.close()
            throw error
        }
    }

    private func handshake(_ channel: any Channel, _ state: NATSConnectionState) async throws(JetStreamError) -> NATSConnection {
        let timeout = channel.eventLoop.scheduleTask(in: .nanoseconds(options.connectTimeout.nanosecondsClamped)) {
            state.fail(.connect("\(server) sent no INFO within \(options.connectTimeout)"))
        }
        let infoText = try await state.waitForInfo().get()
        timeout.cancel()
        let info: YAMLValue
        do {
            info = try YAMLValue.parseJSON(infoText)
        } catch {
            throw .protocolViolation("\(server) sent an INFO that is not JSON: \(error)")
        }
        let serverWantsTLS = info.member("tls_required") == .bool(true)
        if serverWantsTLS || server.requiresTLS || options.tls != nil {
            try await startTLS(channel)
        }
        let connect = try connectMessage(info: info, tls: serverWantsTLS || server.requiresTLS || options.tls != nil)
        let inboxPrefix = "_INBOX.\(Self.randomToken())."
        var buffer = channel.allocator.buffer(capacity: 512)
        buffer.writeString("CONNECT \(connect.jsonText)\r\nSUB \(inboxPrefix)* 1\r\n")
        do {
            try await channel.writeAndFlush(buffer)
        } catch {
            throw state.failure ?? .closed("could not send CONNECT to \(server): \(error)")
        }
        let pongTimeout = channel.eventLoop.scheduleTask(in: .nanoseconds(options.connectTimeout.nanosecondsClamped)) {
            state.fail(.connect("\(server) did not answer CONNECT within \(options.connectTimeout)"))
        }
        let answered = await state.waitForPong { channel.writeAndFlush(ByteBuffer(string: "PING\r\n"), promise: nil) }
        pongTimeout.cancel()
        try answered.get()
        return NATSConnection(channel: channel, state: state, info: info, server: server, inboxPrefix: inboxPrefix)
    }

    private func startTLS(_ channel: any Channel) async throws(JetStreamError) {
        let tls = options.tls ?? NATSTLSOptions()
        do {
            var configuration = TLSConfiguration.makeClientConfiguration()
            if let ca = tls.caFile { configuration.trustRoots = .file(ca) }
            if let certificate = tls.certificateFile {
                configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) }
            }
            if let key = tls.keyFile { configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)) }
            if tls.verification == .none { configuration.certificateVerification = .none }
            let context = try NIOSSLContext(configuration: configuration)
            let hostname = server.isIPAddress ? nil : server.host
            try await channel.eventLoop.submit {
                let handler = try NIOSSLClientHandler(context: context, serverHostname: hostname)
                try channel.pipeline.syncOperations.addHandler(handler, position: .first)
            }.get()
        } catch {
            throw .config("TLS setup for \(server) failed: \(error)")
        }
    }

    /// CONNECT's JSON: verbose off, headers and no-responders on, and the credentials.
    private func connectMessage(info: YAMLValue, tls: Bool) throws(JetStreamError) -> YAMLValue {
        var connect = YAMLValue.object([
            ("verbose", .bool(false)), ("pedantic", .bool(false)), ("tls_required", .bool(tls)),
            ("name", .string(options.name)), ("lang", .string("swift")), ("version", .string("rig")),
            ("protocol", .int(1)), ("headers", .bool(true)), ("no_responders", .bool(true)),
        ])
        let nonce = info.member("nonce")?.textValue ?? ""
        if let user = server.user {
            connect.put("user", .string(user))
            connect.put("pass", .string(server.password ?? ""))
        }
        switch options.authentication {
        case .none: break
        case .userPassword(let user, let password):
            connect.put("user", .string(user))
            connect.put("pass", .string(password))
        case .token(let token):
            connect.put("auth_token", .string(token))
        case .nkey(let seedOrPath):
            let key = try NKey(seed: try Self.seedText(seedOrPath))
            connect.put("nkey", .string(key.publicKey))
            connect.put("sig", .string(try key.sign(nonce: nonce)))
        case .credentials(let path):
            let credentials = try NATSCredentials(path: path)
            connect.put("jwt", .string(credentials.jwt))
            connect.put("sig", .string(try NKey(seed: credentials.seed).sign(nonce: nonce)))
        }
        return connect
    }

    /// A seed written inline (`SU…`) or the path of a file holding one.
    static func seedText(_ value: String) throws(JetStreamError) -> String {
        if value.hasPrefix("S") && !value.contains("/") { return value }
        guard let data = FileManager.default.contents(atPath: value) else { throw .config("cannot read the nkey seed file \(value)") }
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }).first(where: { $0.hasPrefix("S") })
        else { throw .config("the nkey file \(value) holds no seed (a line starting with S)") }
        return line
    }

    static func randomToken() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<22).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] })
    }
}
