/// A server a test starts and must stop again (`KubeTestServer`, `ChartRepositoryServer`).
protocol StoppableServer: Sendable {
    /// Stops listening, closes every connection and waits for them.
    func shutdown() async
}

extension StoppableServer {
    /// Runs `body` with this started server and shuts it down afterwards, whether `body` throws or not.
    func serve<Result: Sendable>(_ body: (Self) async throws -> Result) async throws -> Result {
        do {
            let result = try await body(self)
            await shutdown()
            return result
        } catch {
            await shutdown()
            throw error
        }
    }
}
