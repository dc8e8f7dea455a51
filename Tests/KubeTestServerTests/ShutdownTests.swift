import Foundation
import KubeTestServer
import Subprocess
import SystemPackage
import Testing

@Suite("Shutdown")
struct ShutdownTests {
    /// Connects with the client certificate, makes one request, then holds the connection idle.
    static let idleClient = """
        import socket, ssl, sys, time
        directory, port = sys.argv[1], int(sys.argv[2])
        context = ssl.create_default_context(cafile=directory + "/ca.crt")
        context.load_cert_chain(directory + "/client.crt", directory + "/client.key")
        connection = context.wrap_socket(socket.create_connection(("127.0.0.1", port)), server_hostname="127.0.0.1")
        connection.sendall(b"GET /version HTTP/1.1\\r\\nHost: test\\r\\n\\r\\n")
        connection.recv(65536)
        time.sleep(6)
        """

    @Test("shutdown does not wait for an idle keep-alive connection")
    func idleConnection() async throws {
        let server = try await KubeTestServer.start()
        let client = try CurlClient(server)
        async let held = Subprocess.run(
            .name("python3"), arguments: ["-c", Self.idleClient, client.directory, String(server.port)],
            output: .discarded, error: .string(limit: 1 << 16))
        var waited = 0
        while !server.requests().contains(where: { $0.path == "/version" }), waited < 100 {
            try await Task.sleep(for: .milliseconds(50))
            waited += 1
        }
        #expect(server.requests().contains { $0.path == "/version" })
        let started = ContinuousClock.now
        await server.shutdown()
        #expect(ContinuousClock.now - started < .seconds(4))
        _ = try await held
    }
}
