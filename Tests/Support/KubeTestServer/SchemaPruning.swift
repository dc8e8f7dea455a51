import YAML

/// Fields a structural schema does not declare: the server drops them, or rejects the write
/// when the client asked for `fieldValidation=Strict` (as kubectl does).
enum SchemaPruning {
    /// The object without undeclared fields, and the dotted paths of the ones removed.
    static func prune(_ object: YAMLValue, schema: YAMLValue) -> (object: YAMLValue, unknown: [String]) {
        var unknown: [String] = []
        guard case .mapping(let pairs) = object else { return (object, []) }
        var kept: [YAMLPair] = []
        for pair in pairs {
            guard let key = pair.key.stringValue else { continue }
            if ["apiVersion", "kind", "metadata"].contains(key) {
                kept.append(pair)
            } else if let property = schema[path: ["properties", key]] {
                kept.append(YAMLPair(pair.key, walk(pair.value, property, path: key, depth: 0, unknown: &unknown)))
            } else if schema["x-kubernetes-preserve-unknown-fields"] == .bool(true) {
                kept.append(pair)
            } else {
                unknown.append(key)
            }
        }
        return (.mapping(kept), unknown)
    }

    private static func walk(_ value: YAMLValue, _ schema: YAMLValue, path: String, depth: Int, unknown: inout [String]) -> YAMLValue {
        guard depth < 64, schema["x-kubernetes-preserve-unknown-fields"] != .bool(true) else { return value }
        switch value {
        case .mapping(let pairs):
            if let additional = schema["additionalProperties"] {
                guard additional.isMapping else { return value }
                return .mapping(pairs.map { YAMLPair($0.key, walk($0.value, additional, path: "\(path).\($0.key.scalarText ?? "")", depth: depth + 1, unknown: &unknown)) })
            }
            guard let properties = schema["properties"], properties.isMapping else { return value }
            var kept: [YAMLPair] = []
            for pair in pairs {
                let key = pair.key.scalarText ?? ""
                if let property = properties[key] {
                    kept.append(YAMLPair(pair.key, walk(pair.value, property, path: "\(path).\(key)", depth: depth + 1, unknown: &unknown)))
                } else {
                    unknown.append("\(path).\(key)")
                }
            }
            return .mapping(kept)
        case .sequence(let items):
            guard let itemSchema = schema["items"] else { return value }
            return .sequence(items.enumerated().map { walk($1, itemSchema, path: "\(path)[\($0)]", depth: depth + 1, unknown: &unknown) })
        default:
            return value
        }
    }

    /// The 400 a strict write gets (`strict decoding error`), naming every unknown field.
    static func strictError(_ kind: ResourceKind, unknown: [String]) -> StatusBody {
        let fields = unknown.map { "unknown field \"\($0)\"" }.joined(separator: ", ")
        return .badRequest(
            "\(kind.kind) in version \"\(kind.version)\" cannot be handled as a \(kind.kind): strict decoding error: \(fields)")
    }
}
