import YAML

/// Checks a custom resource against its `openAPIV3Schema`: type, enum and required, the checks
/// whose failures clients see most (`48`).
enum SchemaValidation {
    /// One cause per problem, sorted by field as the server reports them.
    static func validate(_ object: YAMLValue, schema: YAMLValue) -> [InvalidCause] {
        var causes: [InvalidCause] = []
        for pair in object.pairs ?? [] {
            guard let key = pair.key.stringValue, !["metadata", "apiVersion", "kind"].contains(key),
                let property = schema[path: ["properties", key]]
            else { continue }
            check(pair.value, property, path: key, depth: 0, into: &causes)
        }
        for name in schema["required"]?.items ?? [] {
            guard let name = name.stringValue, !["metadata", "apiVersion", "kind"].contains(name) else { continue }
            if object[name] == nil {
                causes.append(InvalidCause(reason: "FieldValueRequired", message: "Required value", field: name))
            }
        }
        return causes.sorted { $0.field < $1.field }
    }

    private static func check(_ value: YAMLValue, _ schema: YAMLValue, path: String, depth: Int, into causes: inout [InvalidCause]) {
        guard depth < 64 else { return }
        if value == .null {
            if schema["nullable"] != .bool(true), schema["type"] != nil {
                causes.append(typeCause(value, expected: schema["type"]?.stringValue ?? "", path: path))
            }
            return
        }
        if let expected = schema["type"]?.stringValue, !matches(value, type: expected, schema: schema) {
            causes.append(typeCause(value, expected: expected, path: path))
            return
        }
        if let allowed = schema["enum"]?.items, !allowed.isEmpty, !allowed.contains(value) {
            let list = allowed.map(\.jsonText).joined(separator: ", ")
            causes.append(
                InvalidCause(
                    reason: "FieldValueNotSupported",
                    message: "Unsupported value: \(value.jsonText): supported values: \(list)", field: path))
        }
        checkChildren(value, schema, path: path, depth: depth, into: &causes)
    }

    private static func checkChildren(
        _ value: YAMLValue, _ schema: YAMLValue, path: String, depth: Int, into causes: inout [InvalidCause]
    ) {
        switch value {
        case .mapping(let pairs):
            for name in schema["required"]?.items ?? [] {
                guard let name = name.stringValue, value[name] == nil else { continue }
                causes.append(InvalidCause(reason: "FieldValueRequired", message: "Required value", field: "\(path).\(name)"))
            }
            for pair in pairs {
                guard let key = pair.key.stringValue else { continue }
                if let property = schema[path: ["properties", key]] {
                    check(pair.value, property, path: "\(path).\(key)", depth: depth + 1, into: &causes)
                } else if let additional = schema["additionalProperties"], additional.isMapping {
                    check(pair.value, additional, path: "\(path).\(key)", depth: depth + 1, into: &causes)
                }
            }
        case .sequence(let items):
            guard let itemSchema = schema["items"] else { return }
            for (index, item) in items.enumerated() {
                check(item, itemSchema, path: "\(path)[\(index)]", depth: depth + 1, into: &causes)
            }
        default:
            return
        }
    }

    private static func matches(_ value: YAMLValue, type: String, schema: YAMLValue) -> Bool {
        if schema["x-kubernetes-int-or-string"] == .bool(true) {
            if case .string = value { return true }
            if value.intValue != nil { return true }
        }
        switch (type, value) {
        case ("object", .mapping), ("array", .sequence), ("string", .string), ("boolean", .bool), ("integer", .int): return true
        case ("integer", .float(let double)): return double == double.rounded()
        case ("number", .int), ("number", .float): return true
        default: return false
        }
    }

    private static func typeCause(_ value: YAMLValue, expected: String, path: String) -> InvalidCause {
        let found = typeName(value)
        return InvalidCause(
            reason: "FieldValueTypeInvalid",
            message: "Invalid value: \"\(found)\": \(path) in body must be of type \(expected): \"\(found)\"", field: path)
    }

    private static func typeName(_ value: YAMLValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .float: return "number"
        case .string: return "string"
        case .sequence: return "array"
        case .mapping: return "object"
        }
    }
}
