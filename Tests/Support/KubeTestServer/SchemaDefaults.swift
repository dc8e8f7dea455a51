import YAML

/// Fills in `default:` values from a structural `openAPIV3Schema`, as the API server does for
/// custom resources on every write.
enum SchemaDefaults {
    /// The object with defaults applied below the top level (metadata is left alone).
    static func apply(_ schema: YAMLValue, to object: YAMLValue) -> YAMLValue {
        guard case .mapping(let pairs) = object else { return object }
        return .mapping(
            pairs.map { pair in
                guard let key = pair.key.stringValue, key != "metadata", key != "apiVersion", key != "kind",
                    let property = schema[path: ["properties", key]]
                else { return pair }
                return YAMLPair(pair.key, fill(property, pair.value, depth: 0))
            })
    }

    private static func fill(_ schema: YAMLValue, _ value: YAMLValue, depth: Int) -> YAMLValue {
        guard depth < 64 else { return value }
        switch value {
        case .mapping(var pairs):
            if let properties = schema["properties"]?.pairs {
                for property in properties {
                    guard case .string(let name) = property.key else { continue }
                    if let index = pairs.firstIndex(where: { $0.key == property.key }) {
                        pairs[index].value = fill(property.value, pairs[index].value, depth: depth + 1)
                    } else if let fallback = property.value["default"] {
                        pairs.append(YAMLPair(.string(name), fill(property.value, fallback, depth: depth + 1)))
                    }
                }
            } else if let additional = schema["additionalProperties"], additional.isMapping {
                for index in pairs.indices {
                    pairs[index].value = fill(additional, pairs[index].value, depth: depth + 1)
                }
            }
            return .mapping(pairs)
        case .sequence(let items):
            guard let itemSchema = schema["items"] else { return value }
            return .sequence(items.map { fill(itemSchema, $0, depth: depth + 1) })
        default:
            return value
        }
    }
}
