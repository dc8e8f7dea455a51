import Engine
import JetStream
import NATSClient
import Template
import Testing
import YAML

/// Authentication against a real nats-server configured for it, through the modules' options.
@Suite("nats_stream authenticates the ways nats-server asks for")
struct NATSAuthLiveTests {
    static func playbook(_ auth: String) -> String {
        """
        - hosts: localhost
          tasks:
            - name: stream
              nats_stream: {servers: "{{ nats_url }}", name: secured, subjects: [secured], storage: file, \(auth)}
        """
    }

    @Test("user and password from variables")
    func userPassword() async throws {
        try await NATSTestServer.with(config: "authorization { user: rig, password: s3cret }") { server in
            let run = try await PlaybookRun.run(
                .apply, Self.playbook("user: \"{{ nats_user }}\", password: \"{{ nats_password }}\""),
                extra: ["nats_url": .string(server.url), "nats_user": .string("rig"), "nats_password": .string("s3cret")])
            #expect(run.lines == ["stream: changed + secured Stream"])
        }
    }

    @Test("a wrong password fails with an authorization error that says what to check")
    func wrongPassword() async throws {
        try await NATSTestServer.with(config: "authorization { user: rig, password: s3cret }") { server in
            let run = try await PlaybookRun.run(
                .apply, Self.playbook("user: rig, password: wrong"), extra: ["nats_url": .string(server.url)])
            #expect(!run.succeeded)
            let diagnostic = try #require(run.events.first?.diagnostic)
            #expect(diagnostic.code == "nats.auth")
            #expect(diagnostic.summary.contains("Authorization Violation"), "\(diagnostic.summary)")
            #expect(!diagnostic.summary.contains("wrong"))
        }
    }

    @Test("a token")
    func token() async throws {
        try await NATSTestServer.with(config: "authorization { token: t0ken }") { server in
            let run = try await PlaybookRun.run(.apply, Self.playbook("token: t0ken"), extra: ["nats_url": .string(server.url)])
            #expect(run.lines == ["stream: changed + secured Stream"])
        }
    }

    @Test("an nkey seed signs the server's nonce")
    func nkey() async throws {
        let key = NKey(randomUser: ())
        try await NATSTestServer.with(config: "authorization { users: [ { nkey: \(key.publicKey) } ] }") { server in
            let run = try await PlaybookRun.run(
                .apply, Self.playbook("nkey: \"{{ seed }}\""), extra: ["nats_url": .string(server.url), "seed": .string(key.seed)])
            #expect(run.lines == ["stream: changed + secured Stream"])
            let other = NKey(randomUser: ())
            let refused = try await PlaybookRun.run(
                .apply, Self.playbook("nkey: \"{{ seed }}\""), extra: ["nats_url": .string(server.url), "seed": .string(other.seed)])
            #expect(refused.events.first?.diagnostic?.code == "nats.auth")
        }
    }
}

/// Faults: the server going away.
@Suite("a NATS server that goes away mid-run")
struct NATSFaultLiveTests {
    @Test("killing the server between tasks fails the next task clearly, and the next run converges")
    func killedMidRun() async throws {
        let server = try await NATSTestServer.start()
        let port = server.port
        let directory = server.directory
        let playbook = """
            - hosts: localhost
              tasks:
                - name: stream
                  nats_stream: {servers: "{{ nats_url }}", name: orders, subjects: [orders.>], storage: file}
                - name: server goes away
                  command: kill -KILL {{ nats_pid }}
                  when: kill | default(false)
                - name: consumer
                  nats_consumer: {servers: "{{ nats_url }}", streamName: orders, durableName: processor, ackPolicy: explicit}
            """
        let extra: [String: Value] = ["nats_url": .string(server.url), "nats_pid": .int(Int(await server.pid)), "kill": .bool(true)]
        let broken = try await PlaybookRun.run(.apply, playbook, extra: extra)
        await server.stop()
        #expect(!broken.succeeded)
        let failure = try #require(broken.events.last?.diagnostic)
        #expect(broken.events.last?.task == "consumer")
        #expect(["nats.closed", "nats.connect"].contains(failure.code), "\(failure.code)")
        #expect(failure.summary.contains("127.0.0.1:\(port)"), "\(failure.summary)")
        let restarted = try await NATSTestServer.start(port: port, directory: directory)
        var again = extra
        again["kill"] = .bool(false)
        let converged = try await PlaybookRun.run(.apply, playbook, extra: again)
        await restarted.remove()
        #expect(converged.lines == ["stream: ok = orders Stream", "server goes away: skipped", "consumer: changed + orders/processor Consumer"])
    }
}
