import OrderedCollections

/// Python `list`, `tuple` and `dict` methods that read (`index`, `count`, `items`, `keys`,
/// `values`, `get`, `copy`). Ansible 2.19 turns the views `items()`, `keys()` and `values()`
/// return into lists, so they are lists here.
enum CollectionMethods {
    typealias SequenceBody = @Sendable ([Value], Arguments, CallSite) throws(TemplateError) -> Value
    typealias DictBody = @Sendable (OrderedDictionary<Value, Value>, Arguments, CallSite) throws(TemplateError) -> Value

    static func sequenceMethod(_ name: String, typeName: String) -> SequenceBody? {
        switch name {
        case "index":
            return { items, arguments, _ throws(TemplateError) in
                let bound = try Signature("\(typeName).index", ["value", "start", "stop"], required: 1).bind(arguments)
                let target = bound["value"] ?? .none
                let start = min(max(0, try bound.integer("start", default: 0)), items.count)
                let stop = min(max(start, try bound.integer("stop", default: items.count)), items.count)
                for index in start..<stop where items[index] == target { return .int(index) }
                throw .value("\(typeName).index(x): x not in \(typeName)")
            }
        case "count":
            return { items, arguments, _ throws(TemplateError) in
                let bound = try Signature("\(typeName).count", ["value"], required: 1).bind(arguments)
                let target = bound["value"] ?? .none
                return .int(items.filter { $0 == target }.count)
            }
        case "copy" where typeName == "list":
            return { items, arguments, _ throws(TemplateError) in
                _ = try Signature("list.copy").bind(arguments)
                return .list(items)
            }
        default:
            return nil
        }
    }

    static func dictMethod(_ name: String) -> DictBody? {
        switch name {
        case "items":
            return { dict, arguments, _ throws(TemplateError) in
                _ = try Signature("dict.items").bind(arguments)
                return .list(dict.map { .tuple([$0.key, $0.value]) })
            }
        case "keys":
            return { dict, arguments, _ throws(TemplateError) in
                _ = try Signature("dict.keys").bind(arguments)
                return .list(Array(dict.keys))
            }
        case "values":
            return { dict, arguments, _ throws(TemplateError) in
                _ = try Signature("dict.values").bind(arguments)
                return .list(Array(dict.values))
            }
        case "get":
            return { dict, arguments, _ throws(TemplateError) in
                let bound = try Signature("dict.get", ["key", "default"], required: 1).bind(arguments)
                let key = bound["key"] ?? .none
                try key.requireDefined()
                guard key.isPythonHashable else { throw .type("unhashable type: '\(key.typeName)'") }
                return dict[key] ?? bound["default"] ?? .none
            }
        case "copy":
            return { dict, arguments, _ throws(TemplateError) in
                _ = try Signature("dict.copy").bind(arguments)
                return .dict(dict)
            }
        default:
            return nil
        }
    }
}
