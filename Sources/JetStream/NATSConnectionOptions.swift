/// How to reach a NATS server: the URLs to try in turn, the credentials, TLS, and how long to
/// wait for an answer.
package struct NATSConnectionOptions: Sendable, Hashable {
    /// How the client proves who it is. One at a time, so contradictory options cannot be written.
    package enum Authentication: Sendable, Hashable {
        case none
        case userPassword(user: String, password: String)
        case token(String)
        /// An nkey seed (`SU…`), or the path of a file holding one.
        case nkey(String)
        /// A `.creds` file: a user JWT and its nkey seed.
        case credentials(path: String)
    }

    /// `nats://host:port` (also `tls://`, bare `host:port`); tried in order until one answers.
    package var servers: [String]
    package var authentication: Authentication
    package var tls: NATSTLSOptions?
    package var requestTimeout: Duration
    package var connectTimeout: Duration
    /// The client name the server shows in its connection list.
    package var name: String

    package init(
        servers: [String] = ["nats://127.0.0.1:4222"], authentication: Authentication = .none, tls: NATSTLSOptions? = nil,
        requestTimeout: Duration = .seconds(5), connectTimeout: Duration = .seconds(5), name: String = "rig"
    ) {
        self.servers = servers
        self.authentication = authentication
        self.tls = tls
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.name = name
    }
}

/// TLS for a NATS connection: the CA to trust, the client certificate to present.
package struct NATSTLSOptions: Sendable, Hashable {
    /// PEM file of the CA(s) that signed the server's certificate; nil trusts the system's.
    package var caFile: String?
    /// PEM client certificate and key, for servers that verify clients.
    package var certificateFile: String?
    package var keyFile: String?
    /// Whether to check the server's certificate; off only for throw-away setups.
    package var verification: Verification

    /// Whether the server's certificate is checked.
    package enum Verification: Sendable, Hashable {
        case full
        case none
    }

    package init(caFile: String? = nil, certificateFile: String? = nil, keyFile: String? = nil, verification: Verification = .full) {
        self.caFile = caFile
        self.certificateFile = certificateFile
        self.keyFile = keyFile
        self.verification = verification
    }
}
