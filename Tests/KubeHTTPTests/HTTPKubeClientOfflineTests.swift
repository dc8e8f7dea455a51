import Foundation
import AsyncHTTPClient
import Kube
import NIOCore
import NIOSSL
import Testing
import YAML

@testable import KubeHTTP

@Suite("The HTTP client without a server")
struct HTTPKubeClientOfflineTests {
    static let pki = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../KubeTests/Fixtures/kubeconfig/pki").standardized.path

    static func pem(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: pki + "/" + name))) }

    let configMaps = KubeResource(group: "", version: "v1", kind: "ConfigMap", plural: "configmaps", namespaced: true)

    /// A TCP port on 127.0.0.1 that nobody listens on (bound, then closed).
    static func closedPort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw CocoaError(.fileWriteUnknown) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test("tls-server-name becomes the URL host and the real host a DNS override")
    func tlsServerName() throws {
        let endpoint = try KubeEndpoint(server: "https://10.0.0.7:6443/prefix", tlsServerName: "api.internal")
        #expect(endpoint.baseURL == "https://api.internal:6443/prefix")
        #expect(endpoint.dnsOverride == ["api.internal": "10.0.0.7"])
        let plain = try KubeEndpoint(server: "https://[::1]:6443", tlsServerName: nil)
        #expect(plain.baseURL == "https://[::1]:6443")
        #expect(plain.dnsOverride.isEmpty)
    }

    @Test("TLS trusts only the given CA and presents the client certificate")
    func tlsConfiguration() throws {
        let certificate = KubeClientCertificate(certificatePEM: try Self.pem("client.crt"), privateKeyPEM: try Self.pem("client.key"))
        let tls = try KubeTLS.configuration(
            trust: .certificateAuthority(pem: try Self.pem("ca.crt")), clientCertificate: certificate, origin: "test")
        #expect(tls.trustRoots == .certificates(try NIOSSLCertificate.fromPEMBytes(try Self.pem("ca.crt"))))
        #expect(tls.certificateChain.count == 1)
        #expect(tls.certificateVerification == .fullVerification)
        let insecure = try KubeTLS.configuration(trust: .insecure, clientCertificate: nil, origin: "test")
        #expect(insecure.certificateVerification == .none)
    }

    @Test("a broken client key is a config error that shows no key material")
    func brokenKey() throws {
        let certificate = KubeClientCertificate(
            certificatePEM: try Self.pem("client.crt"), privateKeyPEM: Array("-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n".utf8))
        let error = try #require(throws: KubeError.self) {
            try KubeTLS.configuration(trust: .systemRoots, clientCertificate: certificate, origin: "context 'x'")
        }
        #expect(error.code == "kube.config")
        #expect(error.message == "the client key of context 'x' is not a PEM private key")
    }

    @Test("a refused connection is tried five times with backoff, then names the server and the object")
    func refusedConnection() async throws {
        let clock = TestClock()
        let port = try Self.closedPort()
        let options = HTTPKubeClientOptions(clock: clock, jitter: { 1 })
        let client = try HTTPKubeClient(
            connection: KubeConnection(server: "https://127.0.0.1:\(port)", trust: .insecure, origin: "test"), options: options)
        let error = await #expect(throws: KubeError.self) {
            try await client.get(configMaps, name: "rig-demo", namespace: "messaging")
        }
        await client.shutdown()
        #expect(error?.code == "kube.transport")
        #expect(error?.message.hasPrefix("cannot connect to the API server at https://127.0.0.1:\(port) after 5 attempts") == true)
        #expect(error?.object?.description == "messaging/rig-demo ConfigMap")
        #expect(clock.sleeps == [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2)])
    }

    @Test("cancelling during a retry pause ends the request at once as interrupted")
    func cancellation() async throws {
        let clock = TestClock(blocking: true)
        let port = try Self.closedPort()
        let client = try HTTPKubeClient(
            connection: KubeConnection(server: "https://127.0.0.1:\(port)", trust: .insecure, origin: "test"),
            options: HTTPKubeClientOptions(clock: clock))
        let resource = configMaps
        let task = Task { try await client.get(resource, name: "rig-demo", namespace: "messaging") }
        while clock.sleeps.isEmpty { await Task.yield() }
        task.cancel()
        let result = await task.result
        await client.shutdown()
        #expect(throws: KubeError.interrupted) { try result.get() }
        #expect(clock.sleeps.count == 1)
    }
}

@Suite("Transport failures sorted for retrying")
struct KubeTransportErrorTests {
    @Test("timeouts, resets and refusals are retryable classes; TLS and other errors are not")
    func classes() {
        #expect(KubeTransportError.classify(HTTPClientError.readTimeout) == .timeout)
        #expect(KubeTransportError.classify(HTTPClientError.connectTimeout) == .timeout)
        #expect(KubeTransportError.classify(HTTPClientError.remoteConnectionClosed) == .connectionReset)
        #expect(KubeTransportError.classify(IOError(errnoCode: ECONNREFUSED, reason: "connect")) == .connectionRefused)
        #expect(KubeTransportError.classify(IOError(errnoCode: ECONNRESET, reason: "read")) == .connectionReset)
        #expect(KubeTransportError.classify(ChannelError.connectTimeout(.seconds(10))) == .timeout)
        #expect(KubeTransportError.classify(NIOSSLError.uncleanShutdown) == .connectionReset)
        #expect(KubeTransportError.classify(NIOSSLError.handshakeFailed(.sslError([]))) == .tls)
        #expect(KubeTransportError.classify(HTTPClientError.invalidURL) == .other)
    }
}
