import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// An in-process Kubernetes API server for tests: TLS on 127.0.0.1 and a free port, client
/// certificates from a throwaway CA (or configured tokens), state in memory.
///
/// It serves what rig, kubectl 1.34 and helm need (DESIGN §6, `fixtures/kube-api/README.md`):
/// discovery, OpenAPI v3 stubs, CRUD, server-side apply with field ownership, merge patches,
/// CRDs that register kinds, Tables and watches. Start one per test; call ``shutdown()`` (or use
/// ``withServer(options:_:)``) when done.
///
/// Only test targets and `kube-test-apiserver` may depend on this module, never `Sources/`.
/// Protobuf request bodies (`k8s\0` + `runtime.Unknown`) are decoded for `v1` Secret, ConfigMap
/// and DeleteOptions — what helm's release bookkeeping sends — and handled like JSON; answers
/// are always JSON. Known gaps: protobuf bodies of other kinds get 415; lists merge by key only
/// for the fields in `ListKeys`; built-in kinds get no defaults and no schema validation;
/// watches poll the store every 50 ms.
package final class KubeTestServer: StoppableServer {
    /// The port it listens on (127.0.0.1 only).
    package let port: Int
    /// The throwaway CA and the certificates it signed.
    package let certificates: TestCertificates
    let core: ServerCore
    private let channel: NIOAsyncChannel<HTTPHandler.Connection, Never>
    private let acceptor: Task<Void, Never>

    /// `https://127.0.0.1:PORT`
    package var url: String { "https://127.0.0.1:\(port)" }
    /// The CA certificate, PEM, for `--cacert` and kubeconfigs.
    package var certificateAuthorityPEM: String { certificates.certificateAuthorityPEM }
    /// The client certificate (`CN=rig-test, O=system:masters`), PEM.
    package var clientCertificatePEM: String { certificates.clientCertificatePEM }
    /// The client certificate's private key, PEM.
    package var clientKeyPEM: String { certificates.clientKeyPEM }

    private init(
        port: Int, certificates: TestCertificates, core: ServerCore, channel: NIOAsyncChannel<HTTPHandler.Connection, Never>
    ) {
        self.port = port
        self.certificates = certificates
        self.core = core
        self.channel = channel
        let handler = HTTPHandler(core: core)
        // The one unstructured task: it owns the accept loop and ends with shutdown().
        acceptor = Task {
            try? await channel.executeThenClose { connections in
                await withDiscardingTaskGroup { group in
                    do {
                        for try await connection in connections {
                            group.addTask { await handler.serve(connection) }
                        }
                    } catch {
                        // The listening socket closed: shutting down.
                    }
                    group.cancelAll()
                }
            }
        }
    }

    /// Starts a server with fresh certificates and an empty cluster (namespaces `default`,
    /// `kube-system`, `kube-public`, `kube-node-lease`).
    package static func start(options: KubeTestServerOptions = KubeTestServerOptions()) async throws -> KubeTestServer {
        let certificates = try TestCertificates.generate()
        let context = try NIOSSLContext(configuration: try tlsConfiguration(certificates))
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    try child.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    return try HTTPHandler.Connection(wrappingChannelSynchronously: child)
                }
            }
        guard let port = channel.channel.localAddress?.port else {
            try? await channel.channel.close()
            throw KubeTestServerError(reason: "the listening socket has no port")
        }
        let api = KubeAPI(establishment: options.crdEstablishment, serverAddress: "127.0.0.1:\(port)")
        return KubeTestServer(port: port, certificates: certificates, core: ServerCore(api: api, options: options), channel: channel)
    }

    /// Runs `body` with a started server and shuts it down afterwards, whether `body` throws or not.
    package static func withServer<Result: Sendable>(
        options: KubeTestServerOptions = KubeTestServerOptions(), _ body: (KubeTestServer) async throws -> Result
    ) async throws -> Result {
        try await start(options: options).serve(body)
    }

    private static func tlsConfiguration(_ certificates: TestCertificates) throws -> TLSConfiguration {
        let certificate = try NIOSSLCertificate(bytes: Array(certificates.serverCertificatePEM.utf8), format: .pem)
        let key = try NIOSSLPrivateKey(bytes: Array(certificates.serverKeyPEM.utf8), format: .pem)
        let authority = try NIOSSLCertificate(bytes: Array(certificates.certificateAuthorityPEM.utf8), format: .pem)
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: [.certificate(certificate)], privateKey: .privateKey(key))
        // Ask for a client certificate, check it against the CA if one is given, accept none:
        // token and basic-auth clients are checked per request.
        configuration.certificateVerification = .optionalVerification
        configuration.trustRoots = .certificates([authority])
        configuration.applicationProtocols = ["http/1.1"]
        // On close, wait only briefly for the client's close_notify (NIOSSL waits 5 s by default),
        // so shutdown does not hang on idle keep-alive clients.
        configuration.shutdownTimeout = .milliseconds(200)
        return configuration
    }

    /// Stops listening, closes every connection (ending open watches) and waits for them.
    package func shutdown() async {
        try? await channel.channel.close()
        acceptor.cancel()
        await acceptor.value
    }

    /// Every request answered so far, in order.
    package func requests() -> [RecordedRequest] { core.requestLog.all }

    /// Forgets the requests answered so far.
    package func clearRequests() { core.requestLog.clear() }

    /// Adds a fault; faults apply in the order injected, each to `count` matching requests.
    package func inject(_ fault: Fault) { core.faults.inject(fault) }

    /// Removes every fault not used up yet.
    package func clearFaults() { core.faults.clear() }

    /// Changes when CRDs created from now on turn Established.
    package func setCRDEstablishment(_ establishment: CRDEstablishment) async {
        await core.api.setEstablishment(establishment)
    }
}

/// A failure to start or configure the test server.
package struct KubeTestServerError: Error, CustomStringConvertible {
    /// What went wrong, lowercase.
    package var reason: String
    /// `kube test server: <reason>`.
    package var description: String { "kube test server: \(reason)" }
}
