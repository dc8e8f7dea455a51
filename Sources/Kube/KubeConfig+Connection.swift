import YAML

extension KubeConfig {
    /// The connection for `context` (nil: `current-context`), with every file it names read.
    ///
    /// Fails with `kube.config` for an unknown context (listing the available ones), a context
    /// whose cluster or user is missing, unreadable CA or key files, bad base64, and credential
    /// combinations kubectl also refuses.
    package func connection(context requested: String?) throws(KubeError) -> KubeConnection {
        let name = try contextName(requested)
        guard let context = contexts[name] else {
            throw .config(
                "context '\(name)' is not in kubeconfig \(filesDescription)", hint: "available contexts: \(availableContexts)")
        }
        guard let cluster = clusters[context.cluster] else {
            throw .config("context '\(name)' names cluster '\(context.cluster)', which is not in kubeconfig \(filesDescription)")
        }
        let user: User
        if let found = users[context.user] {
            user = found
        } else if context.user.isEmpty {
            user = User(origin: context.origin)
        } else {
            throw .config("context '\(name)' names user '\(context.user)', which is not in kubeconfig \(filesDescription)")
        }
        let server = try serverURL(cluster, clusterName: context.cluster)
        var connection = KubeConnection(
            server: server, contextName: name, namespace: context.namespace, trust: try trust(cluster, clusterName: context.cluster),
            tlsServerName: cluster.tlsServerName, origin: "context '\(name)' in \(context.origin)")
        connection.clientCertificate = try clientCertificate(user, userName: context.user)
        connection.authentication = try authentication(user, userName: context.user, cluster: cluster, server: server)
        return connection
    }

    /// The context to use, explicit or current.
    private func contextName(_ requested: String?) throws(KubeError) -> String {
        if let requested, !requested.isEmpty { return requested }
        if let currentContext { return currentContext }
        throw .config(
            "kubeconfig \(filesDescription) sets no current-context", hint: "pass a context (available contexts: \(availableContexts))")
    }

    private var availableContexts: String {
        contexts.isEmpty ? "none" : contexts.keys.joined(separator: ", ")
    }

    private func serverURL(_ cluster: Cluster, clusterName: String) throws(KubeError) -> String {
        guard var server = cluster.server, !server.isEmpty else {
            throw .config("cluster '\(clusterName)' in \(cluster.origin) has no server")
        }
        guard server.hasPrefix("https://") || server.hasPrefix("http://") else {
            throw .config("cluster '\(clusterName)' in \(cluster.origin): server '\(server)' must start with https://")
        }
        while server.hasSuffix("/") { server.removeLast() }
        return server
    }

    private func trust(_ cluster: Cluster, clusterName: String) throws(KubeError) -> KubeServerTrust {
        let label = "cluster '\(clusterName)' in \(cluster.origin)"
        var pem: [UInt8]?
        if let data = cluster.certificateAuthorityData, !data.isEmpty {
            pem = try KubeFiles.base64(data, what: "\(label): certificate-authority-data")
        } else if let path = cluster.certificateAuthority {
            pem = try KubeFiles.read(path, what: "\(label): certificate-authority")
        }
        if cluster.insecureSkipTLSVerify {
            guard pem == nil else {
                throw .config(
                    "\(label) sets both a certificate authority and insecure-skip-tls-verify",
                    hint: "remove one of them, as kubectl also refuses the pair")
            }
            return .insecure
        }
        return pem.map { .certificateAuthority(pem: $0) } ?? .systemRoots
    }

    private func clientCertificate(_ user: User, userName: String) throws(KubeError) -> KubeClientCertificate? {
        let label = "user '\(userName)' in \(user.origin)"
        var certificate: [UInt8]?
        var key: [UInt8]?
        if let data = user.clientCertificateData, !data.isEmpty {
            certificate = try KubeFiles.base64(data, what: "\(label): client-certificate-data")
        } else if let path = user.clientCertificate {
            certificate = try KubeFiles.read(path, what: "\(label): client-certificate")
        }
        if let data = user.clientKeyData, !data.revealed.isEmpty {
            key = try KubeFiles.base64(data.revealed, what: "\(label): client-key-data")
        } else if let path = user.clientKey {
            key = try KubeFiles.read(path, what: "\(label): client-key")
        }
        switch (certificate, key) {
        case (nil, nil): return nil
        case (let certificate?, let key?): return KubeClientCertificate(certificatePEM: certificate, privateKeyPEM: key)
        case (nil, _?): throw .config("\(label) has a client key but no client certificate")
        case (_?, nil): throw .config("\(label) has a client certificate but no client key")
        }
    }

    private func authentication(_ user: User, userName: String, cluster: Cluster, server: String) throws(KubeError) -> KubeAuthentication {
        let label = "user '\(userName)' in \(user.origin)"
        if let provider = user.authProvider {
            throw .config(
                "\(label) uses auth-provider '\(provider)', which rig does not support",
                hint: "switch the user to an exec plugin (e.g. gke-gcloud-auth-plugin, kubelogin), as kubectl 1.26+ requires")
        }
        if let impersonate = user.impersonate {
            throw .config("\(label) impersonates '\(impersonate)' (as:), which rig does not support")
        }
        let hasToken = user.token != nil || user.tokenFile != nil
        let hasBasic = user.username != nil || user.password != nil
        if hasToken && hasBasic {
            throw .config("\(label) sets both a token and a username/password", hint: "keep one of them, as kubectl also refuses the pair")
        }
        if let plugin = user.exec {
            guard !hasToken && !hasBasic else {
                throw .config("\(label) sets an exec plugin together with a token or username/password; keep one of them")
            }
            return .exec(plugin, cluster: plugin.provideClusterInfo ? try execClusterInfo(cluster, server: server) : nil)
        }
        if let token = user.token { return .bearerToken(token) }
        if let path = user.tokenFile {
            _ = try KubeFiles.read(path, what: "\(label): tokenFile")
            return .tokenFile(path: path)
        }
        if hasBasic { return .basic(username: user.username ?? "", password: user.password ?? KubeSecret("")) }
        return .none
    }

    /// The `spec.cluster` object of `KUBERNETES_EXEC_INFO`, as client-go fills it.
    private func execClusterInfo(_ cluster: Cluster, server: String) throws(KubeError) -> YAMLValue {
        var info: [YAMLPair] = [YAMLPair(.string("server"), .string(server))]
        if let name = cluster.tlsServerName { info.append(YAMLPair(.string("tls-server-name"), .string(name))) }
        if cluster.insecureSkipTLSVerify { info.append(YAMLPair(.string("insecure-skip-tls-verify"), .bool(true))) }
        if case .certificateAuthority(let pem) = try trust(cluster, clusterName: server) {
            info.append(YAMLPair(.string("certificate-authority-data"), .string(KubeFiles.base64(pem))))
        }
        if let proxy = cluster.proxyURL { info.append(YAMLPair(.string("proxy-url"), .string(proxy))) }
        if let config = cluster.execExtension { info.append(YAMLPair(.string("config"), config)) }
        return .mapping(info)
    }
}
