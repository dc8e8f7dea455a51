import Diagnostics
import YAML

/// What a module accepts, checked before anything runs: option names and aliases, types,
/// choices, required options, and options that exclude each other.
package struct ModuleSpec: Sendable {
    package enum Kind: Sendable, Hashable {
        /// Runs on this machine (debug, set_fact, template, shell…).
        case local
        /// Talks to a cluster or server; rendered offline, planned and applied live.
        case remote
    }

    package var name: String
    package var aliases: [String]
    package var kind: Kind
    package var options: [OptionSpec]
    /// `shell: echo hi` — the module takes a string instead of a mapping.
    package var freeForm: Bool = false
    /// `set_fact` takes any keys.
    package var anyKeys: Bool = false
    package var mutuallyExclusive: [[String]] = []
    package var requiredOneOf: [[String]] = []

    package func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name || $0.aliases.contains(name) }
    }
}

/// One option of a module.
package struct OptionSpec: Sendable {
    package enum ValueType: Sendable, Hashable {
        case string, bool, int, float, list, dict, path
        /// Anything: a dict, a list, or YAML text (`definition`).
        case raw
    }

    package var name: String
    package var type: ValueType
    package var aliases: [String] = []
    package var required: Bool = false
    package var choices: [String]? = nil

    package init(_ name: String, _ type: ValueType, aliases: [String] = [], required: Bool = false, choices: [String]? = nil) {
        self.name = name
        self.type = type
        self.aliases = aliases
        self.required = required
        self.choices = choices
    }
}
