import YAML

/// One `metadata.managedFields` entry.
struct ManagedFieldsEntry: Sendable, Hashable {
    var manager: String
    /// `Apply` or `Update`.
    var operation: String
    var apiVersion: String
    var time: String
    var fields: FieldSet
    var subresource: String?

    /// How conflict messages name the manager: `"rig"`, or `"curl" using v1` for an update.
    var conflictName: String {
        var name = "\"\(manager)\""
        if let subresource { name += " with subresource \"\(subresource)\"" }
        return operation == "Update" ? "\(name) using \(apiVersion)" : name
    }
}

/// The field ownership of one object: who set which fields, by apply or by update.
struct ManagedFields: Sendable, Hashable {
    var entries: [ManagedFieldsEntry]

    /// Reads `metadata.managedFields`; malformed entries are dropped.
    init(object: YAMLValue?) {
        entries = (object?[path: ["metadata", "managedFields"]]?.items ?? []).compactMap(Self.decodeEntry)
    }

    private static func decodeEntry(_ value: YAMLValue) -> ManagedFieldsEntry? {
        guard let manager = value["manager"]?.stringValue, let operation = value["operation"]?.stringValue else {
            return nil
        }
        var paths = Set<[String]>()
        decode(value["fieldsV1"] ?? .mapping([]), prefix: [], into: &paths)
        return ManagedFieldsEntry(
            manager: manager, operation: operation, apiVersion: value["apiVersion"]?.stringValue ?? "",
            time: value["time"]?.stringValue ?? "", fields: FieldSet(paths), subresource: value["subresource"]?.stringValue)
    }

    private static func decode(_ tree: YAMLValue, prefix: [String], into paths: inout Set<[String]>) {
        let pairs = tree.pairs ?? []
        if pairs.isEmpty, !prefix.isEmpty { paths.insert(prefix) }
        for pair in pairs {
            guard case .string(let key) = pair.key else { continue }
            if key == "." {
                if !prefix.isEmpty { paths.insert(prefix) }
            } else {
                decode(pair.value, prefix: prefix + [key], into: &paths)
            }
        }
    }

    /// The `fieldsV1` tree of a set: keys sorted, `.` for members that also have children.
    static func encode(_ set: FieldSet) -> YAMLValue {
        encode(paths: Array(set.paths), depth: 0)
    }

    private static func encode(paths: [[String]], depth: Int) -> YAMLValue {
        var groups: [String: [[String]]] = [:]
        var isMember = false
        for path in paths {
            if path.count == depth {
                isMember = true
            } else {
                groups[path[depth], default: []].append(path)
            }
        }
        var entries: [(String, YAMLValue)] = []
        if isMember, !groups.isEmpty { entries.append((".", .mapping([]))) }
        for key in groups.keys.sorted() {
            entries.append((key, encode(paths: groups[key] ?? [], depth: depth + 1)))
        }
        return .object(entries: entries)
    }

    /// `metadata.managedFields` as the server writes it: sorted by operation, time, manager.
    var encoded: YAMLValue {
        let sorted = entries.sorted { lhs, rhs in
            (lhs.operation, lhs.time, lhs.manager, lhs.apiVersion) < (rhs.operation, rhs.time, rhs.manager, rhs.apiVersion)
        }
        return .sequence(
            sorted.map { entry in
                var fields: [(String, YAMLValue)] = [
                    ("manager", .string(entry.manager)), ("operation", .string(entry.operation)),
                    ("apiVersion", .string(entry.apiVersion)), ("time", .string(entry.time)),
                    ("fieldsType", .string("FieldsV1")), ("fieldsV1", Self.encode(entry.fields)),
                ]
                if let subresource = entry.subresource { fields.append(("subresource", .string(subresource))) }
                return .object(entries: fields)
            })
    }

    /// Records a non-apply write (create, update, patch) by `manager`: it takes every field it
    /// changed from the others, and fields that are gone leave every set.
    mutating func recordUpdate(
        manager: String, apiVersion: String, time: String, old: YAMLValue?, new: YAMLValue, skipStatus: Bool,
        subresource: String? = nil
    ) {
        let changed = FieldSet.changed(from: old ?? .mapping([]), to: new, skipStatus: skipStatus)
        for index in entries.indices {
            entries[index].fields = FieldSet(entries[index].fields.paths.subtracting(changed.paths)).existing(in: new)
        }
        if let index = entries.firstIndex(where: {
            $0.manager == manager && $0.operation == "Update" && $0.subresource == subresource
        }) {
            let merged = entries[index].fields.paths.union(changed.paths)
            if merged != entries[index].fields.paths {
                entries[index].fields = FieldSet(merged)
                entries[index].time = time
                entries[index].apiVersion = apiVersion
            }
        } else if !changed.isEmpty {
            entries.append(
                ManagedFieldsEntry(
                    manager: manager, operation: "Update", apiVersion: apiVersion, time: time, fields: changed,
                    subresource: subresource))
        }
        entries.removeAll { $0.fields.isEmpty }
    }

    /// Writes the entries into the object's metadata (removing the key when there are none).
    func store(in object: inout YAMLValue) {
        if entries.isEmpty {
            object.remove(path: ["metadata", "managedFields"])
        } else {
            object.set(path: ["metadata", "managedFields"], encoded)
        }
    }
}
