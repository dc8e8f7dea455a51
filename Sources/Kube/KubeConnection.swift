import YAML

/// Everything needed to talk to one cluster as one user, resolved from a kubeconfig context or
/// the in-cluster service account: files are read, base64 is decoded, contradictions rejected.
///
/// Its `description` names the server, the context and the kind of credential, never the
/// credential itself; `KubeSecret` keeps tokens, passwords and keys out of every rendering.
package struct KubeConnection: Sendable, Hashable, CustomStringConvertible {
    /// `https://host:port`, possibly with a path prefix (a proxy in front of the API server).
    package var server: String
    /// The kubeconfig context, or nil in-cluster.
    package var contextName: String?
    /// The context's default namespace (in-cluster: the pod's namespace).
    package var namespace: String?
    /// How the server's certificate is checked.
    package var trust: KubeServerTrust
    /// The name the server's certificate must carry (and SNI) when it differs from the URL's host.
    package var tlsServerName: String?
    /// A TLS client certificate from the kubeconfig (exec plugins may supply one later instead).
    package var clientCertificate: KubeClientCertificate?
    /// How requests prove who rig is, besides a client certificate.
    package var authentication: KubeAuthentication
    /// Where this came from, for messages: "context 'kind-kind' in /home/me/.kube/config".
    package var origin: String

    package init(
        server: String, contextName: String? = nil, namespace: String? = nil, trust: KubeServerTrust = .systemRoots,
        tlsServerName: String? = nil, clientCertificate: KubeClientCertificate? = nil, authentication: KubeAuthentication = .none,
        origin: String
    ) {
        self.server = server
        self.contextName = contextName
        self.namespace = namespace
        self.trust = trust
        self.tlsServerName = tlsServerName
        self.clientCertificate = clientCertificate
        self.authentication = authentication
        self.origin = origin
    }

    package var description: String {
        var parts = ["server \(server)", origin]
        switch trust {
        case .systemRoots: parts.append("system trust roots")
        case .certificateAuthority: parts.append("cluster CA")
        case .insecure: parts.append("TLS verification off")
        }
        if let tlsServerName { parts.append("tls-server-name \(tlsServerName)") }
        if clientCertificate != nil { parts.append("client certificate") }
        parts.append(authentication.description)
        return parts.joined(separator: ", ")
    }
}

/// How rig checks the API server's certificate. One enum, because a CA together with
/// `insecure-skip-tls-verify` is a contradiction kubectl rejects too.
package enum KubeServerTrust: Sendable, Hashable {
    /// No CA given: the system's trust store.
    case systemRoots
    /// Only these PEM certificates are trusted (not the system store).
    case certificateAuthority(pem: [UInt8])
    /// `insecure-skip-tls-verify: true`: no verification at all.
    case insecure
}

/// A PEM client certificate chain and its private key.
package struct KubeClientCertificate: Sendable, Hashable {
    package var certificatePEM: [UInt8]
    package var privateKeyPEM: KubeSecret<[UInt8]>

    package init(certificatePEM: [UInt8], privateKeyPEM: [UInt8]) {
        self.certificatePEM = certificatePEM
        self.privateKeyPEM = KubeSecret(privateKeyPEM)
    }
}

/// The credential sent with each request (besides a TLS client certificate).
package enum KubeAuthentication: Sendable, Hashable, CustomStringConvertible {
    case none
    /// `Authorization: Bearer …` with a fixed token.
    case bearerToken(KubeSecret<String>)
    /// A bearer token read from a file, and read again when the file changes (projected service
    /// account tokens rotate).
    case tokenFile(path: String)
    /// `Authorization: Basic …`.
    case basic(username: String, password: KubeSecret<String>)
    /// A credential plugin; `cluster` is the `KUBERNETES_EXEC_INFO` cluster object when the
    /// plugin asked for it (`provideClusterInfo: true`).
    case exec(KubeExecPlugin, cluster: YAMLValue?)

    package var description: String {
        switch self {
        case .none: "no credentials"
        case .bearerToken: "bearer token"
        case .tokenFile(let path): "token file \(path)"
        case .basic(let username, _): "basic auth as \(username)"
        case .exec(let plugin, _): plugin.description
        }
    }
}
