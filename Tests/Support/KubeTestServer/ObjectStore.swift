import YAML

/// Where one object lives: its kind's group and plural (all versions share storage), its
/// namespace (empty for cluster-scoped kinds) and its name.
struct ObjectKey: Sendable, Hashable, Comparable {
    var group: String
    var plural: String
    var namespace: String
    var name: String

    init(kind: ResourceKind, namespace: String?, name: String) {
        group = kind.group
        plural = kind.plural
        self.namespace = kind.namespaced ? namespace ?? "" : ""
        self.name = name
    }

    static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        (lhs.group, lhs.plural, lhs.namespace, lhs.name) < (rhs.group, rhs.plural, rhs.namespace, rhs.name)
    }
}

/// The objects of the test cluster, and the one counter every `resourceVersion` comes from.
struct ObjectStore: Sendable {
    private var objects: [ObjectKey: YAMLValue] = [:]
    /// The last resourceVersion handed out.
    private(set) var revision = 100

    /// Takes the next resourceVersion.
    mutating func nextRevision() -> String {
        revision += 1
        return String(revision)
    }

    subscript(key: ObjectKey) -> YAMLValue? {
        get { objects[key] }
        set { objects[key] = newValue }
    }

    /// The objects of one kind, in one namespace or all, ordered by namespace and name as etcd lists them.
    func list(group: String, plural: String, namespace: String?) -> [(key: ObjectKey, object: YAMLValue)] {
        objects.filter { key, _ in
            key.group == group && key.plural == plural && (namespace.map { key.namespace == $0 } ?? true)
        }
        .sorted { $0.key < $1.key }
        .map { (key: $0.key, object: $0.value) }
    }

    /// Removes every object the predicate picks; returns how many went.
    @discardableResult
    mutating func removeAll(where predicate: (ObjectKey) -> Bool) -> Int {
        let doomed = objects.keys.filter(predicate)
        for key in doomed { objects[key] = nil }
        return doomed.count
    }
}
