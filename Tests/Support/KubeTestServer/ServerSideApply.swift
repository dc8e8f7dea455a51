import YAML

/// Server-side apply of one configuration onto one live object, with field ownership.
///
/// A simplification of structured-merge-diff: lists merge by key only for the fields in
/// ``ListKeys``; everything else is atomic. Conflicts arise when another manager owns a field
/// the configuration sets to a different value.
struct ServerSideApply {
    var manager: String
    var force: Bool
    var apiVersion: String
    var time: String
    /// Whether `status` belongs to a subresource (and so is not applied through the main resource).
    var skipStatus: Bool

    /// One field another manager owns with a different value.
    struct Conflict: Hashable {
        var manager: String
        var path: [String]
    }

    /// The applied object with its new `managedFields`, or the conflicts that stop the apply.
    func apply(_ configuration: YAMLValue, to live: YAMLValue) -> Result<YAMLValue, ConflictError> {
        let config = Self.withoutNulls(configuration)
        let configured = FieldSet.applied(config, skipStatus: skipStatus)
        var ownership = ManagedFields(object: live)
        let mine = ownership.entries.firstIndex { $0.manager == manager && $0.operation == "Apply" && $0.subresource == nil }
        let conflicts = findConflicts(configured, config: config, live: live, ownership: ownership, except: mine)
        if !conflicts.isEmpty {
            guard force else { return .failure(ConflictError(conflicts: conflicts)) }
            for index in ownership.entries.indices {
                let lost = Set(conflicts.filter { $0.manager == ownership.entries[index].conflictName }.map(\.path))
                ownership.entries[index].fields.paths.subtract(lost)
            }
        }
        var merged = ObjectMerge.apply(config, onto: live)
        let previous = mine.map { ownership.entries[$0].fields } ?? FieldSet()
        var keep = configured.paths
        for (index, entry) in ownership.entries.enumerated() where index != mine { keep.formUnion(entry.fields.paths) }
        let removal = previous.paths.subtracting(keep).sorted { $0.count > $1.count }
        let kept = FieldSet(keep)
        for path in removal where !kept.hasDescendant(of: path) {
            FieldPathNavigator.remove(path, from: &merged)
        }
        if let mine {
            if ownership.entries[mine].fields != configured || merged != live {
                ownership.entries[mine].time = time
            }
            ownership.entries[mine].fields = configured
            ownership.entries[mine].apiVersion = apiVersion
        } else {
            ownership.entries.append(
                ManagedFieldsEntry(manager: manager, operation: "Apply", apiVersion: apiVersion, time: time, fields: configured))
        }
        for index in ownership.entries.indices {
            ownership.entries[index].fields = ownership.entries[index].fields.existing(in: merged)
        }
        ownership.entries.removeAll { $0.fields.isEmpty }
        ownership.store(in: &merged)
        return .success(merged)
    }

    private func findConflicts(
        _ configured: FieldSet, config: YAMLValue, live: YAMLValue, ownership: ManagedFields, except mine: Int?
    ) -> [Conflict] {
        var conflicts: [Conflict] = []
        for (index, entry) in ownership.entries.enumerated() where index != mine {
            for path in entry.fields.paths.intersection(configured.paths) {
                if path.last?.hasPrefix("k:") == true { continue }
                let current = FieldPathNavigator.value(at: path, in: live)
                if current != FieldPathNavigator.value(at: path, in: config) {
                    conflicts.append(Conflict(manager: entry.conflictName, path: path))
                }
            }
        }
        return conflicts.sorted {
            ($0.manager, FieldPathNavigator.describe($0.path)) < ($1.manager, FieldPathNavigator.describe($1.path))
        }
    }

    /// Applied configurations may write `key: null`; it sets nothing.
    static func withoutNulls(_ value: YAMLValue) -> YAMLValue {
        switch value {
        case .mapping(let pairs):
            return .mapping(pairs.compactMap { $0.value == .null ? nil : YAMLPair($0.key, withoutNulls($0.value)) })
        case .sequence(let items):
            return .sequence(items.map(withoutNulls))
        default:
            return value
        }
    }
}
