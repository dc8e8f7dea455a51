import YAML

/// Which object a message is about, written as Helm and kubectl write it:
/// `messaging/nats ConfigMap` (namespace/name kind), or `name kind` when cluster-scoped.
package struct KubeObjectReference: Sendable, Hashable, CustomStringConvertible {
    package var apiVersion: String
    package var kind: String
    package var name: String
    package var namespace: String?

    package init(apiVersion: String, kind: String, name: String, namespace: String?) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.namespace = namespace
    }

    /// The reference of an object tree; missing fields are empty strings.
    package init(object: YAMLValue) {
        self.init(
            apiVersion: object["apiVersion"]?.stringValue ?? "", kind: object["kind"]?.stringValue ?? "",
            name: object["metadata"]?["name"]?.stringValue ?? "", namespace: object["metadata"]?["namespace"]?.stringValue)
    }

    package var description: String {
        if let namespace, !namespace.isEmpty { return "\(namespace)/\(name) \(kind)" }
        return "\(name) \(kind)"
    }
}

extension YAMLValue {
    /// The value under a string key of a mapping; nil for other values or a missing key.
    package subscript(key: String) -> YAMLValue? {
        guard case .mapping(let pairs) = self else { return nil }
        for pair in pairs where pair.key == .string(key) { return pair.value }
        return nil
    }

    /// The text of a string scalar.
    package var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// Sets (or adds, at the end) the value under a string key; does nothing unless a mapping.
    package mutating func set(_ key: String, _ value: YAMLValue) {
        guard case .mapping(var pairs) = self else { return }
        if let index = pairs.firstIndex(where: { $0.key == .string(key) }) {
            pairs[index].value = value
        } else {
            pairs.append(YAMLPair(.string(key), value))
        }
        self = .mapping(pairs)
    }

    /// Removes the value under a string key, if there is one.
    package mutating func remove(_ key: String) {
        guard case .mapping(var pairs) = self else { return }
        pairs.removeAll { $0.key == .string(key) }
        self = .mapping(pairs)
    }
}
