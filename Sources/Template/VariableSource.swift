import OrderedCollections

/// Where a template's free names come from.
///
/// The engine implements it over its variable precedence with lazy evaluation; tests and
/// `rig template` use `VariableTable`.
package protocol VariableSource: Sendable {
    /// The value of `name`, or nil when it is not defined.
    func value(named name: String) throws(TemplateError) -> Value?
    /// Every defined name, for the `vars` lookup and error hints.
    var names: [String] { get }
}

/// A fixed table of variables.
package struct VariableTable: VariableSource {
    package var values: [String: Value]

    package init(_ values: [String: Value] = [:]) {
        self.values = values
    }

    package init(_ dict: OrderedDictionary<Value, Value>) {
        var values: [String: Value] = [:]
        for (key, value) in dict {
            if case .string(let name) = key { values[name] = value }
        }
        self.values = values
    }

    package func value(named name: String) throws(TemplateError) -> Value? { values[name] }

    package var names: [String] { Array(values.keys) }
}
