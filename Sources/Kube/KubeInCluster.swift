/// The connection a pod gets from its service account: `KUBERNETES_SERVICE_HOST`/`_PORT`, and the
/// token, CA and namespace mounted under one directory.
struct KubeInCluster {
    var environment: [String: String]
    var directory: String

    /// The in-cluster connection, or nil when the environment does not say rig runs in a pod.
    func connection() throws(KubeError) -> KubeConnection? {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
            let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty
        else { return nil }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        let tokenPath = directory + "/token"
        _ = try KubeFiles.read(tokenPath, what: "in-cluster service account token")
        let ca = try KubeFiles.read(directory + "/ca.crt", what: "in-cluster service account CA")
        var namespace: String?
        if let bytes = try? KubeFiles.read(directory + "/namespace", what: "namespace") {
            let text = String(decoding: bytes, as: UTF8.self).filter { !$0.isWhitespace }
            namespace = text.isEmpty ? nil : text
        }
        return KubeConnection(
            server: "https://\(hostPart):\(port)", namespace: namespace, trust: .certificateAuthority(pem: ca),
            authentication: .tokenFile(path: tokenPath), origin: "in-cluster service account \(directory)")
    }
}
