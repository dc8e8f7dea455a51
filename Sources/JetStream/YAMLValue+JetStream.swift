import YAML

/// Small accessors over JSON trees, named so they do not clash with the Kube module's.
extension YAMLValue {
    /// The value under `key` in a mapping; nil when absent or not a mapping.
    package func member(_ key: String) -> YAMLValue? {
        guard case .mapping(let pairs) = self else { return nil }
        return pairs.first { $0.key == .string(key) }?.value
    }

    /// Sets `key` in a mapping (appended when new); a non-mapping becomes one.
    package mutating func put(_ key: String, _ value: YAMLValue) {
        var pairs: [YAMLPair] = []
        if case .mapping(let existing) = self { pairs = existing }
        if let index = pairs.firstIndex(where: { $0.key == .string(key) }) {
            pairs[index].value = value
        } else {
            pairs.append(YAMLPair(.string(key), value))
        }
        self = .mapping(pairs)
    }

    /// Removes `key` from a mapping.
    package mutating func drop(_ key: String) {
        guard case .mapping(let pairs) = self else { return }
        self = .mapping(pairs.filter { $0.key != .string(key) })
    }

    /// The keys of a mapping, in order.
    package var memberNames: [String] {
        guard case .mapping(let pairs) = self else { return [] }
        return pairs.compactMap { if case .string(let key) = $0.key { key } else { nil } }
    }

    /// An integer, also from a whole float (JSON numbers).
    package var integerValue: Int? {
        switch self {
        case .int(let value): value
        case .float(let value) where value.rounded() == value && abs(value) < 9.2e18: Int(value)
        default: nil
        }
    }

    /// A string scalar's text.
    package var textValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// Builds a mapping from pairs in order.
    package static func object(_ pairs: [(String, YAMLValue)]) -> YAMLValue {
        .mapping(pairs.map { YAMLPair(.string($0.0), $0.1) })
    }
}
