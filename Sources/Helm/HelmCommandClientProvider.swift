/// Makes `HelmCommandClient`s: one per binary path for the whole run, all with the same
/// environment (the process's, in `rig`).
package actor HelmCommandClientProvider: HelmClientProvider {
    private let environment: [String: String]
    private let defaultBinary: String
    private var clients: [String: HelmCommandClient] = [:]

    /// `defaultBinary` is used when a task names no `binary_path`: `RIG_HELM` when set, else `helm` on PATH.
    package init(environment: [String: String], defaultBinary: String? = nil) {
        self.environment = environment
        self.defaultBinary = defaultBinary ?? environment["RIG_HELM"].flatMap { $0.isEmpty ? nil : $0 } ?? "helm"
    }

    package func client(binaryPath: String?) async throws(HelmError) -> any HelmClient {
        try await commandClient(binaryPath: binaryPath)
    }

    /// The concrete client, for tests that read its `invocations`.
    package func commandClient(binaryPath: String?) async throws(HelmError) -> HelmCommandClient {
        let path = binaryPath ?? defaultBinary
        if let client = clients[path] { return client }
        let client = HelmCommandClient(executable: path, environment: environment)
        clients[path] = client
        return client
    }

    /// Every helm command line run by any of this provider's clients.
    package func invocations() async -> [[String]] {
        var all: [[String]] = []
        for client in clients.values { all += await client.invocations }
        return all
    }
}
