import Foundation
import YAML

/// POST and PUT, and the one place every write is checked, stamped and stored.
extension KubeAPI {
    func create(_ target: Target, _ request: APIRequest) throws(APIError) -> APIResponse {
        var body = try BodyDecoder.object(request)
        try checkKind(body, target.kind)
        let name = try objectName(body, target.kind)
        body.set(path: ["metadata", "name"], .string(name))
        try checkNamespace(&body, target)
        for field in ["uid", "resourceVersion", "creationTimestamp", "generation", "managedFields", "deletionTimestamp"] {
            body.remove(path: ["metadata", field])
        }
        if store[target.key(name)] != nil { throw .status(.alreadyExists(target.kind, name: name)) }
        body = KindRules.attributed(body, kind: target.kind)
        var ownership = ManagedFields(object: nil)
        ownership.recordUpdate(
            manager: request.updateManager, apiVersion: target.kind.groupVersion, time: Self.timestamp(), old: nil,
            new: body, skipStatus: target.kind.hasStatus)
        ownership.store(in: &body)
        return try commit(target, name: name, old: nil, candidate: body, request: request)
    }

    func update(_ target: Target, name: String, _ request: APIRequest) throws(APIError) -> APIResponse {
        var body = try BodyDecoder.object(request)
        try checkKind(body, target.kind)
        let bodyName = body[path: ["metadata", "name"]]?.stringValue ?? name
        guard bodyName == name else {
            throw .status(.badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(name))"))
        }
        body.set(path: ["metadata", "name"], .string(name))
        try checkNamespace(&body, target)
        guard let old = store[target.key(name)] else { throw .status(.notFound(target.kind, name: name)) }
        // A PUT without a resourceVersion replaces whatever is there.
        let expected = body[path: ["metadata", "resourceVersion"]]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        return try commitUpdate(target, name: name, old: old, candidate: body, expectedVersion: expected, request: request)
    }

    /// An update (PUT or merge patch) of an existing object: 409 when the client named another
    /// resourceVersion than the live one; otherwise the kind's rules, the updating manager's
    /// ownership of what changed, and the commit.
    func commitUpdate(
        _ target: Target, name: String, old: YAMLValue, candidate: YAMLValue, expectedVersion: String?, request: APIRequest
    ) throws(APIError) -> APIResponse {
        if let expectedVersion, expectedVersion != old[path: ["metadata", "resourceVersion"]]?.stringValue {
            throw .status(.modified(target.kind, name: name))
        }
        var updated = KindRules.attributed(candidate, kind: target.kind)
        var ownership = ManagedFields(object: old)
        ownership.recordUpdate(
            manager: request.updateManager, apiVersion: target.kind.groupVersion, time: Self.timestamp(), old: old,
            new: updated, skipStatus: target.kind.hasStatus)
        ownership.store(in: &updated)
        return try commit(target, name: name, old: old, candidate: updated, request: request)
    }

    /// Applies the kind's rules, schema defaults and validation, then stores the object with a
    /// new resourceVersion — unless nothing changed (same resourceVersion, no write) or the
    /// request is a dry run (nothing stored; a create answers without resourceVersion).
    func commit(
        _ target: Target, name: String, old: YAMLValue?, candidate: YAMLValue, request: APIRequest
    ) throws(APIError) -> APIResponse {
        let time = Self.timestamp()
        var object = KindRules.prepare(candidate, kind: target.kind)
        if target.kind.hasStatus, target.kind.kind != "Namespace" {
            if let status = old?["status"] { object.set("status", status) } else { object.remove("status") }
        }
        if target.kind.isCustom, let schema = registry.schema(for: target.kind) {
            let pruned = SchemaPruning.prune(object, schema: schema)
            if !pruned.unknown.isEmpty, request.query["fieldValidation"] == "Strict" {
                throw .status(SchemaPruning.strictError(target.kind, unknown: pruned.unknown))
            }
            object = SchemaDefaults.apply(schema, to: pruned.object)
            let causes = SchemaValidation.validate(object, schema: schema)
            if !causes.isEmpty { throw .status(invalid(target.kind, name: name, causes)) }
        }
        if isCRD(target.kind) { object = try prepareCRD(object, old: old, name: name, time: time) }
        if let old, let revision = old[path: ["metadata", "resourceVersion"]]?.stringValue,
            ObjectShape.stamp(object, kind: target.kind, old: old, revision: revision, time: time) == old
        {
            return .json(200, served(old, kind: target.kind))
        }
        let revision = request.isDryRun ? old?[path: ["metadata", "resourceVersion"]]?.stringValue : store.nextRevision()
        let stamped = ObjectShape.stamp(object, kind: target.kind, old: old, revision: revision, time: time)
        if !request.isDryRun {
            store[target.key(name)] = stamped
            if isCRD(target.kind) { crdStored(name: name, isNew: old == nil) }
        }
        return .json(old == nil ? 201 : 200, served(stamped, kind: target.kind))
    }

    /// 400 when the body names another kind or group-version than the URL.
    func checkKind(_ body: YAMLValue, _ kind: ResourceKind) throws(APIError) {
        if let written = body["kind"]?.stringValue, written != kind.kind {
            throw .status(.badRequest("the kind in the data (\(written)) does not match the expected kind (\(kind.kind))"))
        }
        if let written = body["apiVersion"]?.stringValue, written != kind.groupVersion {
            let (group, _) = Self.splitAPIVersion(written)
            guard group == kind.group else {
                throw .status(
                    .badRequest("the API version in the data (\(written)) does not match the expected API version (\(kind.groupVersion))"))
            }
        }
    }

    static func splitAPIVersion(_ apiVersion: String) -> (group: String, version: String) {
        guard let slash = apiVersion.lastIndex(of: "/") else { return ("", apiVersion) }
        return (String(apiVersion[..<slash]), String(apiVersion[apiVersion.index(after: slash)...]))
    }

    /// Sets the body's namespace from the URL (400 when they differ) and checks it exists (404).
    func checkNamespace(_ body: inout YAMLValue, _ target: Target) throws(APIError) {
        guard target.kind.namespaced, let namespace = target.namespace else {
            body.remove(path: ["metadata", "namespace"])
            return
        }
        if let written = body[path: ["metadata", "namespace"]]?.stringValue, !written.isEmpty, written != namespace {
            throw .status(.badRequest("the namespace of the provided object does not match the namespace sent on the request"))
        }
        body.set(path: ["metadata", "namespace"], .string(namespace))
        guard let namespaceKind = BuiltinKinds.core.first(where: { $0.kind == "Namespace" }) else { return }
        if store[ObjectKey(kind: namespaceKind, namespace: nil, name: namespace)] == nil {
            throw .status(.notFound(namespaceKind, name: namespace))
        }
    }

    /// `metadata.name`, or one made from `generateName`; 422 without either or when invalid.
    func objectName(_ body: YAMLValue, _ kind: ResourceKind) throws(APIError) -> String {
        var name = body[path: ["metadata", "name"]]?.stringValue ?? ""
        if name.isEmpty, let prefix = body[path: ["metadata", "generateName"]]?.stringValue, !prefix.isEmpty {
            let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
            name = prefix + String((0..<5).compactMap { _ in alphabet.randomElement() })
        }
        guard !name.isEmpty else {
            throw .status(
                invalid(kind, name: "", [InvalidCause(
                    reason: "FieldValueRequired", message: "Required value: name or generateName is required",
                    field: "metadata.name")]))
        }
        try Self.checkName(name, kind)
        return name
    }

    /// 422 unless the name is an RFC 1123 subdomain (what most kinds require).
    static func checkName(_ name: String, _ kind: ResourceKind) throws(APIError) {
        let allowed = name.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
        let edges = name.first.map { $0.isLetter || $0.isNumber } == true && name.last.map { $0.isLetter || $0.isNumber } == true
        guard allowed, edges, name.utf8.count <= 253 else {
            let message = "Invalid value: \"\(name)\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
                + "characters, '-' or '.', and must start and end with an alphanumeric character"
            throw .status(
                StatusBody.invalid(
                    qualifiedKind: kind.qualifiedKind, name: name, group: kind.group.isEmpty ? nil : kind.group, kind: kind.kind,
                    causes: [InvalidCause(reason: "FieldValueInvalid", message: message, field: "metadata.name")]))
        }
    }

    func invalid(_ kind: ResourceKind, name: String, _ causes: [InvalidCause]) -> StatusBody {
        StatusBody.invalid(
            qualifiedKind: kind.qualifiedKind, name: name, group: kind.group.isEmpty ? nil : kind.group, kind: kind.kind,
            causes: causes)
    }
}
