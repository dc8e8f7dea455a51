import ArgumentParser

/// Flags every command shares about how output looks.
package struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Never colour the output (also: the NO_COLOR environment variable).")
    package var noColor = false

    @Option(name: .long, help: "text (one line per task and a recap) or json (one JSON object per line).")
    package var output: OutputFormat = .text

    @Flag(name: .short, help: "More detail: task durations and locations (-v), task results (-vv).")
    package var verbose: Int

    package init() {}
}

/// Variables given on the command line, with Ansible's `-e` semantics.
package struct VariableOptions: ParsableArguments {
    @Option(
        name: [.customShort("e"), .customLong("extra-vars")],
        help: ArgumentHelp(
            "Extra variables: key=value pairs, @file.yaml, or inline YAML/JSON. Highest precedence.",
            valueName: "vars"))
    package var extraVars: [String] = []

    package init() {}
}

/// How run events are printed; JSON lines are a stable contract for CI and tools.
package enum OutputFormat: String, ExpressibleByArgument, Sendable {
    case text, json
}
