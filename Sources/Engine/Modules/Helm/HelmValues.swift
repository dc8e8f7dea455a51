import Kube
import YAML

/// Helm's values as data: merged the way helm merges `-f` files, compared and diffed by value.
enum HelmValues {
    /// `overlay` over `base`: mappings merge key by key, anything else replaces.
    static func merge(_ base: YAMLValue, _ overlay: YAMLValue) -> YAMLValue {
        guard case .mapping(var pairs) = base, case .mapping(let others) = overlay else { return overlay }
        for pair in others {
            if let index = pairs.firstIndex(where: { $0.key == pair.key }) {
                pairs[index] = YAMLPair(pair.key, merge(pairs[index].value, pair.value))
            } else {
                pairs.append(pair)
            }
        }
        return .mapping(pairs)
    }

    /// Equal as data: the same keys and values, numbers by value, whatever the key order.
    static func equal(_ lhs: YAMLValue, _ rhs: YAMLValue) -> Bool {
        KubeObjectComparison.isSubset(lhs, of: rhs) && KubeObjectComparison.isSubset(rhs, of: lhs)
    }

    /// Field changes under `values.`, from the release's values to the declared ones.
    static func changes(from before: YAMLValue?, to after: YAMLValue) -> [KubeFieldChange] {
        let wrap = { (value: YAMLValue) in YAMLValue.mapping([YAMLPair(.string("values"), value)]) }
        return KubeObjectComparison.changes(from: wrap(before ?? .mapping([])), to: wrap(after))
    }
}
