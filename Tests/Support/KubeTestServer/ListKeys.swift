import YAML

/// Which lists merge by key instead of being replaced whole: a small table by field name,
/// standing in for the OpenAPI `x-kubernetes-list-map-keys` the real server reads from schemas.
enum ListKeys {
    /// Field name → candidate key fields; an item is keyed by the candidates it has.
    static let table: [String: [String]] = [
        "containers": ["name"], "initContainers": ["name"], "ephemeralContainers": ["name"],
        "env": ["name"], "volumes": ["name"], "volumeMounts": ["mountPath"], "volumeDevices": ["devicePath"],
        "ports": ["containerPort", "port", "protocol"], "conditions": ["type"], "imagePullSecrets": ["name"],
        "hostAliases": ["ip"], "topologySpreadConstraints": ["topologyKey", "whenUnsatisfiable"],
    ]

    /// Fields whose value is a Go map (or an optional struct) rather than a struct: a write that
    /// creates one records `.` for it in an `Update` entry, as the real server does.
    static let mapFields: Set<String> = [
        "labels", "annotations", "data", "stringData", "binaryData", "matchLabels", "nodeSelector", "selector",
        "limits", "requests", "rollingUpdate", "securityContext", "resources",
    ]

    /// The key of a list item under `field`: the candidate key fields it has, in key order;
    /// nil when the list is not keyed or the item has none of them.
    static func key(of item: YAMLValue, field: String) -> YAMLValue? {
        guard let candidates = table[field], case .mapping = item else { return nil }
        let present = candidates.sorted().compactMap { name in item[name].map { (name, $0) } }
        return present.isEmpty ? nil : .object(entries: present)
    }

    /// Whether a sequence under `field` merges by key: every item is a mapping with a key.
    static func isKeyed(_ items: [YAMLValue], field: String) -> Bool {
        table[field] != nil && !items.isEmpty && items.allSatisfy { key(of: $0, field: field) != nil }
    }

    /// The index of the item whose key fields equal `key`.
    static func index(of key: YAMLValue, in items: [YAMLValue]) -> Int? {
        guard let pairs = key.pairs else { return nil }
        return items.firstIndex { item in
            item.isMapping && pairs.allSatisfy { pair in
                guard case .string(let name) = pair.key else { return false }
                return item[name] == pair.value
            }
        }
    }
}
