import Kube
import YAML

/// The custom kinds stored CRDs define, as discovery serves them (only Established CRDs, only
/// served versions), with each version's `openAPIV3Schema`.
struct CRDRegistry: Sendable {
    private(set) var kinds: [ResourceKind] = []
    private var schemas: [String: YAMLValue] = [:]

    /// Rebuilds the kinds from all stored CRDs.
    mutating func rebuild(from crds: [YAMLValue]) {
        kinds = []
        schemas = [:]
        for crd in crds where Self.isEstablished(crd) {
            for (kind, schema) in Self.kinds(of: crd) {
                kinds.append(kind)
                if let schema { schemas[Self.schemaKey(kind)] = schema }
            }
        }
    }

    /// The schema of a custom kind's version, when its CRD has one.
    func schema(for kind: ResourceKind) -> YAMLValue? { schemas[Self.schemaKey(kind)] }

    private static func schemaKey(_ kind: ResourceKind) -> String { "\(kind.groupVersion)/\(kind.plural)" }

    static func isEstablished(_ crd: YAMLValue) -> Bool {
        (crd[path: ["status", "conditions"]]?.items ?? []).contains {
            $0["type"]?.stringValue == "Established" && $0["status"]?.stringValue == "True"
        }
    }

    /// The served versions of a CRD as kinds, each with its schema.
    static func kinds(of crd: YAMLValue) -> [(ResourceKind, YAMLValue?)] {
        guard let spec = crd["spec"], let group = spec["group"]?.stringValue,
            let kindName = spec[path: ["names", "kind"]]?.stringValue,
            let plural = spec[path: ["names", "plural"]]?.stringValue
        else { return [] }
        let names = spec["names"]
        let namespaced = spec["scope"]?.stringValue != "Cluster"
        return (spec["versions"]?.items ?? []).compactMap { version in
            guard let name = version["name"]?.stringValue, version["served"] == .bool(true) else { return nil }
            let kind = ResourceKind(
                resource: KubeResource(group: group, version: name, kind: kindName, plural: plural, namespaced: namespaced),
                singular: names?["singular"]?.stringValue ?? kindName.lowercased(),
                shortNames: (names?["shortNames"]?.items ?? []).compactMap(\.stringValue),
                categories: (names?["categories"]?.items ?? []).compactMap(\.stringValue),
                hasStatus: version[path: ["subresources", "status"]] != nil, isCustom: true,
                definedBy: crd[path: ["metadata", "name"]]?.stringValue)
            return (kind, version[path: ["schema", "openAPIV3Schema"]])
        }
    }
}
