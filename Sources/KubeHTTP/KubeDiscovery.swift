import Kube
import YAML

/// What discovery found: every group-version the server serves and, when known, its resources.
///
/// Aggregated discovery (`apidiscovery.k8s.io/v2`) fills every list at once; plain discovery
/// only names the group-versions, whose resource lists are fetched when first needed.
package struct KubeDiscovery: Sendable, Hashable {
    /// By `apiVersion` (`v1`, `apps/v1`): the resources, or nil when not fetched yet.
    package var groupVersions: [String: [KubeResource]?]

    package init(groupVersions: [String: [KubeResource]?] = [:]) {
        self.groupVersions = groupVersions
    }

    /// Whether the server serves `apiVersion` at all.
    package func serves(_ apiVersion: String) -> Bool {
        groupVersions[apiVersion] != nil
    }

    /// The resource for `kind` in a group-version whose list is known; nil when it is not there.
    package func resource(apiVersion: String, kind: String) -> KubeResource? {
        guard case .some(.some(let resources)) = groupVersions[apiVersion] else { return nil }
        return resources.first { $0.kind == kind }
    }

    /// Adds another document's group-versions (those of `/apis` after `/api`).
    package mutating func merge(_ other: KubeDiscovery) {
        groupVersions.merge(other.groupVersions) { first, _ in first }
    }

    /// The media types that ask for aggregated discovery, with plain JSON last, as kubectl sends them.
    package static let accept =
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
        + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json"

    // MARK: - Parsing

    /// Reads the answer to `/api` or `/apis`: an `APIGroupDiscoveryList` (aggregated), an
    /// `APIVersions` (`/api`, plain) or an `APIGroupList` (`/apis`, plain).
    package static func parseRoot(_ document: YAMLValue) throws(KubeError) -> KubeDiscovery {
        switch document["kind"]?.stringValue {
        case "APIGroupDiscoveryList": return try parseAggregated(document)
        case "APIVersions":
            var discovery = KubeDiscovery()
            for case .string(let version) in document["versions"]?.sequenceItems ?? [] { discovery.groupVersions[version] = .some(nil) }
            return discovery
        case "APIGroupList":
            var discovery = KubeDiscovery()
            for group in document["groups"]?.sequenceItems ?? [] {
                for version in group["versions"]?.sequenceItems ?? [] {
                    if let groupVersion = version["groupVersion"]?.stringValue { discovery.groupVersions[groupVersion] = .some(nil) }
                }
            }
            return discovery
        case let kind:
            throw .response("discovery answered kind '\(kind ?? "")', not APIGroupDiscoveryList, APIVersions or APIGroupList")
        }
    }

    /// Reads an aggregated discovery document: groups, their versions, and each version's
    /// resources (subresources such as `deployments/status` are left out).
    package static func parseAggregated(_ document: YAMLValue) throws(KubeError) -> KubeDiscovery {
        guard let items = document["items"]?.sequenceItems else { throw .response("aggregated discovery has no items") }
        var discovery = KubeDiscovery()
        for item in items {
            let group = item["metadata"]?["name"]?.stringValue ?? ""
            for version in item["versions"]?.sequenceItems ?? [] {
                guard let name = version["version"]?.stringValue else { continue }
                var resources: [KubeResource] = []
                for entry in version["resources"]?.sequenceItems ?? [] {
                    guard let plural = entry["resource"]?.stringValue, !plural.contains("/"),
                        let kind = entry["responseKind"]?["kind"]?.stringValue, !kind.isEmpty
                    else { continue }
                    resources.append(
                        KubeResource(
                            group: group, version: name, kind: kind, plural: plural,
                            namespaced: entry["scope"]?.stringValue == "Namespaced"))
                }
                discovery.groupVersions[group.isEmpty ? name : "\(group)/\(name)"] = .some(resources)
            }
        }
        return discovery
    }

    /// Reads an `APIResourceList` (`/api/v1`, `/apis/apps/v1`), leaving out subresources.
    package static func parseResourceList(_ document: YAMLValue, apiVersion: String) throws(KubeError) -> [KubeResource] {
        guard document["kind"]?.stringValue == "APIResourceList", let entries = document["resources"]?.sequenceItems else {
            throw .response("the resource list of \(apiVersion) is not an APIResourceList")
        }
        let (group, version) = KubeResource.split(apiVersion: apiVersion)
        var resources: [KubeResource] = []
        for entry in entries {
            guard let plural = entry["name"]?.stringValue, !plural.contains("/"), let kind = entry["kind"]?.stringValue else { continue }
            let namespaced: Bool
            if case .bool(let flag) = entry["namespaced"] ?? .null { namespaced = flag } else { namespaced = false }
            resources.append(KubeResource(group: group, version: version, kind: kind, plural: plural, namespaced: namespaced))
        }
        return resources
    }
}

extension YAMLValue {
    /// The items of a sequence; nil for other values.
    var sequenceItems: [YAMLValue]? {
        if case .sequence(let items) = self { return items }
        return nil
    }
}
