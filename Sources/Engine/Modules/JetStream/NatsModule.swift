import JetStream
import Template
import YAML

/// `nats_stream` and `nats_consumer`: JetStream streams and durable consumers straight on a
/// NATS server. `render` shows the equivalent NACK resource; `plan` and `apply` compare with
/// the server's own configuration; `destroy` leaves them alone unless the task says
/// `delete_on_destroy: true` (their messages would be lost).
struct NatsModule: ReconcilingModule {
    enum Kind {
        case stream, consumer
    }

    let invocation: ModuleInvocation
    let kind: Kind

    func collect() async throws -> ModuleResult {
        let request = try NatsRequest(invocation.arguments)
        guard request.state == .present else { return ModuleResult() }
        runner.destroySteps.append(
            .jetStream(JetStreamDestroyTarget(task: invocation.name, location: invocation.task.span, request: request, kind: kind, delete: request.deleteOnDestroy)))
        return ModuleResult()
    }

    func reconcile() async throws -> ModuleResult {
        let request = try NatsRequest(invocation.arguments)
        let client = try await runner.jetStreamClient(request.connection)
        let reconciler = JetStreamReconciler(client: client, request: request, planning: runner.options.mode == .plan, hidden: runner.hidingOutput)
        let outcome: JetStreamReconciler.Outcome
        switch await reconcile(request, reconciler) {
        case .success(let value): outcome = value
        case .failure(let error): throw ModuleFailure(error)
        }
        var result = ModuleResult(changed: outcome.change.action != .unchanged)
        result.changes = [outcome.change]
        result.registered["result"] = outcome.info.map { Value(yaml: $0) } ?? Value.none
        return result
    }

    private func reconcile(_ request: NatsRequest, _ reconciler: JetStreamReconciler) async -> Result<JetStreamReconciler.Outcome, JetStreamError> {
        do throws(JetStreamError) {
            switch kind {
            case .stream:
                let spec = try StreamSpec(nack: request.spec)
                let outcome = try await reconciler.reconcile(spec)
                if runner.options.mode == .plan, outcome.change.action == .create { runner.plannedStreams.insert(spec.name) }
                return .success(outcome)
            case .consumer:
                let spec = try ConsumerSpec(nack: request.spec)
                return .success(try await reconciler.reconcile(spec, streamPlanned: runner.plannedStreams.contains(spec.stream)))
            }
        } catch {
            return .failure(error)
        }
    }
}

extension ModuleFailure {
    /// A JetStream error as the task's failure, with its fix.
    init(_ error: JetStreamError) {
        self.init(message: .string(error.message), code: error.code, hint: error.hint)
    }
}
