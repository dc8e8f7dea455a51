/// Finds, reads and merges kubeconfig files the way kubectl does, and falls back to the pod's
/// service account when there is none.
///
/// The environment and home directory are parameters, so tests never read the real ones.
package struct KubeConfigLoader: Sendable {
    /// Where a pod's service account token, CA and namespace are mounted.
    package static let defaultServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

    /// The process environment (`KUBECONFIG`, `KUBERNETES_SERVICE_HOST`/`_PORT`).
    package var environment: [String: String]
    /// Where `~` points; nil when there is no home.
    package var homeDirectory: String?
    /// Where the in-cluster token, CA and namespace are read from.
    package var serviceAccountDirectory: String

    package init(
        environment: [String: String], homeDirectory: String?, serviceAccountDirectory: String = Self.defaultServiceAccountDirectory
    ) {
        self.environment = environment
        self.homeDirectory = homeDirectory
        self.serviceAccountDirectory = serviceAccountDirectory
    }

    /// Where kubeconfig comes from for one request.
    package enum Search: Sendable, Hashable {
        /// An explicit file (`--kubeconfig`, a task's `kubeconfig:`); it must exist.
        case explicit(String)
        /// The `KUBECONFIG` list, in order (missing files are skipped).
        case environmentList([String])
        /// `~/.kube/config`.
        case home(String)
        /// Neither `KUBECONFIG` nor a home directory.
        case nothing
    }

    /// The files to read: an explicit path replaces the search; else `KUBECONFIG`; else
    /// `~/.kube/config`.
    package func search(explicit: String?) -> Search {
        if let explicit, !explicit.isEmpty { return .explicit(expandTilde(explicit)) }
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            var paths: [String] = []
            for path in list.split(separator: ":").map(String.init) where !path.isEmpty {
                let expanded = expandTilde(path)
                if !paths.contains(expanded) { paths.append(expanded) }
            }
            if !paths.isEmpty { return .environmentList(paths) }
        }
        guard let homeDirectory else { return .nothing }
        return .home(homeDirectory + "/.kube/config")
    }

    /// The merged kubeconfig, or nil when no file of the search exists (an explicit path that
    /// does not exist is an error).
    package func load(explicit: String?) throws(KubeError) -> KubeConfig? {
        let paths: [String]
        switch search(explicit: explicit) {
        case .explicit(let path):
            guard KubeFiles.exists(path) else {
                throw .config("kubeconfig \(path) does not exist", hint: "check the path given with --kubeconfig or the task's kubeconfig")
            }
            paths = [path]
        case .environmentList(let list): paths = list.filter(KubeFiles.exists)
        case .home(let path): paths = KubeFiles.exists(path) ? [path] : []
        case .nothing: paths = []
        }
        guard !paths.isEmpty else { return nil }
        var merged = KubeConfig()
        for path in paths {
            let bytes = try KubeFiles.read(path, what: "kubeconfig")
            merged.merge(try KubeConfig.parse(String(decoding: bytes, as: UTF8.self), path: path, homeDirectory: homeDirectory))
        }
        return merged
    }

    /// The connection for a kubeconfig path (nil: search) and context (nil: current), or the
    /// in-cluster service account when no kubeconfig exists and `KUBERNETES_SERVICE_HOST` is set.
    package func connection(kubeconfig: String?, context: String?) throws(KubeError) -> KubeConnection {
        if let config = try load(explicit: kubeconfig) {
            return try config.connection(context: context)
        }
        if let inCluster = try KubeInCluster(environment: environment, directory: serviceAccountDirectory).connection() {
            return inCluster
        }
        throw .config(
            "no kubeconfig found (looked at \(searchDescription(explicit: kubeconfig)))",
            hint: "set KUBECONFIG, pass --kubeconfig, or create ~/.kube/config (minikube, kind and k3d write one)")
    }

    private func searchDescription(explicit: String?) -> String {
        switch search(explicit: explicit) {
        case .explicit(let path), .home(let path): path
        case .environmentList(let paths): "KUBECONFIG=" + paths.joined(separator: ":")
        case .nothing: "no KUBECONFIG and no home directory"
        }
    }

    /// `~` and `~/…` under the home directory; anything else unchanged.
    package func expandTilde(_ path: String) -> String {
        guard let homeDirectory, path == "~" || path.hasPrefix("~/") else { return path }
        return homeDirectory + path.dropFirst()
    }
}
