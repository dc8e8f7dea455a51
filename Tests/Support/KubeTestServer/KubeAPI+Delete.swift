import YAML

/// DELETE of one object or a collection, with the cascades a cluster's garbage collector and
/// namespace controller would do at once.
extension KubeAPI {
    func delete(_ target: Target, name: String, _ request: APIRequest) throws(APIError) -> APIResponse {
        guard let old = store[target.key(name)] else { throw .status(.notFound(target.kind, name: name)) }
        let options = try deleteOptions(request)
        let dryRun = request.isDryRun || options?["dryRun"]?.items?.contains(.string("All")) == true
        let policy = options?["propagationPolicy"]?.stringValue ?? request.query["propagationPolicy"]
        if !dryRun { remove(target, name: name) }
        var shown = served(old, kind: target.kind)
        let time = Self.timestamp()
        switch (policy, target.kind.kind) {
        case ("Foreground", _):
            shown = deleting(shown, time: time, finalizer: "foregroundDeletion", dryRun: dryRun)
        case (_, "Namespace"):
            shown = deleting(shown, time: time, finalizer: nil, dryRun: dryRun)
            shown.set(path: ["status", "phase"], .string("Terminating"))
        case (_, "CustomResourceDefinition"):
            shown = deleting(shown, time: time, finalizer: "customresourcecleanup.apiextensions.k8s.io", dryRun: dryRun)
        default:
            let uid = old[path: ["metadata", "uid"]]?.stringValue ?? ""
            return StatusBody.deleted(target.kind, name: name, uid: uid).response
        }
        return .json(200, ObjectShape.ordered(shown, kind: target.kind))
    }

    func deleteCollection(_ target: Target, _ request: APIRequest) throws(APIError) -> APIResponse {
        _ = try deleteOptions(request)
        let doomed = try selected(target, request)
        if !request.isDryRun {
            for object in doomed {
                guard let name = object[path: ["metadata", "name"]]?.stringValue else { continue }
                var namespaced = target
                namespaced.namespace = object[path: ["metadata", "namespace"]]?.stringValue
                remove(namespaced, name: name)
            }
        }
        return .json(
            200,
            .object([
                "kind": .string(target.kind.listKind), "apiVersion": .string(target.kind.groupVersion),
                "metadata": .object(["resourceVersion": .string(String(store.revision))]),
                "items": .sequence(doomed.map { ObjectShape.listItem(served($0, kind: target.kind), kind: target.kind) }),
            ]))
    }

    /// The `DeleteOptions` body, if there is one; 400 when it cannot be read.
    private func deleteOptions(_ request: APIRequest) throws(APIError) -> YAMLValue? {
        guard !request.body.isEmpty else { return nil }
        return try BodyDecoder.object(request)
    }

    /// Removes an object and what depends on it: a namespace's objects, a CRD's resources.
    private func remove(_ target: Target, name: String) {
        store[target.key(name)] = nil
        _ = store.nextRevision()
        if target.kind.group.isEmpty, target.kind.kind == "Namespace" {
            let namespaced = Set(kinds.filter(\.namespaced).map { "\($0.group)/\($0.plural)" })
            store.removeAll { $0.namespace == name && namespaced.contains("\($0.group)/\($0.plural)") }
        }
        if isCRD(target.kind) { crdRemoved(name: name) }
    }

    private func deleting(_ object: YAMLValue, time: String, finalizer: String?, dryRun: Bool) -> YAMLValue {
        var object = object
        object.set(path: ["metadata", "deletionTimestamp"], .string(time))
        object.set(path: ["metadata", "deletionGracePeriodSeconds"], .int(0))
        if let finalizer {
            var finalizers = object[path: ["metadata", "finalizers"]]?.items ?? []
            if !finalizers.contains(.string(finalizer)) { finalizers.append(.string(finalizer)) }
            object.set(path: ["metadata", "finalizers"], .sequence(finalizers))
        }
        if !dryRun { object.set(path: ["metadata", "resourceVersion"], .string(String(store.revision))) }
        return object
    }
}
