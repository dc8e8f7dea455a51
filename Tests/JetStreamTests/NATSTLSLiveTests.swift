import Foundation
import JetStream
import KubeTestServer
import NATSClient
import Testing

/// TLS against a nats-server with a throw-away CA that also verifies client certificates.
@Suite("the NATS client speaks TLS")
struct NATSTLSLiveTests {
    /// Writes the CA, server and client files and returns the server's TLS config block.
    static func files(_ certificates: TestCertificates, in directory: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let files = [
            "ca.pem": certificates.certificateAuthorityPEM, "server.pem": certificates.serverCertificatePEM,
            "server-key.pem": certificates.serverKeyPEM, "client.pem": certificates.clientCertificatePEM,
            "client-key.pem": certificates.clientKeyPEM,
        ]
        for (name, text) in files { try text.write(toFile: "\(directory)/\(name)", atomically: true, encoding: .utf8) }
        return """
            tls {
              cert_file: "\(directory)/server.pem"
              key_file: "\(directory)/server-key.pem"
              ca_file: "\(directory)/ca.pem"
              verify: true
            }
            """
    }

    @Test("upgrades after INFO, trusts the given CA, presents the client certificate, and refuses an unknown CA")
    func tls() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rig-nats-tls-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let config = try Self.files(try TestCertificates.generate(), in: directory)
        let other = try Self.files(try TestCertificates.generate(), in: directory + "/other")
        _ = other
        try await NATSTestServer.with(config: config) { server in
            let trusted = NATSTLSOptions(caFile: "\(directory)/ca.pem", certificateFile: "\(directory)/client.pem", keyFile: "\(directory)/client-key.pem")
            let client = try await NATSJetStreamClientProvider().client(for: NATSConnectionOptions(servers: [server.url], tls: trusted))
            #expect(try await client.accountInfo().member("api") != nil)
            let stranger = NATSTLSOptions(caFile: "\(directory)/other/ca.pem", certificateFile: "\(directory)/client.pem", keyFile: "\(directory)/client-key.pem")
            await #expect(throws: JetStreamError.self) {
                _ = try await NATSConnection.connect(NATSConnectionOptions(servers: [server.url], tls: stranger))
            }
            let noCertificate = NATSTLSOptions(caFile: "\(directory)/ca.pem")
            await #expect(throws: JetStreamError.self) {
                _ = try await NATSConnection.connect(NATSConnectionOptions(servers: [server.url], tls: noCertificate))
            }
        }
    }
}
