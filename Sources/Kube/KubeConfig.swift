import OrderedCollections
import YAML

/// A kubeconfig as kubectl sees it after merging every file it read: named clusters, users and
/// contexts, and the current context.
///
/// File paths inside (CA, client certificate and key, token file, a relative exec command) are
/// already absolute: each was resolved against the directory of the file that named it, as
/// client-go does. Each entry remembers that file, so errors can say where to look.
package struct KubeConfig: Sendable, Hashable {
    /// A `clusters[].cluster` entry: where the API server is and how to trust it.
    package struct Cluster: Sendable, Hashable {
        package var server: String?
        /// An absolute path to a PEM bundle.
        package var certificateAuthority: String?
        /// Base64 of a PEM bundle, as the kubeconfig holds it.
        package var certificateAuthorityData: String?
        package var insecureSkipTLSVerify: Bool
        package var tlsServerName: String?
        /// Read but not used: rig connects directly (see the module README).
        package var proxyURL: String?
        /// `extensions[client.authentication.k8s.io/exec].extension`, handed to exec plugins that
        /// ask for cluster information.
        package var execExtension: YAMLValue?
        /// The file this entry came from.
        package var origin: String

        package init(
            server: String? = nil, certificateAuthority: String? = nil, certificateAuthorityData: String? = nil,
            insecureSkipTLSVerify: Bool = false, tlsServerName: String? = nil, proxyURL: String? = nil,
            execExtension: YAMLValue? = nil, origin: String
        ) {
            self.server = server
            self.certificateAuthority = certificateAuthority
            self.certificateAuthorityData = certificateAuthorityData
            self.insecureSkipTLSVerify = insecureSkipTLSVerify
            self.tlsServerName = tlsServerName
            self.proxyURL = proxyURL
            self.execExtension = execExtension
            self.origin = origin
        }
    }

    /// A `users[].user` entry: who rig is to the cluster. Several fields may be set; resolving
    /// the connection decides which one is used and rejects contradictions.
    package struct User: Sendable, Hashable {
        package var clientCertificate: String?
        package var clientCertificateData: String?
        package var clientKey: String?
        package var clientKeyData: KubeSecret<String>?
        package var token: KubeSecret<String>?
        package var tokenFile: String?
        package var username: String?
        package var password: KubeSecret<String>?
        package var exec: KubeExecPlugin?
        /// The name of a legacy `auth-provider` (gcp, azure, oidc), which rig does not run.
        package var authProvider: String?
        /// `as`: impersonation, which rig does not do.
        package var impersonate: String?
        /// The file this entry came from.
        package var origin: String

        package init(origin: String) {
            self.origin = origin
        }
    }

    /// A `contexts[].context` entry: a cluster, a user and a default namespace.
    package struct Context: Sendable, Hashable {
        package var cluster: String
        package var user: String
        package var namespace: String?
        /// The file this entry came from.
        package var origin: String

        package init(cluster: String, user: String, namespace: String? = nil, origin: String) {
            self.cluster = cluster
            self.user = user
            self.namespace = namespace
            self.origin = origin
        }
    }

    /// Clusters, users and contexts by name, in the order first seen.
    package var clusters: OrderedDictionary<String, Cluster> = [:]
    package var users: OrderedDictionary<String, User> = [:]
    package var contexts: OrderedDictionary<String, Context> = [:]
    /// The first non-empty `current-context` of the files read.
    package var currentContext: String?
    /// The files that were read, in the order they were merged.
    package var files: [String] = []

    /// An empty kubeconfig, the start of a merge.
    package init() {}

    /// Adds another file's entries the way kubectl merges `KUBECONFIG`: the first file to define
    /// a name keeps it, and the first non-empty `current-context` wins.
    package mutating func merge(_ later: KubeConfig) {
        for (name, cluster) in later.clusters where clusters[name] == nil { clusters[name] = cluster }
        for (name, user) in later.users where users[name] == nil { users[name] = user }
        for (name, context) in later.contexts where contexts[name] == nil { contexts[name] = context }
        if currentContext?.isEmpty ?? true { currentContext = later.currentContext }
        files += later.files
    }

    /// The files, quoted and joined, for messages.
    var filesDescription: String {
        files.isEmpty ? "no file" : files.joined(separator: ", ")
    }
}
