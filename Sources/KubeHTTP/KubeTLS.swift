import Kube
import NIOSSL

/// Builds NIOSSL configurations from a connection's trust and client certificate.
enum KubeTLS {
    /// The client TLS configuration: trust only the cluster CA when there is one (not the system
    /// store), no verification when insecure, and the client certificate and key when given.
    static func configuration(
        trust: KubeServerTrust, clientCertificate: KubeClientCertificate?, origin: String
    ) throws(KubeError) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch trust {
        case .systemRoots:
            configuration.trustRoots = .default
        case .certificateAuthority(let pem):
            let roots: [NIOSSLCertificate]
            do {
                roots = try NIOSSLCertificate.fromPEMBytes(pem)
            } catch {
                throw .config("the certificate authority of \(origin) is not a PEM certificate: \(error)")
            }
            guard !roots.isEmpty else { throw .config("the certificate authority of \(origin) holds no PEM certificate") }
            configuration.trustRoots = .certificates(roots)
        case .insecure:
            configuration.certificateVerification = .none
        }
        if let clientCertificate {
            do {
                let chain = try NIOSSLCertificate.fromPEMBytes(clientCertificate.certificatePEM)
                guard !chain.isEmpty else { throw KubeError.config("the client certificate of \(origin) holds no PEM certificate") }
                configuration.certificateChain = chain.map { .certificate($0) }
            } catch let error as KubeError {
                throw error
            } catch {
                throw .config("the client certificate of \(origin) is not a PEM certificate: \(error)")
            }
            do {
                configuration.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: clientCertificate.privateKeyPEM.revealed, format: .pem))
            } catch {
                // NIOSSL's error names no key material, but say nothing of it anyway.
                throw .config("the client key of \(origin) is not a PEM private key")
            }
        }
        return configuration
    }
}
