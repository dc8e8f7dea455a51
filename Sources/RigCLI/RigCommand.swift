import ArgumentParser

/// `rig`: the root command; each subcommand is one type.
package struct RigCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "rig",
        abstract: "A declarative provisioning engine for Ansible-style infrastructure repositories.",
        discussion: """
            Exit codes:
              0    success
              1    a task failed
              2    changes pending (plan --detailed-exitcode)
              4    input error: bad YAML, template, variable or option; nothing was applied
              130  interrupted
            """,
        subcommands: [ApplyCommand.self, PlanCommand.self, DestroyCommand.self, RenderCommand.self, ValidateCommand.self, TemplateCommand.self]
    )

    package init() {}
}

/// The exit codes rig documents; scripts and CI depend on them.
package enum RigExitCode: Int32, Sendable {
    case success = 0
    case taskFailed = 1
    case changesPending = 2
    case inputError = 4
    case interrupted = 130

    package var exitCode: ExitCode { ExitCode(rawValue) }
}

extension RigCommand {
    /// Parses the process arguments and runs the chosen command; the executable's only call.
    package static func start() async {
        do {
            var command = try await asyncParseAsRoot(nil)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

extension RigCommand {
    /// The help text of `rig` or one of its commands, as `rig COMMAND --help` prints it.
    package static func help(for command: String, columns: Int = 100) -> String {
        let types: [String: ParsableCommand.Type] = [
            "apply": ApplyCommand.self, "plan": PlanCommand.self, "destroy": DestroyCommand.self, "render": RenderCommand.self, "validate": ValidateCommand.self,
            "template": TemplateCommand.self,
        ]
        return helpMessage(for: types[command] ?? RigCommand.self, columns: columns)
    }
}
