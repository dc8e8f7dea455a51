import YAML

/// The discovery documents: `/api`, `/apis` (plain and aggregated v2), `/apis/<group>` and the
/// group-version resource lists, built from the served kinds.
struct Discovery {
    var kinds: [ResourceKind]
    /// `host:port`, for `serverAddressByClientCIDRs`.
    var serverAddress: String

    static let aggregatedMediaType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"

    /// The groups in order, each with its versions in the order first seen.
    var groups: [(name: String, versions: [String])] {
        var result: [(name: String, versions: [String])] = []
        for kind in kinds where !kind.group.isEmpty {
            if let index = result.firstIndex(where: { $0.name == kind.group }) {
                if !result[index].versions.contains(kind.version) { result[index].versions.append(kind.version) }
            } else {
                result.append((kind.group, [kind.version]))
            }
        }
        return result
    }

    /// `/api`, plain (`02`).
    var apiVersions: YAMLValue {
        .object([
            "kind": .string("APIVersions"), "versions": .sequence([.string("v1")]),
            "serverAddressByClientCIDRs": .sequence([
                .object(["clientCIDR": .string("0.0.0.0/0"), "serverAddress": .string(serverAddress)])
            ]),
        ])
    }

    /// `/apis`, plain (`06`, `44`).
    var groupList: YAMLValue {
        .object(["kind": .string("APIGroupList"), "apiVersion": .string("v1"), "groups": .sequence(groups.map(groupValue))])
    }

    /// `/apis/<group>`, or nil when no such group is served.
    func group(_ name: String) -> YAMLValue? {
        guard let group = groups.first(where: { $0.name == name }) else { return nil }
        var value = groupValue(group)
        value = .object(entries: [("kind", .string("APIGroup")), ("apiVersion", .string("v1"))] + (value.pairs ?? []).map {
            ($0.key.stringValue ?? "", $0.value)
        })
        return value
    }

    private func groupValue(_ group: (name: String, versions: [String])) -> YAMLValue {
        let versions = group.versions.map { version in
            YAMLValue.object(["groupVersion": .string("\(group.name)/\(version)"), "version": .string(version)])
        }
        return .object([
            "name": .string(group.name), "versions": .sequence(versions), "preferredVersion": versions[0],
        ])
    }

    /// `/api` or `/apis` as an aggregated `APIGroupDiscoveryList` (`03`, `07`, `45`).
    func aggregated(core: Bool) -> YAMLValue {
        let items: [YAMLValue]
        if core {
            items = [aggregatedGroup(name: nil, versions: ["v1"])]
        } else {
            items = groups.map { aggregatedGroup(name: $0.name, versions: $0.versions) }
        }
        return .object([
            "kind": .string("APIGroupDiscoveryList"), "apiVersion": .string("apidiscovery.k8s.io/v2"),
            "metadata": .mapping([]), "items": .sequence(items),
        ])
    }

    private func aggregatedGroup(name: String?, versions: [String]) -> YAMLValue {
        let group = name ?? ""
        let versionValues = versions.map { version in
            YAMLValue.object([
                "version": .string(version),
                "resources": .sequence(kinds.filter { $0.group == group && $0.version == version }.map(aggregatedResource)),
                "freshness": .string("Current"),
            ])
        }
        let metadata: YAMLValue = name.map { .object(["name": .string($0)]) } ?? .mapping([])
        return .object(["metadata": metadata, "versions": .sequence(versionValues)])
    }

    private func aggregatedResource(_ kind: ResourceKind) -> YAMLValue {
        let responseKind = YAMLValue.object([
            "group": .string(kind.isCustom ? kind.group : ""), "version": .string(kind.isCustom ? kind.version : ""),
            "kind": .string(kind.kind),
        ])
        var entries: [(String, YAMLValue)] = [
            ("resource", .string(kind.plural)), ("responseKind", responseKind),
            ("scope", .string(kind.namespaced ? "Namespaced" : "Cluster")), ("singularResource", .string(kind.singular)),
            ("verbs", .sequence(kind.verbs.map(YAMLValue.string))),
        ]
        if !kind.shortNames.isEmpty { entries.append(("shortNames", .sequence(kind.shortNames.map(YAMLValue.string)))) }
        if !kind.categories.isEmpty { entries.append(("categories", .sequence(kind.categories.map(YAMLValue.string)))) }
        if kind.hasStatus {
            let status = YAMLValue.object([
                "subresource": .string("status"), "responseKind": responseKind,
                "verbs": .sequence(["get", "patch", "update"].map(YAMLValue.string)),
            ])
            entries.append(("subresources", .sequence([status])))
        }
        return .object(entries: entries)
    }

    /// `/api/v1` or `/apis/<group>/<version>` (`09`, `10`, `46`), or nil when not served.
    func resourceList(group: String, version: String) -> YAMLValue? {
        let served = kinds.filter { $0.group == group && $0.version == version }
        guard !served.isEmpty else { return nil }
        var resources: [YAMLValue] = []
        for kind in served {
            var entries: [(String, YAMLValue)] = [
                ("name", .string(kind.plural)), ("singularName", .string(kind.singular)),
                ("namespaced", .bool(kind.namespaced)), ("kind", .string(kind.kind)),
                ("verbs", .sequence(kind.verbs.map(YAMLValue.string))),
            ]
            if !kind.shortNames.isEmpty { entries.append(("shortNames", .sequence(kind.shortNames.map(YAMLValue.string)))) }
            if !kind.categories.isEmpty { entries.append(("categories", .sequence(kind.categories.map(YAMLValue.string)))) }
            resources.append(.object(entries: entries))
            if kind.hasStatus {
                resources.append(
                    .object([
                        "name": .string("\(kind.plural)/status"), "singularName": .string(""),
                        "namespaced": .bool(kind.namespaced), "kind": .string(kind.kind),
                        "verbs": .sequence(["get", "patch", "update"].map(YAMLValue.string)),
                    ]))
            }
        }
        var entries: [(String, YAMLValue)] = [("kind", .string("APIResourceList"))]
        if !group.isEmpty { entries.append(("apiVersion", .string("v1"))) }
        entries.append(("groupVersion", .string(group.isEmpty ? version : "\(group)/\(version)")))
        entries.append(("resources", .sequence(resources)))
        return .object(entries: entries)
    }
}
