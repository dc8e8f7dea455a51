import OrderedCollections
import YAML

extension Value {
    /// The template value of loaded YAML data; a repeated key keeps its first position and
    /// its last value, as a Python dict built from the pairs would.
    package init(yaml: YAMLValue) {
        switch yaml {
        case .null: self = .none
        case .bool(let bool): self = .bool(bool)
        case .int(let int): self = .int(int)
        case .float(let double): self = .float(double)
        case .string(let string): self = .string(string)
        case .sequence(let items): self = .list(items.map(Value.init(yaml:)))
        case .mapping(let pairs):
            var dict = OrderedDictionary<Value, Value>()
            for pair in pairs { dict[Value(yaml: pair.key)] = Value(yaml: pair.value) }
            self = .dict(dict)
        }
    }

    /// The value as YAML data for the emitter: tuples become sequences; undefined values and
    /// functions cannot be written.
    package func yamlValue() throws(TemplateError) -> YAMLValue {
        switch self {
        case .none: return .null
        case .bool(let bool): return .bool(bool)
        case .int(let int): return .int(int)
        case .float(let double): return .float(double)
        case .string(let string): return .string(string)
        case .list(let items), .tuple(let items):
            var sequence: [YAMLValue] = []
            sequence.reserveCapacity(items.count)
            for item in items { sequence.append(try item.yamlValue()) }
            return .sequence(sequence)
        case .dict(let dict):
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(dict.count)
            for (key, value) in dict { pairs.append(YAMLPair(try key.yamlValue(), try value.yamlValue())) }
            return .mapping(pairs)
        case .undefined(let undefined):
            throw .undefined(undefined)
        case .callable, .namespace:
            throw .type("cannot represent an object of type \(typeName) in YAML")
        }
    }
}
