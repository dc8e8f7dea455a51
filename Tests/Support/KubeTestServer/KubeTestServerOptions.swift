/// How a ``KubeTestServer`` authenticates clients and establishes CRDs.
package struct KubeTestServerOptions: Sendable {
    /// Bearer tokens accepted besides client certificates.
    package var bearerTokens: Set<String>
    /// Basic-auth users and their passwords, accepted besides client certificates.
    package var basicAuth: [String: String]
    /// When new CRDs turn Established.
    package var crdEstablishment: CRDEstablishment

    package init(
        bearerTokens: Set<String> = [], basicAuth: [String: String] = [:], crdEstablishment: CRDEstablishment = .immediately
    ) {
        self.bearerTokens = bearerTokens
        self.basicAuth = basicAuth
        self.crdEstablishment = crdEstablishment
    }
}
