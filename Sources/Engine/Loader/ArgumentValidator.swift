import Diagnostics
import Template
import YAML

/// Checks a module's arguments against its spec before anything runs: unknown options (with a
/// suggestion), missing required ones, wrong types and choices, and options that exclude each
/// other. Values that are templates are checked after they render, when the task runs.
struct ArgumentValidator {
    let context: LoadContext

    func validate(_ arguments: YAMLNode, spec: ModuleSpec, written: String, at span: SourceSpan) {
        if case .scalar(let scalar) = arguments.content {
            if spec.freeForm || scalar.value == .null { return }
            if case .string(let text) = scalar.value, text.contains("=") { return }  // key=value form
            context.error(
                "module.arguments", "\(written) takes options as a mapping, not \(arguments.kindDescription)", at: arguments.span,
                hint: "write the options under the module name, one per line")
            return
        }
        guard let pairs = arguments.pairs else {
            context.error("module.arguments", "\(written) takes options as a mapping, not \(arguments.kindDescription)", at: arguments.span)
            return
        }
        var given: [String: YAMLNodePair] = [:]
        for pair in pairs {
            guard let key = pair.key.string else { continue }
            guard let option = spec.option(named: key) else {
                if spec.anyKeys { continue }
                if key == "_raw_params" {
                    context.error("module.arguments", "\(written) takes key=value options, not '\(pair.value.scalarText ?? "")'", at: pair.value.span)
                    continue
                }
                let names = spec.options.flatMap { [$0.name] + $0.aliases }
                let hint = Suggestions.didYouMean(key, among: names) ?? "\(written) takes: \(spec.options.map(\.name).sorted().joined(separator: ", "))"
                context.error("module.unknown-option", "\(written) has no option '\(key)'", at: pair.key.span, hint: hint)
                continue
            }
            if let earlier = given[option.name] {
                let earlierKey = earlier.key.string ?? option.name
                let summary =
                    earlierKey == key ? "'\(key)' is given twice" : "'\(earlierKey)' and '\(key)' both set '\(option.name)' of \(written)"
                context.error(
                    "module.duplicate-option", summary, at: pair.key.span, hint: "keep one of them",
                    notes: [Diagnostic.Note("first set here", span: earlier.key.span)])
            }
            given[option.name] = pair
            check(pair.value, option: option, written: written)
        }
        for option in spec.options where option.required && given[option.name] == nil {
            if spec.freeForm { continue }
            context.error("module.missing-option", "\(written) needs '\(option.name)'", at: span)
        }
        for group in spec.mutuallyExclusive {
            let present = group.filter { given[$0] != nil }
            if present.count > 1, let second = given[present[1]] {
                context.error("module.exclusive-options", "\(written) takes only one of \(group.joined(separator: ", "))", at: second.key.span)
            }
        }
    }

    private func check(_ value: YAMLNode, option: OptionSpec, written: String) {
        guard case .scalar(let scalar) = value.content else {
            let fits: Bool =
                switch (option.type, value.content) {
                case (.list, .sequence), (.dict, .mapping), (.raw, _): true
                default: false
                }
            if !fits {
                context.error("module.type", "'\(option.name)' of \(written) must be \(describe(option.type)), not \(value.kindDescription)", at: value.span)
            }
            return
        }
        if case .string(let text) = scalar.value, text.contains("{{") || text.contains("{%") { return }
        if scalar.value == .null { return }
        let fits: Bool =
            switch (option.type, scalar.value) {
            case (.raw, _), (.string, _), (.path, _): true
            case (.bool, .bool): true
            case (.bool, .int(let number)): number == 0 || number == 1  // Ansible's booleans include 1 and 0
            case (.bool, .string(let text)): Self.booleanWords.contains(text.lowercased())
            case (.int, .int): true
            case (.int, .string(let text)): Int(text) != nil
            case (.float, .int), (.float, .float): true
            case (.list, .string), (.dict, .string): option.type == .list  // "a,b" lists
            default: false
            }
        if !fits {
            context.error("module.type", "'\(option.name)' of \(written) must be \(describe(option.type)), not \(value.kindDescription)", at: value.span)
        }
        // A choice YAML read as another type (`state: yes`) is checked as written.
        if let choices = option.choices, !choices.contains(scalar.text) {
            let text = scalar.text
            let hint = Suggestions.didYouMean(text, among: choices) ?? "choose one of: \(choices.joined(separator: ", "))"
            context.error("module.choice", "'\(text)' is not a valid \(option.name) for \(written)", at: value.span, hint: hint)
        }
    }

    /// The strings Ansible's `boolean()` accepts.
    static let booleanWords: Set<String> = ["yes", "no", "true", "false", "on", "off", "1", "0", "y", "n", "t", "f"]

    private func describe(_ type: OptionSpec.ValueType) -> String {
        switch type {
        case .string: "a string"
        case .bool: "a boolean"
        case .int: "an integer"
        case .float: "a number"
        case .list: "a list"
        case .dict: "a mapping"
        case .path: "a path"
        case .raw: "a value"
        }
    }
}
