import Synchronization

/// Variables whose strings may themselves be templates (`api_url: "{{ base_url }}/api"`),
/// rendered when first used with the native-results rule, as Ansible evaluates variables
/// lazily. Lists and dicts are templated item by item; a variable that needs itself is an error.
package final class TemplatedVariables: VariableSource {
    private let raw: any VariableSource
    private let environment: TemplateEnvironment
    private let state = Mutex(State())

    private struct State {
        var cache: [String: Value] = [:]
        var resolving: [String] = []
    }

    /// Variable strings are templated as Ansible templates task arguments: with
    /// `escapeBackslashes` on.
    package init(_ raw: any VariableSource, environment: TemplateEnvironment) {
        self.raw = raw
        var copy = environment
        copy.options.escapeBackslashes = true
        self.environment = copy
    }

    package var names: [String] { raw.names }

    package func value(named name: String) throws(TemplateError) -> Value? {
        if let cached = state.withLock({ $0.cache[name] }) { return cached }
        guard let value = try raw.value(named: name) else { return nil }
        guard value.mayContainTemplates else {
            state.withLock { $0.cache[name] = value }
            return value
        }
        let cycle: [String]? = state.withLock { state in
            if state.resolving.contains(name) { return state.resolving + [name] }
            state.resolving.append(name)
            return nil
        }
        if let cycle {
            throw TemplateError(
                .recursion, "recursive loop detected in variable '\(name)': \(cycle.joined(separator: " → "))",
                hint: "a variable's template must not depend on itself")
        }
        defer { state.withLock { $0.resolving.removeAll { $0 == name } } }
        let resolved = try template(value, name: name)
        state.withLock { $0.cache[name] = resolved }
        return resolved
    }

    private func template(_ value: Value, name: String) throws(TemplateError) -> Value {
        switch value {
        case .string(let text) where text.mayBeTemplate:
            let parsed = try environment.parse(text, path: "<variable \(name)>")
            return try environment.renderNative(parsed, variables: self)
        case .list(let items):
            var result: [Value] = []
            for item in items { result.append(try template(item, name: name)) }
            return .list(result)
        case .dict(let dict):
            var result = dict
            for (key, item) in dict { result[key] = try template(item, name: name) }
            return .dict(result)
        default:
            return value
        }
    }
}

extension Value {
    /// Whether templating could change this value (a string with `{{`, `{%` or `{#` inside).
    var mayContainTemplates: Bool {
        switch self {
        case .string(let text): text.mayBeTemplate
        case .list(let items), .tuple(let items): items.contains { $0.mayContainTemplates }
        case .dict(let dict): dict.values.contains { $0.mayContainTemplates }
        default: false
        }
    }
}

extension String {
    /// Whether the text could be a template: a `{` followed by `{`, `%` or `#`.
    package var mayBeTemplate: Bool {
        var previousBrace = false
        for byte in utf8 {
            if previousBrace, byte == UInt8(ascii: "{") || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "#") { return true }
            previousBrace = byte == UInt8(ascii: "{")
        }
        return false
    }
}
