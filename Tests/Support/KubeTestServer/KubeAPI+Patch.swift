import YAML

/// PATCH: server-side apply, JSON merge patch and strategic merge patch.
extension KubeAPI {
    func patch(_ target: Target, name: String, _ request: APIRequest) throws(APIError) -> APIResponse {
        switch request.bodyMediaType {
        case "application/apply-patch+yaml":
            return try serverSideApply(target, name: name, request)
        case "application/merge-patch+json":
            return try mergePatch(target, name: name, request, strategic: false)
        case "application/strategic-merge-patch+json" where !target.kind.isCustom:
            return try mergePatch(target, name: name, request, strategic: true)
        default:
            throw .status(.unsupportedPatch)
        }
    }

    private func serverSideApply(_ target: Target, name: String, _ request: APIRequest) throws(APIError) -> APIResponse {
        guard let manager = request.query["fieldManager"], !manager.isEmpty else {
            throw .status(Self.missingFieldManager)
        }
        var body = try BodyDecoder.object(request)
        guard body["apiVersion"]?.stringValue != nil, body["kind"]?.stringValue != nil else {
            throw .status(.badRequest("apiVersion and kind are required in an apply configuration"))
        }
        try checkKind(body, target.kind)
        let bodyName = body[path: ["metadata", "name"]]?.stringValue ?? ""
        guard bodyName == name else {
            throw .status(.badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(name))"))
        }
        try checkNamespace(&body, target)
        for field in ["uid", "resourceVersion", "creationTimestamp", "generation", "managedFields"] {
            body.remove(path: ["metadata", field])
        }
        let old = store[target.key(name)]
        let live = old ?? .object(["apiVersion": body["apiVersion"] ?? .null, "kind": body["kind"] ?? .null, "metadata": .mapping([])])
        let apply = ServerSideApply(
            manager: manager, force: request.flag("force"), apiVersion: target.kind.groupVersion, time: Self.timestamp(),
            skipStatus: target.kind.hasStatus)
        switch apply.apply(body, to: live) {
        case .failure(let conflicts): throw .status(conflicts.status)
        case .success(let merged): return try commit(target, name: name, old: old, candidate: merged, request: request)
        }
    }

    private func mergePatch(_ target: Target, name: String, _ request: APIRequest, strategic: Bool) throws(APIError) -> APIResponse {
        let patch = try BodyDecoder.object(request)
        guard let old = store[target.key(name)] else { throw .status(.notFound(target.kind, name: name)) }
        var patched = ObjectMerge.patch(old, with: patch, strategic: strategic)
        for field in ["name", "namespace", "uid", "creationTimestamp", "managedFields"] {
            if let value = old[path: ["metadata", field]] {
                patched.set(path: ["metadata", field], value)
            } else {
                patched.remove(path: ["metadata", field])
            }
        }
        let expected = patch[path: ["metadata", "resourceVersion"]]?.stringValue
        return try commitUpdate(target, name: name, old: old, candidate: patched, expectedVersion: expected, request: request)
    }

    static let missingFieldManager = StatusBody(
        code: 422, reason: "Invalid",
        message: "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch",
        details: .object([
            "group": .string("meta.k8s.io"), "kind": .string("PatchOptions"),
            "causes": .sequence([
                InvalidCause(reason: "FieldValueRequired", message: "Required value: is required for apply patch", field: "fieldManager")
                    .value
            ]),
        ]))
}
