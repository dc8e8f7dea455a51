import Kube
import YAML

/// Small helpers for building and walking JSON trees held as `YAMLValue`.
extension YAMLValue {
    /// A mapping with string keys, in the order given.
    static func object(_ pairs: KeyValuePairs<String, YAMLValue>) -> YAMLValue {
        .mapping(pairs.map { YAMLPair(.string($0.key), $0.value) })
    }

    /// A mapping built from `(key, value)` pairs, in order.
    static func object(entries: [(String, YAMLValue)]) -> YAMLValue {
        .mapping(entries.map { YAMLPair(.string($0.0), $0.1) })
    }

    /// The pairs of a mapping; nil for other values.
    var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = self { return pairs }
        return nil
    }

    /// The items of a sequence; nil for other values.
    var items: [YAMLValue]? {
        if case .sequence(let items) = self { return items }
        return nil
    }

    /// The integer of an int scalar, or of a float without a fraction.
    var intValue: Int? {
        switch self {
        case .int(let int): return int
        case .float(let double) where double == double.rounded() && abs(double) < 1e15: return Int(double)
        default: return nil
        }
    }

    var isMapping: Bool { pairs != nil }

    /// The value at a path of string keys.
    subscript(path path: [String]) -> YAMLValue? {
        var current: YAMLValue? = self
        for key in path { current = current?[key] }
        return current
    }

    /// Sets the value at a path of string keys, making mappings on the way; null and other
    /// scalars on the way are replaced by mappings.
    mutating func set(path: ArraySlice<String>, _ value: YAMLValue) {
        guard let first = path.first else {
            self = value
            return
        }
        if !isMapping { self = .mapping([]) }
        var child = self[first] ?? .mapping([])
        child.set(path: path.dropFirst(), value)
        set(first, child)
    }

    /// Removes the value at a path of string keys, if present.
    mutating func remove(path: ArraySlice<String>) {
        guard let first = path.first else { return }
        if path.count == 1 {
            remove(first)
            return
        }
        guard var child = self[first] else { return }
        child.remove(path: path.dropFirst())
        set(first, child)
    }

    /// A string for a scalar as JSON writes it (no quotes around strings); nil for collections.
    var scalarText: String? {
        switch self {
        case .string(let string): return string
        case .int(let int): return String(int)
        case .bool(let bool): return bool ? "true" : "false"
        case .float, .null: return jsonText
        case .sequence, .mapping: return nil
        }
    }
}
