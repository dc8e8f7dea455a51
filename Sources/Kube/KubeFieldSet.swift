import YAML

/// The fields of an object as field paths, to compare what rig applied last (the live object's
/// `managedFields` entry for manager `rig`) with what it is about to apply.
///
/// The comparison is deliberately coarse: a path stops at the first list, because whether a list
/// is atomic or merged by key depends on the schema, which rig does not load. A coarse answer is
/// safe: when the sets differ, rig asks the server with a dry-run apply.
package struct KubeFieldSet: Sendable, Hashable {
    package var paths: Set<[String]>

    package init(paths: Set<[String]> = []) { self.paths = paths }

    /// The fields an applied object sets: every leaf path, without `apiVersion`, `kind`,
    /// `metadata.name`, `metadata.namespace` and `status`, which the server does not record.
    package init(appliedObject object: YAMLValue) {
        var paths: Set<[String]> = []
        guard case .mapping(let pairs) = object else {
            self.init()
            return
        }
        for pair in pairs {
            guard case .string(let key) = pair.key, key != "apiVersion", key != "kind", key != "status" else { continue }
            if key == "metadata", case .mapping(let metadata) = pair.value {
                for entry in metadata {
                    guard case .string(let field) = entry.key, field != "name", field != "namespace" else { continue }
                    Self.collect(entry.value, path: ["metadata", field], into: &paths)
                }
                continue
            }
            Self.collect(pair.value, path: [key], into: &paths)
        }
        self.init(paths: paths)
    }

    /// The fields of a `fieldsV1` tree (`{"f:data": {"f:color": {}}}`), cut at the first list.
    package init(fieldsV1 tree: YAMLValue) {
        var paths: Set<[String]> = []
        Self.collect(fieldsV1: tree, path: [], into: &paths)
        self.init(paths: paths)
    }

    /// The fields manager `manager` owns by `Apply` in a live object; nil when it owns none.
    package init?(liveObject object: YAMLValue, manager: String) {
        guard case .sequence(let entries) = object["metadata"]?["managedFields"] ?? .null else { return nil }
        var found: KubeFieldSet?
        for entry in entries where entry["manager"]?.stringValue == manager && entry["operation"]?.stringValue == "Apply" {
            let fields = KubeFieldSet(fieldsV1: entry["fieldsV1"] ?? .mapping([]))
            found = KubeFieldSet(paths: (found?.paths ?? []).union(fields.paths))
        }
        guard let found else { return nil }
        self = found
    }

    /// The set as a `fieldsV1` tree, as the server records it (lists as leaves).
    package var fieldsV1: YAMLValue {
        var root: YAMLValue = .mapping([])
        for path in paths.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            Self.insert(path[...], into: &root)
        }
        return root
    }

    private static func insert(_ path: ArraySlice<String>, into tree: inout YAMLValue) {
        guard let first = path.first else { return }
        var child = tree["f:" + first] ?? .mapping([])
        insert(path.dropFirst(), into: &child)
        tree.set("f:" + first, child)
    }

    private static func collect(_ value: YAMLValue, path: [String], into paths: inout Set<[String]>) {
        guard case .mapping(let pairs) = value, !pairs.isEmpty else {
            paths.insert(path)
            return
        }
        for pair in pairs {
            let key: String
            switch pair.key {
            case .string(let string): key = string
            default: key = pair.key.jsonText
            }
            collect(pair.value, path: path + [key], into: &paths)
        }
    }

    private static func collect(fieldsV1 tree: YAMLValue, path: [String], into paths: inout Set<[String]>) {
        guard case .mapping(let pairs) = tree else {
            if !path.isEmpty { paths.insert(path) }
            return
        }
        let children = pairs.compactMap { pair -> (String, YAMLValue)? in
            guard case .string(let key) = pair.key, key != "." else { return nil }
            return (key, pair.value)
        }
        if children.isEmpty || children.contains(where: { !$0.0.hasPrefix("f:") }) {
            // A leaf, or a list's items (`k:`, `v:`, `i:`): the path ends here.
            if !path.isEmpty { paths.insert(path) }
            return
        }
        for (key, child) in children {
            collect(fieldsV1: child, path: path + [String(key.dropFirst(2))], into: &paths)
        }
    }
}
