import JetStream

extension Runner {
    /// The JetStream client for a task's connection options.
    func jetStreamClient(_ options: NATSConnectionOptions) async throws -> any JetStreamClient {
        guard let provider = self.options.jetStream else {
            throw ModuleFailure(message: .string("no NATS connection: this run was started without one"), code: "nats.config")
        }
        do {
            return try await provider.client(for: options)
        } catch {
            throw ModuleFailure(error)
        }
    }
}
