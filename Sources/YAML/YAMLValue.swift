/// Plain YAML data, as PyYAML's safe loader would produce it (YAML 1.1 scalar resolution).
///
/// Mappings keep their written order; the loader has already rejected duplicate keys.
package indirect enum YAMLValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case sequence([YAMLValue])
    case mapping([YAMLPair])
}

/// One key and its value in a mapping.
package struct YAMLPair: Sendable, Hashable {
    package var key: YAMLValue
    package var value: YAMLValue

    package init(_ key: YAMLValue, _ value: YAMLValue) {
        self.key = key
        self.value = value
    }
}
