import OrderedCollections
import Template
import YAML

/// Variables with Ansible's precedence, lowest to highest: role defaults; play vars; vars files
/// and `--env` property files (deep-merged); role vars; block and task vars; facts
/// (`set_fact`, `register`); role parameters; extra vars. Lookups go from the highest layer down;
/// values are raw here and templated lazily by `TemplatedVariables` when a task uses them.
package struct VariableLayers: VariableSource {
    package enum Level: Int, Sendable, Comparable, CaseIterable {
        case roleDefaults, playVars, varsFiles, roleVars, blockVars, taskVars, facts, roleParameters, extraVars, magic

        package static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    private var layers: [Level: [String: Value]] = [:]
    /// Block and task vars stack: inner blocks override outer ones.
    private var nested: [[String: Value]] = []

    package init() {}

    package mutating func set(_ level: Level, _ values: [String: Value]) {
        layers[level] = values
    }

    package mutating func merge(_ level: Level, _ values: [String: Value]) {
        layers[level, default: [:]].merge(values) { _, new in new }
    }

    package mutating func setFact(_ name: String, _ value: Value) {
        layers[.facts, default: [:]][name] = value
    }

    package mutating func pushScope(_ values: [String: Value]) { nested.append(values) }

    package mutating func popScope() { if !nested.isEmpty { nested.removeLast() } }

    package func value(named name: String) throws(TemplateError) -> Value? {
        for level in Level.allCases.reversed() {
            if level == .taskVars {
                for scope in nested.reversed() { if let value = scope[name] { return value } }
                continue
            }
            if let value = layers[level]?[name] { return value }
        }
        return nil
    }

    package var names: [String] {
        var all = Set(layers.values.flatMap(\.keys))
        for scope in nested { all.formUnion(scope.keys) }
        return Array(all)
    }

    /// The facts layer, for `hostvars`-like inspection and tests.
    package var facts: [String: Value] { layers[.facts] ?? [:] }
}

/// Deep merge of property files: a later file overrides only the keys it names, at any depth.
package enum DeepMerge {
    package static func merge(_ base: Value, _ override: Value) -> Value {
        guard case .dict(var merged) = base, case .dict(let other) = override else { return override }
        for (key, value) in other {
            merged[key] = merged[key].map { merge($0, value) } ?? value
        }
        return .dict(merged)
    }

    package static func merge(_ base: [String: Value], _ override: [String: Value]) -> [String: Value] {
        var result = base
        for (key, value) in override {
            result[key] = result[key].map { merge($0, value) } ?? value
        }
        return result
    }
}

extension Value {
    /// The string-keyed entries of a dict value.
    package var stringKeyed: [String: Value] {
        guard case .dict(let dict) = self else { return [:] }
        var result: [String: Value] = [:]
        for (key, value) in dict {
            if case .string(let name) = key { result[name] = value }
        }
        return result
    }
}
