import YAML

/// How rig decides, without writing, whether an apply would change an object.
package enum KubeObjectComparison {
    /// Fields the server owns and that never count as a change.
    static let serverMetadata: Set<String> = ["managedFields", "resourceVersion", "generation", "uid", "creationTimestamp", "selfLink"]

    /// The object without the fields the server owns: `status` and the server's metadata.
    package static func pruned(_ object: YAMLValue) -> YAMLValue {
        var copy = object
        copy.remove("status")
        if var metadata = copy["metadata"] {
            for field in serverMetadata { metadata.remove(field) }
            if case .mapping(let pairs) = metadata["annotations"] ?? .null, pairs.isEmpty { metadata.remove("annotations") }
            copy.set("metadata", metadata)
        }
        return copy
    }

    /// True when applying `desired` as `manager` would change nothing on `live`: every value it
    /// sets is already there, and it sets exactly the fields the manager applied last time (so no
    /// field would be dropped). False means "ask the server", not "it changes".
    package static func isUnchanged(desired: YAMLValue, live: YAMLValue, manager: String) -> Bool {
        // No entry for the manager is an empty set: the server keeps none for an apply that sets
        // no field (a bare Namespace), and then applying nothing again changes nothing.
        let owned = KubeFieldSet(liveObject: live, manager: manager) ?? KubeFieldSet()
        guard owned == KubeFieldSet(appliedObject: desired) else { return false }
        var body = desired
        body.remove("apiVersion")
        body.remove("kind")
        return isSubset(body, of: live)
    }

    /// True when every value in `part` is in `whole` (mappings by key, sequences item by item
    /// with the same length, numbers by value).
    package static func isSubset(_ part: YAMLValue, of whole: YAMLValue) -> Bool {
        switch (part, whole) {
        case (.mapping(let pairs), .mapping):
            return pairs.allSatisfy { pair in
                guard case .string(let key) = pair.key, let other = whole[key] else { return pair.value == .null }
                return isSubset(pair.value, of: other)
            }
        case (.sequence(let items), .sequence(let others)):
            return items.count == others.count && zip(items, others).allSatisfy { isSubset($0, of: $1) }
        case (.int(let int), .float(let double)), (.float(let double), .int(let int)):
            return Double(int) == double
        default:
            return part == whole
        }
    }

    /// The field-level differences from `before` to `after`, both pruned first. Lists of named
    /// items (containers, env, ports, volumes: every item a mapping with a unique `name`) are
    /// compared item by item, as `containers[web].image`; other lists, and named lists whose only
    /// change is their order, are compared whole.
    package static func changes(from before: YAMLValue?, to after: YAMLValue?) -> [KubeFieldChange] {
        var changes: [KubeFieldChange] = []
        diff(before.map(pruned), after.map(pruned), path: [], into: &changes)
        return changes
    }

    private static func diff(_ before: YAMLValue?, _ after: YAMLValue?, path: [String], into changes: inout [KubeFieldChange]) {
        switch (before, after) {
        case (nil, nil): return
        case (.mapping(let old)?, .mapping(let new)?):
            for pair in new {
                let key = keyText(pair.key)
                diff(old.first { $0.key == pair.key }?.value, pair.value, path: path + [key], into: &changes)
            }
            for pair in old where !new.contains(where: { $0.key == pair.key }) {
                diff(pair.value, nil, path: path + [keyText(pair.key)], into: &changes)
            }
        case (.sequence(let old)?, .sequence(let new)?):
            if let oldNamed = named(old), let newNamed = named(new) {
                let count = changes.count
                for (name, item) in newNamed {
                    diff(oldNamed.first { $0.name == name }?.item, item, path: path + ["[\(name)]"], into: &changes)
                }
                for (name, item) in oldNamed where !newNamed.contains(where: { $0.name == name }) {
                    diff(item, nil, path: path + ["[\(name)]"], into: &changes)
                }
                if changes.count > count || old == new { return }
            }
            if isSubset(.sequence(old), of: .sequence(new)) && isSubset(.sequence(new), of: .sequence(old)) { return }
            changes.append(KubeFieldChange(path: path, before: before, after: after))
        default:
            if let before, let after, before == after || (isSubset(before, of: after) && isSubset(after, of: before)) { return }
            changes.append(KubeFieldChange(path: path, before: before, after: after))
        }
    }

    /// The items of a list by their `name`, when every item is a mapping with a unique string name.
    private static func named(_ items: [YAMLValue]) -> [(name: String, item: YAMLValue)]? {
        var result: [(name: String, item: YAMLValue)] = []
        var seen = Set<String>()
        for item in items {
            guard let name = item["name"]?.stringValue, !name.isEmpty, seen.insert(name).inserted else { return nil }
            result.append((name, item))
        }
        return result.isEmpty ? nil : result
    }

    private static func keyText(_ key: YAMLValue) -> String {
        if case .string(let string) = key { return string }
        return key.jsonText
    }
}

/// One field that differs: added (no `before`), removed (no `after`) or changed.
package struct KubeFieldChange: Sendable, Hashable {
    package var path: [String]
    package var before: YAMLValue?
    package var after: YAMLValue?

    package init(path: [String], before: YAMLValue?, after: YAMLValue?) {
        self.path = path
        self.before = before
        self.after = after
    }

    /// `spec.template.metadata.labels["app.kubernetes.io/name"]`-style, as kubectl explain writes
    /// paths; an item of a named list is `containers[web]`.
    package var pathText: String {
        var text = ""
        for segment in path {
            if segment.hasPrefix("["), segment.hasSuffix("]") {
                text += segment
                continue
            }
            let plain = segment.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            if plain {
                text += text.isEmpty ? segment : "." + segment
            } else {
                text += "[\"\(segment)\"]"
            }
        }
        return text
    }
}
