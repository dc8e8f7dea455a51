import ArgumentParser

/// Flags every command shares about how output looks.
package struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Never colour the output (also: the NO_COLOR environment variable).")
    package var noColor = false

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
