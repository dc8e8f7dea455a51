import JetStream

extension Runner {
    /// `destroy` for a stream or consumer: with `--delete-data`, or when its task opted in
    /// (`delete_on_destroy: true`), it is deleted (consumers, declared later, go before their
    /// streams); otherwise it is reported as kept, with how to opt in. Returns false when it failed.
    func destroyJetStream(_ target: JetStreamDestroyTarget) async -> Bool {
        await reportDeletion(task: target.task, location: target.location, item: nil) {
            if !target.delete && !options.deleteStreamData { return try kept(target) }
            return try await deleteJetStreamObject(target, try await jetStreamClient(target.request.connection))
        }
    }

    /// A target left in place: named without asking the server.
    private func kept(_ target: JetStreamDestroyTarget) throws -> ObjectChange {
        let note = "kept with its data: destroy deletes JetStream objects only with --delete-data or when the task sets delete_on_destroy: true"
        switch target.kind {
        case .stream: return ObjectChange(action: .unchanged, object: "\(try StreamSpec(nack: target.request.spec).name) Stream", note: note)
        case .consumer:
            let spec = try ConsumerSpec(nack: target.request.spec)
            return ObjectChange(action: .unchanged, object: "\(spec.stream)/\(spec.name) Consumer", note: note)
        }
    }

    private func deleteJetStreamObject(_ target: JetStreamDestroyTarget, _ client: any JetStreamClient) async throws -> ObjectChange {
        switch target.kind {
        case .stream:
            let spec = try StreamSpec(nack: target.request.spec)
            let deleted = try await client.deleteStream(spec.name)
            return ObjectChange(action: deleted ? .delete : .unchanged, object: "\(spec.name) Stream", note: deleted ? nil : "already absent")
        case .consumer:
            let spec = try ConsumerSpec(nack: target.request.spec)
            let deleted = try await deleteConsumer(spec, client)
            let object = "\(spec.stream)/\(spec.name) Consumer"
            return ObjectChange(action: deleted ? .delete : .unchanged, object: object, note: deleted ? nil : "already absent")
        }
    }

    /// Deletes a consumer; a stream that is already gone took the consumer with it.
    private func deleteConsumer(_ spec: ConsumerSpec, _ client: any JetStreamClient) async throws(JetStreamError) -> Bool {
        do throws(JetStreamError) {
            return try await client.deleteConsumer(stream: spec.stream, name: spec.name)
        } catch {
            if error.apiCode == 10059 { return false }
            throw error
        }
    }
}
