/// The cluster modules whose client is still to come (`helm`, `helm_repository` — issue 5):
/// fully validated and rendered, and honest in the other modes — `plan` skips them saying so,
/// `apply` fails saying so, `destroy` leaves them.
struct PendingClusterModule: TaskModule {
    let invocation: ModuleInvocation

    func render() async throws -> ModuleResult {
        try await RenderedModules(runner: invocation.runner).run(invocation.task, arguments: invocation.arguments, section: invocation.section)
    }

    func plan() async throws -> ModuleResult {
        ModuleResult(skipped: true, message: .string("rig cannot plan \(invocation.task.module.written) yet; `rig render` shows what it would apply"))
    }

    func apply() async throws -> ModuleResult {
        throw ModuleFailure(
            message: .string("rig cannot apply \(invocation.task.module.written) yet: its client is still to come; `rig render` shows what it would apply"),
            code: "task.unsupported")
    }

    func collect() async throws -> ModuleResult { ModuleResult() }
}
