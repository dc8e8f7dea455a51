import ArgumentParser
import Diagnostics
import Engine
import Foundation

/// `rig apply PLAYBOOK`: run the tasks in order and report each one.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Run the playbook: each task reports ok, changed, skipped or failed; a recap at the end.",
        discussion: """
            Everything is loaded and checked first, and the whole run is walked offline, so bad input (YAML, templates, module options, undefined variables) stops the run before any change. Local modules (debug, set_fact, assert, fail, shell, command, template) run for real; the cluster modules (k8s, helm, helm_repository, nats_*) cannot apply yet and fail with a message saying so.
            """
    )

    @OptionGroup var run: PlaybookOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let console = Console(noColor: output.noColor)
        let code = await PlaybookApplication.apply(run, output: output, console: console)
        if code != .success { throw code.exitCode }
    }
}

enum PlaybookApplication {
    static func apply(_ arguments: PlaybookOptions, output: OutputOptions, console: Console) async -> RigExitCode {
        let loaded: LoadedRun
        switch LoadedRun.load(arguments, mode: .apply) {
        case .failure(let failure):
            console.report(failure.diagnostics, files: failure.files)
            return .inputError
        case .success(let run):
            loaded = run
        }
        // First the offline walk over the same load: an input error means nothing is applied.
        let check = await PlaybookRendering.walk(loaded, out: nil, console: console, quiet: true, failOnTasks: false)
        if check == .inputError { return .inputError }
        let context = loaded.context
        let printer = EventPrinter(console: console, format: output.output, verbosity: output.verbose) { context.files }
        var recap = Recap()
        let runner = Runner(playbook: loaded.playbook, options: loaded.options, context: loaded.context) { event in
            if case .recap(let final) = event {
                recap = final
                if output.output == .json {
                    console.out(printer.json(event, rc: Int(final.failed > 0 ? RigExitCode.taskFailed.rawValue : 0)) + "\n")
                    return
                }
            }
            printer.print(event)
        }
        let succeeded = await runner.run()
        return succeeded && recap.failed == 0 ? .success : .taskFailed
    }
}
