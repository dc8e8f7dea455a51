import Helm
import Kube
import Template
import YAML

/// `kubernetes.core.helm`: a release installed, upgraded or uninstalled through the real helm,
/// with change decided by rig from the release record helm keeps in the cluster — so a run that
/// changes nothing starts no helm process. `render` shows the release's documents; `destroy`
/// uninstalls releases in reverse order.
struct HelmModule: ReconcilingModule {
    let invocation: ModuleInvocation

    func collect() async throws -> ModuleResult {
        let request = try self.request()
        guard request.state == .present else { return ModuleResult() }
        runner.destroySteps.append(.helm(HelmDestroyTarget(task: invocation.name, location: invocation.task.span, request: request)))
        return ModuleResult()
    }

    func request() throws -> HelmRequest {
        try HelmRequest(invocation.options, chartFile: Self.files(runner: runner, task: invocation.task, section: invocation.section))
    }

    /// Reads a chart, values file or set file as the task names it: absolute, else from the
    /// role's `files/`, the task's folder, then the playbook's.
    static func files(runner: Runner, task: Task, section: Runner.Section) -> (String) -> (path: String, text: String)? {
        { path in
            let candidates = (section.role.map { [$0.filesPath + "/" + path] } ?? [])
                + [Paths.join(task.directory, path), Paths.join(runner.playbookDirectory, path)]
            return runner.fileSystem.readFirst(path.hasPrefix("/") ? [path] : candidates)
        }
    }

    func reconcile() async throws -> ModuleResult {
        let request = try self.request()
        let kube = try await runner.kubeClient(kubeconfig: request.kubeconfig, context: request.context)
        let reconciler = HelmReconciler(runner: runner, store: HelmReleaseStore(client: kube), request: request, hidden: runner.hidingOutput)
        let outcome = try await reconciler.reconcile()
        var result = ModuleResult(changed: outcome.change.action != .unchanged)
        result.changes = [outcome.change]
        if let release = outcome.release {
            result.registered["status"] = .dict([
                .string("name"): .string(release.name), .string("namespace"): .string(release.namespace),
                .string("revision"): .int(release.revision), .string("status"): .string(release.status),
                .string("chart"): .string("\(release.chartName)-\(release.chartVersion)"),
            ])
        }
        return result
    }
}

extension ModuleFailure {
    /// A helm failure as the task's failure: the command (no values in it), helm's whole output, the hint.
    init(_ error: HelmError) {
        self.init(message: .string(error.message), code: error.code, hint: error.hint)
    }
}
