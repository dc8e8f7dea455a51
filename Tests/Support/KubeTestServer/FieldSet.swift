import YAML

/// A set of field paths in the `managedFields` sense: each path is a list of elements written
/// as the server writes them (`f:data`, `k:{"name":"nats"}`, `v:"x"`, `i:0`).
///
/// A path names a leaf or, for maps and list items, the member itself (the `.` entry).
struct FieldSet: Sendable, Hashable {
    var paths: Set<[String]>

    init(_ paths: Set<[String]> = []) { self.paths = paths }

    var isEmpty: Bool { paths.isEmpty }

    /// Top-level and `metadata` fields the server sets itself; never owned by a manager.
    static let serverOwnedMetadata: Set<String> = [
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "managedFields", "selfLink",
    ]

    /// The fields an applied configuration sets: leaves, atomic lists, empty maps, and keyed list
    /// items (as members, with their fields).
    static func applied(_ object: YAMLValue, skipStatus: Bool) -> FieldSet {
        var paths = Set<[String]>()
        for pair in ownedPairs(object, skipStatus: skipStatus) {
            collect(pair.value, field: pair.key, prefix: ["f:" + pair.key], into: &paths)
        }
        return FieldSet(paths)
    }

    private static func collect(_ value: YAMLValue, field: String, prefix: [String], into paths: inout Set<[String]>) {
        switch value {
        case .mapping(let pairs) where !pairs.isEmpty:
            for pair in pairs {
                guard case .string(let key) = pair.key else { continue }
                collect(pair.value, field: key, prefix: prefix + ["f:" + key], into: &paths)
            }
        case .sequence(let items) where ListKeys.isKeyed(items, field: field):
            for item in items {
                guard let key = ListKeys.key(of: item, field: field) else { continue }
                let itemPath = prefix + ["k:" + key.jsonText]
                paths.insert(itemPath)
                collect(item, field: "", prefix: itemPath, into: &paths)
            }
        default:
            paths.insert(prefix)
        }
    }

    /// The fields an update changed from `old` to `new` (added or with a new value); new maps
    /// named in ``ListKeys/mapFields`` and new list items count as members too.
    static func changed(from old: YAMLValue, to new: YAMLValue, skipStatus: Bool) -> FieldSet {
        var paths = Set<[String]>()
        for pair in ownedPairs(new, skipStatus: skipStatus) {
            let before = pair.key == "metadata" ? old["metadata"] ?? .mapping([]) : old[pair.key]
            diff(before, pair.value, field: pair.key, prefix: ["f:" + pair.key], into: &paths)
        }
        return FieldSet(paths)
    }

    private static func diff(
        _ old: YAMLValue?, _ new: YAMLValue, field: String, prefix: [String], into paths: inout Set<[String]>
    ) {
        if old == new { return }
        switch new {
        case .mapping(let pairs) where !pairs.isEmpty:
            if old?.isMapping != true, ListKeys.mapFields.contains(field) {
                paths.insert(prefix)
            }
            for pair in pairs {
                guard case .string(let key) = pair.key else { continue }
                diff(old?[key], pair.value, field: key, prefix: prefix + ["f:" + key], into: &paths)
            }
        case .sequence(let items) where ListKeys.isKeyed(items, field: field):
            let oldItems = old?.items ?? []
            for item in items {
                guard let key = ListKeys.key(of: item, field: field) else { continue }
                let itemPath = prefix + ["k:" + key.jsonText]
                let previous = ListKeys.index(of: key, in: oldItems).map { oldItems[$0] }
                if previous == nil { paths.insert(itemPath) }
                diff(previous, item, field: "", prefix: itemPath, into: &paths)
            }
        default:
            paths.insert(prefix)
        }
    }

    /// The top-level pairs managers can own, with `metadata` cut to its user fields.
    private static func ownedPairs(_ object: YAMLValue, skipStatus: Bool) -> [(key: String, value: YAMLValue)] {
        var result: [(key: String, value: YAMLValue)] = []
        for pair in object.pairs ?? [] {
            guard case .string(let key) = pair.key, key != "apiVersion", key != "kind" else { continue }
            if key == "status" && skipStatus { continue }
            if key == "metadata", case .mapping(let metadata) = pair.value {
                let kept = metadata.filter { !serverOwnedMetadata.contains($0.key.stringValue ?? "") }
                if !kept.isEmpty { result.append((key, .mapping(kept))) }
                continue
            }
            if case .null = pair.value { continue }
            result.append((key, pair.value))
        }
        return result
    }

    /// Only the paths that still lead somewhere in `object`.
    func existing(in object: YAMLValue) -> FieldSet {
        FieldSet(paths.filter { FieldPathNavigator.value(at: $0, in: object) != nil })
    }

    /// Whether any path in the set starts with `prefix` and is longer than it.
    func hasDescendant(of prefix: [String]) -> Bool {
        paths.contains { $0.count > prefix.count && Array($0.prefix(prefix.count)) == prefix }
    }
}
