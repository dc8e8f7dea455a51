import Kube
import YAML

/// A release's rendered objects, compared object by object: what `plan` shows under a release
/// and what `apply` reports an upgrade changed. Objects are matched by kind, namespace and name
/// as written in the manifest; Secret data is masked, and every value of a `no_log` task.
enum HelmManifest {
    /// The objects of a manifest (one YAML stream), in order, each namespaced one without a
    /// namespace placed in the release's (as helm places it); nil when it is not YAML.
    /// `namespaced` says whether a kind is namespaced (nil: unknown, left as written).
    static func objects(
        _ manifest: String, namespace: String, namespaced: (_ apiVersion: String, _ kind: String) async -> Bool?
    ) async -> [YAMLValue]? {
        guard let documents = try? YAMLLoader.loadValues(manifest, path: "manifest") else { return nil }
        var objects: [YAMLValue] = []
        for var document in documents {
            guard case .mapping = document else { continue }
            if document["metadata"]?["namespace"] == nil,
                await namespaced(document["apiVersion"]?.stringValue ?? "", document["kind"]?.stringValue ?? "") == true
            {
                var metadata = document["metadata"] ?? .mapping([])
                metadata.set("namespace", .string(namespace))
                document.set("metadata", metadata)
            }
            objects.append(document)
        }
        return objects
    }

    /// The changes from the release's manifest (nil: no release) to a rendered one: `+` for new
    /// objects, `~` with fields for changed ones, `-` for objects the chart no longer renders,
    /// `=` for the rest.
    static func changes(from old: [YAMLValue], to new: [YAMLValue], hideAll: Bool) -> [ObjectChange] {
        var remaining = Dictionary(old.map { (KubeObjectReference(object: $0), $0) }, uniquingKeysWith: { first, _ in first })
        var result: [ObjectChange] = []
        for object in new {
            let reference = KubeObjectReference(object: object)
            guard let previous = remaining.removeValue(forKey: reference) else {
                result.append(ObjectChange(action: .create, object: reference.description))
                continue
            }
            let fields = ObjectChange.masked(KubeObjectComparison.changes(from: previous, to: object), kind: reference.kind, hideAll: hideAll)
            result.append(ObjectChange(action: fields.isEmpty ? .unchanged : .update, object: reference.description, fields: fields))
        }
        for object in old {
            let reference = KubeObjectReference(object: object)
            if remaining[reference] != nil { result.append(ObjectChange(action: .delete, object: reference.description)) }
        }
        return result
    }
}
