import Foundation
import YAML

/// Server-set metadata and the key order a real server writes objects in.
enum ObjectShape {
    static let metadataOrder = [
        "name", "generateName", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers",
        "managedFields",
    ]

    /// Sets kind, apiVersion, uid, creationTimestamp, resourceVersion (nil removes it, as a
    /// dry-run create answers) and generation, then orders the keys.
    static func stamp(_ object: YAMLValue, kind: ResourceKind, old: YAMLValue?, revision: String?, time: String) -> YAMLValue {
        var object = object
        object.set("kind", .string(kind.kind))
        object.set("apiVersion", .string(kind.groupVersion))
        var metadata = object["metadata"] ?? .mapping([])
        metadata.set("uid", old?[path: ["metadata", "uid"]] ?? .string(UUID().uuidString.lowercased()))
        metadata.set("creationTimestamp", old?[path: ["metadata", "creationTimestamp"]] ?? .string(time))
        if let revision { metadata.set("resourceVersion", .string(revision)) } else { metadata.remove("resourceVersion") }
        if kind.tracksGeneration {
            let previous = old?[path: ["metadata", "generation"]]?.intValue
            let changed = old.map { content($0) != content(object) } ?? true
            metadata.set("generation", .int(previous.map { changed ? $0 + 1 : $0 } ?? 1))
        } else {
            metadata.remove("generation")
        }
        object.set("metadata", metadata)
        return ordered(object, kind: kind)
    }

    /// Everything but metadata and status: what a generation counts changes of.
    static func content(_ object: YAMLValue) -> YAMLValue {
        .mapping((object.pairs ?? []).filter { !["metadata", "status", "kind", "apiVersion"].contains($0.key.stringValue ?? "") })
    }

    /// Built-ins: kind, apiVersion, metadata, the rest as written, status last. Custom
    /// resources are unstructured on a real server: every mapping's keys sorted.
    static func ordered(_ object: YAMLValue, kind: ResourceKind) -> YAMLValue {
        guard case .mapping(var pairs) = object else { return object }
        if let index = pairs.firstIndex(where: { $0.key == .string("metadata") }) {
            pairs[index].value = orderedMetadata(pairs[index].value)
        }
        if kind.isCustom { return sortedKeys(.mapping(pairs)) }
        let head = ["kind", "apiVersion", "metadata"].compactMap { key in pairs.first { $0.key == .string(key) } }
        let rest = pairs.filter { !["kind", "apiVersion", "metadata", "status"].contains($0.key.stringValue ?? "") }
        let status = pairs.filter { $0.key == .string("status") }
        return .mapping(head + rest + status)
    }

    private static func orderedMetadata(_ metadata: YAMLValue) -> YAMLValue {
        guard case .mapping(let pairs) = metadata else { return metadata }
        let known = metadataOrder.compactMap { key in pairs.first { $0.key == .string(key) } }
        let other = pairs.filter { !metadataOrder.contains($0.key.stringValue ?? "") }
        return .mapping(known + other)
    }

    private static func sortedKeys(_ value: YAMLValue) -> YAMLValue {
        switch value {
        case .mapping(let pairs):
            return .mapping(
                pairs.map { YAMLPair($0.key, sortedKeys($0.value)) }.sorted { $0.key.jsonText < $1.key.jsonText })
        case .sequence(let items):
            return .sequence(items.map(sortedKeys))
        default:
            return value
        }
    }

    /// An object as list items carry it: built-ins without kind and apiVersion (`49`).
    static func listItem(_ object: YAMLValue, kind: ResourceKind) -> YAMLValue {
        guard !kind.isCustom, case .mapping(let pairs) = object else { return object }
        return .mapping(pairs.filter { $0.key != .string("kind") && $0.key != .string("apiVersion") })
    }
}
