import JetStream
import NATSClient
import Testing
import YAML

/// The NATS client against the real nats-server.
@Suite("the NATS client talks to a real nats-server")
struct NATSConnectionLiveTests {
    @Test("connects, and a request to a subject nobody serves fails fast as no responders")
    func noResponders() async throws {
        try await NATSTestServer.with { server in
            let connection = try await NATSConnection.connect(NATSConnectionOptions(servers: [server.url]))
            let reply = try await connection.request("nobody.home", [], timeout: .seconds(2))
            #expect(reply.status == 503)
            await connection.close()
        }
    }

    @Test("a request through the inbox gets the reply another connection publishes")
    func requestReply() async throws {
        try await NATSTestServer.with { server in
            let options = NATSConnectionOptions(servers: [server.url])
            let responder = try await NATSConnection.connect(options)
            let (_, messages) = try await responder.subscribe("echo")
            let requester = try await NATSConnection.connect(options)
            async let reply = requester.request("echo", Array("ping".utf8), timeout: .seconds(2))
            for await message in messages {
                try await responder.publish(message.replyTo ?? "", Array("pong:".utf8) + message.payload)
                break
            }
            #expect(try await String(decoding: reply.payload, as: UTF8.self) == "pong:ping")
            await responder.close()
            await requester.close()
        }
    }

    @Test("a server list is tried in turn: a dead first entry does not stop the connection")
    func serverList() async throws {
        try await NATSTestServer.with { server in
            let dead = "nats://127.0.0.1:\(try await NATSTestServer.freePort())"
            let connection = try await NATSConnection.connect(NATSConnectionOptions(servers: [dead, server.url]))
            #expect(await connection.server.port == server.port)
            await connection.close()
        }
    }

    @Test("no server answering is a connect error that names every server tried")
    func nobodyListens() async throws {
        let port = try await NATSTestServer.freePort()
        let error = await #expect(throws: JetStreamError.self) {
            _ = try await NATSConnection.connect(NATSConnectionOptions(servers: ["nats://127.0.0.1:\(port)"]))
        }
        #expect(error?.code == "nats.connect")
        #expect(error?.message.contains("127.0.0.1:\(port)") == true)
    }

    @Test("the JetStream client creates, reads, updates and deletes a stream")
    func streamLifecycle() async throws {
        try await NATSTestServer.with { server in
            let connection = try await NATSConnection.connect(NATSConnectionOptions(servers: [server.url]))
            let client = NATSJetStreamClient(connection: connection)
            #expect(try await client.streamInfo("orders") == nil)
            let spec = try StreamSpec(nack: .object([("name", .string("orders")), ("subjects", .sequence([.string("orders.>")])), ("storage", .string("file"))]))
            let created = try await client.createStream(spec.config)
            let live = try #require(created.member("config"))
            #expect(JetStreamComparison.streamChanges(desired: spec.config, live: live, server: await client.serverVersion()).isEmpty, "\(live.jsonText)")
            var changed = spec.config
            changed.put("max_msgs", .int(10))
            let updated = try await client.updateStream(changed)
            #expect(updated.member("config")?.member("max_msgs") == .int(10))
            #expect(try await client.deleteStream("orders"))
            #expect(try await client.deleteStream("orders") == false)
            await connection.close()
        }
    }
}
