import OrderedCollections

/// What a mutating Python method (`list.append`, `dict.update`, …) does, computed without
/// mutation: the receiver's new value and the call's result.
///
/// Template values are immutable here, but Ansible templates do write
/// `{% set _ = items.append(x) %}`; the evaluator can support that by calling `apply` and
/// rebinding the receiver's variable. Called through `BuiltinMethods.method`, these methods fail
/// with an error that says so.
package struct MethodMutation: Sendable {
    /// The receiver after the method ran.
    package var receiver: Value
    /// What the method call returns (`None` for most).
    package var result: Value

    /// The names of the mutating methods of `value`'s type.
    package static func names(for value: Value) -> Set<String> {
        switch value {
        case .list: ["append", "extend", "insert", "pop", "remove", "clear", "reverse", "sort"]
        case .dict: ["update", "pop", "popitem", "setdefault", "clear"]
        default: []
        }
    }

    /// Runs mutating method `name` on `value`, or nil when `value` has no such method.
    package static func apply(_ name: String, to value: Value, _ arguments: Arguments) throws(TemplateError) -> MethodMutation? {
        switch value {
        case .list(let items): try applyToList(name, items, arguments)
        case .dict(let dict): try applyToDict(name, dict, arguments)
        default: nil
        }
    }

    private static func applyToList(_ name: String, _ items: [Value], _ arguments: Arguments) throws(TemplateError) -> MethodMutation? {
        var items = items
        switch name {
        case "append":
            let bound = try Signature("list.append", ["object"], required: 1).bind(arguments)
            items.append(bound["object"] ?? .none)
        case "extend":
            let bound = try Signature("list.extend", ["iterable"], required: 1).bind(arguments)
            items += try (bound["iterable"] ?? .none).iterated()
        case "insert":
            let bound = try Signature("list.insert", ["index", "object"], required: 2).bind(arguments)
            var index = try bound.integer("index", default: 0)
            if index < 0 { index += items.count }
            items.insert(bound["object"] ?? .none, at: min(max(0, index), items.count))
        case "pop":
            let bound = try Signature("list.pop", ["index"]).bind(arguments)
            guard !items.isEmpty else { throw TemplateError(.lookup, "pop from empty list") }
            var index = try bound.integer("index", default: -1)
            if index < 0 { index += items.count }
            guard items.indices.contains(index) else { throw TemplateError(.lookup, "pop index out of range") }
            let removed = items.remove(at: index)
            return MethodMutation(receiver: .list(items), result: removed)
        case "remove":
            let bound = try Signature("list.remove", ["value"], required: 1).bind(arguments)
            guard let index = items.firstIndex(of: bound["value"] ?? .none) else {
                throw .value("list.remove(x): x not in list")
            }
            items.remove(at: index)
        case "clear":
            _ = try Signature("list.clear").bind(arguments)
            items = []
        case "reverse":
            _ = try Signature("list.reverse").bind(arguments)
            items.reverse()
        case "sort":
            let bound = try Signature("list.sort", ["reverse"]).bind(arguments)
            items = try PythonSort.sorted(items, reverse: try bound.bool("reverse", default: false)) { $0 }
        default:
            return nil
        }
        return MethodMutation(receiver: .list(items), result: .none)
    }

    private static func applyToDict(
        _ name: String, _ dict: OrderedDictionary<Value, Value>, _ arguments: Arguments
    ) throws(TemplateError) -> MethodMutation? {
        var dict = dict
        switch name {
        case "update":
            let bound = try Signature("dict.update", ["other"], extraKeywords: true).bind(arguments)
            if let other = bound["other"] { try merge(other, into: &dict) }
            for (key, value) in bound.extraKeywords { dict[.string(key)] = value }
        case "pop":
            let bound = try Signature("dict.pop", ["key", "default"], required: 1).bind(arguments)
            let key = bound["key"] ?? .none
            guard let removed = dict.removeValue(forKey: key) ?? bound["default"] else {
                throw TemplateError(.lookup, key.pythonRepr())
            }
            return MethodMutation(receiver: .dict(dict), result: removed)
        case "popitem":
            _ = try Signature("dict.popitem").bind(arguments)
            guard let last = dict.elements.last else { throw TemplateError(.lookup, "'popitem(): dictionary is empty'") }
            dict.removeValue(forKey: last.key)
            return MethodMutation(receiver: .dict(dict), result: .tuple([last.key, last.value]))
        case "setdefault":
            let bound = try Signature("dict.setdefault", ["key", "default"], required: 1).bind(arguments)
            let key = bound["key"] ?? .none
            guard key.isPythonHashable else { throw .type("unhashable type: '\(key.typeName)'") }
            if let existing = dict[key] { return MethodMutation(receiver: .dict(dict), result: existing) }
            let value = bound["default"] ?? .none
            dict[key] = value
            return MethodMutation(receiver: .dict(dict), result: value)
        case "clear":
            _ = try Signature("dict.clear").bind(arguments)
            dict = [:]
        default:
            return nil
        }
        return MethodMutation(receiver: .dict(dict), result: .none)
    }

    /// `dict.update(other)`: a mapping, or an iterable of key-value pairs.
    private static func merge(_ other: Value, into dict: inout OrderedDictionary<Value, Value>) throws(TemplateError) {
        if case .dict(let pairs) = other {
            for (key, value) in pairs { dict[key] = value }
            return
        }
        for (index, item) in try other.iterated().enumerated() {
            guard let pair = item.sequenceItems, pair.count == 2 else {
                throw .value("dictionary update sequence element #\(index) has the wrong length")
            }
            guard pair[0].isPythonHashable else { throw .type("unhashable type: '\(pair[0].typeName)'") }
            dict[pair[0]] = pair[1]
        }
    }
}
