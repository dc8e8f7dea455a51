import ArgumentParser
import Engine

/// `rig plan PLAYBOOK`: the same walk as apply, read-only, showing what would change.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what apply would change, object by object, with field-level diffs; change nothing.",
        discussion: """
            Each object is + created, ~ updated (with its changed fields), - deleted or = unchanged (shown with -v). Objects whose namespace or CRD an earlier task creates are shown as created. Secret data and values of no_log tasks are masked, and so are helm values unless --show-values is given. A helm release that would change is rendered by helm (--dry-run=server) and its objects are listed under it with their own diffs. Local tasks (debug, set_fact, assert, fail) run; shell, command and template do not. With --detailed-exitcode, exit 0 means no changes and 2 means changes pending.
            """
    )

    @OptionGroup var run: PlaybookOptions
    @OptionGroup var cluster: ClusterOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .customLong("detailed-exitcode"), help: "Exit 2 when changes are pending, 0 when there are none.")
    var detailedExitCode = false

    @Flag(name: .customLong("show-values"), help: "Show helm releases' values in the diff (masked otherwise; never for no_log tasks).")
    var showValues = false

    func run() async throws {
        let console = Console(noColor: output.noColor)
        var code = await PlaybookExecution.run(run, cluster: cluster, mode: .plan, output: output, console: console, showValues: showValues)
        if code == .changesPending, !detailedExitCode { code = .success }
        if code != .success { throw code.exitCode }
    }
}

/// `rig destroy PLAYBOOK`: delete what the playbook's k8s tasks declare, in reverse order.
struct DestroyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "destroy",
        abstract: "Undo what the playbook declares, last task first: k8s objects, helm releases, opted-in JetStream streams.",
        discussion: """
            The playbook is walked offline to find the objects (local tasks such as set_fact run; shell, command and template do not), then each object is deleted with foreground propagation and waited for until it is gone. Objects already gone, or whose kind is no longer served, are ok. Helm releases are uninstalled (with --wait when their task waits) at their place in that order, so a Stream object goes before the release of the controller that manages it, and releases before the CRDs and namespace an earlier task made. JetStream streams and consumers are kept with their data unless --delete-data is given or their task sets delete_on_destroy: true.
            """
    )

    @OptionGroup var run: PlaybookOptions
    @OptionGroup var cluster: ClusterOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .customLong("delete-data"), help: "Also delete every JetStream stream and consumer the playbook declares, with their messages.")
    var deleteData = false

    func run() async throws {
        let console = Console(noColor: output.noColor)
        let code = await PlaybookExecution.run(
            run, cluster: cluster, mode: .destroy, output: output, console: console, deleteStreamData: deleteData)
        if code != .success { throw code.exitCode }
    }
}
