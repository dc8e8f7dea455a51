import Template

/// A module that acts on something outside rig (a cluster, a Helm release, a JetStream server):
/// what it does in each mode of a run. Options are checked before any of these runs, against the
/// module's `ModuleSpec`; these see templated arguments.
///
/// The runner picks the method by mode, so a module cannot apply in `plan` by mistake.
protocol TaskModule {
    /// Offline: emit what it would apply as rendered documents; touch nothing.
    func render() async throws -> ModuleResult
    /// Read-only: what it would change, as `changes`.
    func plan() async throws -> ModuleResult
    /// Make the change and report it.
    func apply() async throws -> ModuleResult
    /// For `destroy`: remember what to undo, touch nothing.
    func collect() async throws -> ModuleResult
}

extension TaskModule {
    /// Runs the method the run's mode calls for.
    func run(in mode: RunOptions.Mode) async throws -> ModuleResult {
        switch mode {
        case .render: try await render()
        case .plan: try await plan()
        case .apply: try await apply()
        case .destroy: try await collect()
        }
    }
}

/// A module whose `plan` and `apply` are one reconcile (the run's mode decides whether it writes)
/// and whose `render` is, unless it says otherwise, the generic offline document of its arguments.
protocol ReconcilingModule: TaskModule {
    var invocation: ModuleInvocation { get }
    /// Compares the declaration with what is there; in `apply` also makes the change.
    func reconcile() async throws -> ModuleResult
}

extension ReconcilingModule {
    var runner: Runner { invocation.runner }

    func render() async throws -> ModuleResult {
        try await RenderedModules(runner: runner).run(invocation.task, arguments: invocation.arguments, section: invocation.section)
    }

    func plan() async throws -> ModuleResult { try await reconcile() }

    func apply() async throws -> ModuleResult { try await reconcile() }
}

/// One call of a module: the task, its templated arguments, and where it runs.
struct ModuleInvocation {
    let runner: Runner
    let task: Task
    let arguments: Value
    let section: Runner.Section

    /// Arguments by option name.
    var options: [String: Value] { arguments.stringKeyed }

    /// The task's name as the task line shows it.
    var name: String { runner.currentTaskName ?? task.module.written }

    /// Reports a document for `rig render`; `masked` is its form with secrets hidden.
    func emit(title: String, _ value: Value, file: String, masked: Value? = nil) {
        var document = RenderedDocument(task: name, location: task.span, title: title, value: value, fileName: file)
        document.masked = runner.hidingOutput ? .string(Runner.hiddenMessage) : masked
        runner.emit(.rendered(document))
    }
}
