import ArgumentParser
import Diagnostics
import Engine
import Foundation
import Kube
import Helm
import KubeHTTP
import NATSClient

/// `rig apply PLAYBOOK`: run the tasks in order and report each one.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Run the playbook: each task reports ok, changed, skipped or failed; a recap at the end.",
        discussion: """
            Everything is loaded and checked first, and the whole run is walked offline, so bad input (YAML, templates, module options, undefined variables) stops the run before any change. k8s tasks apply with server-side apply (field manager rig) and report changed only when the server's object changes; a re-run with unchanged inputs sends no write. Local modules (debug, set_fact, assert, fail, shell, command, template) run for real; nats_stream and nats_consumer talk to the NATS server directly (JetStream API), sending no create or update when nothing changed. helm releases run the helm binary (RIG_HELM, else helm on PATH) only when the release record in the cluster differs from the task's chart, version, values or rig's fingerprint of them, and report the objects the upgrade changed; helm values are masked in the output unless --show-values is given. helm_repository adds repositories missing from helm's repositories.
            """
    )

    @OptionGroup var run: PlaybookOptions
    @OptionGroup var cluster: ClusterOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .customLong("show-values"), help: "Show helm releases' values in the changes (masked otherwise; never for no_log tasks).")
    var showValues = false

    func run() async throws {
        let console = Console(noColor: output.noColor)
        let code = await PlaybookExecution.run(run, cluster: cluster, mode: .apply, output: output, console: console, showValues: showValues)
        if code != .success { throw code.exitCode }
    }
}

/// The work behind `apply`, `plan` and `destroy`: load, the offline check, then the live run.
enum PlaybookExecution {
    static func run(
        _ arguments: PlaybookOptions, cluster: ClusterOptions, mode: RunOptions.Mode, output: OutputOptions, console: Console,
        provider: (any KubeClientProvider)? = nil, deleteStreamData: Bool = false, showValues: Bool = false
    ) async -> RigExitCode {
        var loaded: LoadedRun
        switch LoadedRun.load(arguments, mode: mode) {
        case .failure(let failure):
            console.report(failure.diagnostics, files: failure.files)
            return .inputError
        case .success(let run):
            loaded = run
        }
        // First the offline walk over the same load: an input error means nothing is touched.
        let check = await PlaybookRendering.walk(loaded, out: nil, console: console, quiet: true, failOnTasks: false)
        if check == .inputError { return .inputError }
        let chosen: any KubeClientProvider
        var live: HTTPKubeClientProvider?
        if let provider {
            chosen = provider
        } else {
            let made = LiveKube.provider(environment: loaded.options.processEnvironment)
            live = made
            chosen = made
        }
        loaded.options.mode = mode
        loaded.options.deleteStreamData = deleteStreamData
        loaded.options.showValues = showValues
        loaded.options.fetch = { try await RemoteText.fetch($0) }
        Interrupts.install()
        loaded.options.interrupted = { Interrupts.requested }
        loaded.options.kube = KubeRunOptions(provider: chosen, kubeconfig: cluster.kubeconfig, context: cluster.context)
        loaded.options.helm = HelmCommandClientProvider(environment: loaded.options.processEnvironment)
        let nats = NATSJetStreamClientProvider()
        loaded.options.jetStream = nats
        let context = loaded.context
        let printer = EventPrinter(console: console, format: output.output, verbosity: output.verbose) { context.files }
        var recap = Recap()
        var tally = ChangeTally()
        let runner = Runner(playbook: loaded.playbook, options: loaded.options, context: loaded.context) { event in
            if case .task(let task) = event { tally.count(task.changes) }
            if case .recap(let final) = event {
                recap = final
                if mode == .plan, output.output == .text { console.out(tally.summary + "\n") }
                if output.output == .json {
                    console.out(printer.json(event, rc: Int(final.failed > 0 ? RigExitCode.taskFailed.rawValue : 0)) + "\n")
                    return
                }
            }
            printer.print(event)
        }
        let succeeded = await runner.run()
        if let live { await LiveKube.shutdown(live) }
        await nats.shutdown()
        if runner.wasInterrupted || Interrupts.requested {
            console.err("interrupted: rig stopped between requests; the lines above are what was done\n")
            return .interrupted
        }
        guard succeeded, recap.failed == 0 else { return .taskFailed }
        return mode == .plan && tally.pending > 0 ? .changesPending : .success
    }
}

/// Counts object changes for plan's closing line.
struct ChangeTally {
    var create = 0
    var update = 0
    var delete = 0
    var unchanged = 0
    /// Whether some helm value was shown as `(hidden)`.
    var hidValues = false

    var pending: Int { create + update + delete }

    mutating func count(_ changes: [ObjectChange]) {
        for change in changes {
            if change.fields.contains(where: { $0.after == ObjectChange.hiddenValue || $0.before == ObjectChange.hiddenValue }) { hidValues = true }
            switch change.action {
            case .create: create += 1
            case .update: update += 1
            case .delete: delete += 1
            case .unchanged: unchanged += 1
            }
        }
    }

    var summary: String {
        "Plan: \(create) to create, \(update) to update, \(delete) to delete, \(unchanged) unchanged."
            + (hidValues ? "\nHelm values are shown as (hidden); --show-values shows them." : "")
    }
}
