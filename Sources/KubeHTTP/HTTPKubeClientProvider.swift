import Kube

/// Makes and keeps the live clients of one run: one per (kubeconfig, context), and one per
/// distinct connection when several of those resolve to the same cluster and user.
///
/// The environment and home directory are parameters so tests control where kubeconfig comes
/// from. Call `shutdown()` at the end of the run; it closes every client.
package actor HTTPKubeClientProvider: KubeClientProvider {
    private struct Key: Hashable {
        var kubeconfig: String?
        var context: String?
    }

    private let loader: KubeConfigLoader
    private let options: HTTPKubeClientOptions
    private var byRequest: [Key: HTTPKubeClient] = [:]
    private var byConnection: [KubeConnection: HTTPKubeClient] = [:]

    /// A provider reading kubeconfig through `environment` and `homeDirectory`; `options` (default:
    /// system clocks, plugins inheriting `environment`) apply to every client it makes.
    package init(
        environment: [String: String], homeDirectory: String?,
        serviceAccountDirectory: String = KubeConfigLoader.defaultServiceAccountDirectory, options: HTTPKubeClientOptions? = nil
    ) {
        self.loader = KubeConfigLoader(
            environment: environment, homeDirectory: homeDirectory, serviceAccountDirectory: serviceAccountDirectory)
        self.options = options ?? HTTPKubeClientOptions(execEnvironment: environment)
    }

    package func client(kubeconfig: String?, context: String?) async throws(KubeError) -> any KubeClient {
        try httpClient(kubeconfig: kubeconfig, context: context)
    }

    /// The concrete client, for callers that need its connection (the CLI's `-v` output).
    package func httpClient(kubeconfig: String?, context: String?) throws(KubeError) -> HTTPKubeClient {
        let key = Key(kubeconfig: kubeconfig, context: context)
        if let client = byRequest[key] { return client }
        let connection = try loader.connection(kubeconfig: kubeconfig, context: context)
        let client: HTTPKubeClient
        if let shared = byConnection[connection] {
            client = shared
        } else {
            client = try HTTPKubeClient(connection: connection, options: options)
        }
        byConnection[connection] = client
        byRequest[key] = client
        return client
    }

    /// Closes every client this provider made.
    package func shutdown() async {
        let clients = Array(byConnection.values)
        byConnection = [:]
        byRequest = [:]
        for client in clients { await client.shutdown() }
    }
}
