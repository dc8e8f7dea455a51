import JetStream

extension Runner {
    /// `destroy` for the streams and consumers whose tasks opted in (`delete_on_destroy: true`):
    /// last declared first, so consumers go before their streams. Returns false when a deletion failed.
    func destroyJetStream() async -> Bool {
        for target in jetStreamDestroyTargets.reversed() {
            if options.interrupted() {
                wasInterrupted = true
                return false
            }
            let started = ContinuousClock.now
            var event = TaskEvent(task: target.task, status: .ok, location: target.location, durationMilliseconds: 0)
            do {
                let client = try await jetStreamClient(target.request.connection)
                let change = try await deleteJetStreamObject(target, client)
                event.item = change.object
                event.status = change.action == .delete ? .changed : .ok
                event.changes = [change]
            } catch {
                let failure = (error as? ModuleFailure) ?? ((error as? JetStreamError).map(ModuleFailure.init) ?? ModuleFailure(message: .string("\(error)")))
                event.status = .failed
                event.diagnostic = failure.diagnostic(at: target.location)
                event.message = failure.message
            }
            let elapsed = ContinuousClock.now - started
            event.durationMilliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            recap.count(event.status)
            emit(.task(event))
            if event.status == .failed { return false }
        }
        return true
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
