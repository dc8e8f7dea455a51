import Crypto
import YAML

/// The OpenAPI v3 index and per-group-version stub documents: only the PATCH operations, each
/// with `x-kubernetes-group-version-kind` and a `fieldValidation` parameter — enough for kubectl
/// and helm to use server-side field validation (`variants/openapi-v3-stub-docs.json`).
struct OpenAPIStub {
    var kinds: [ResourceKind]

    /// Every document path the index lists (`api`, `api/v1`, `apis`, `apis/apps`, `apis/apps/v1`…).
    var documentPaths: [String] {
        var paths = ["api", "api/v1", "apis"]
        for kind in kinds where !kind.group.isEmpty {
            for path in ["apis/\(kind.group)", "apis/\(kind.group)/\(kind.version)"] where !paths.contains(path) {
                paths.append(path)
            }
        }
        return paths
    }

    /// The index (`13`); each URL's hash is the digest of the document it names, so it changes
    /// when a CRD adds kinds.
    var index: YAMLValue {
        let entries = documentPaths.compactMap { path -> (String, YAMLValue)? in
            guard let document = document(path) else { return nil }
            let url = "/openapi/v3/\(path)?hash=\(Self.hash(document))"
            return (path, .object(["serverRelativeURL": .string(url)]))
        }
        return .object(["paths": .object(entries: entries)])
    }

    /// The stub document at `path`, or nil when there is none.
    func document(_ path: String) -> YAMLValue? {
        guard documentPaths.contains(path) else { return nil }
        let parts = path.split(separator: "/").map(String.init)
        let served: [ResourceKind]
        switch (parts.first, parts.count) {
        case ("api", 2): served = kinds.filter { $0.group.isEmpty && $0.version == parts[1] }
        case ("apis", 3): served = kinds.filter { $0.group == parts[1] && $0.version == parts[2] }
        default: served = []
        }
        var operations: [(String, YAMLValue)] = []
        for kind in served {
            operations.append((Self.objectTemplate(kind), patchOperation(kind)))
            if kind.hasStatus { operations.append((Self.objectTemplate(kind) + "/status", patchOperation(kind))) }
        }
        return .object([
            "openapi": .string("3.0.0"), "info": .object(["title": .string("Kubernetes"), "version": .string("1.36")]),
            "paths": .object(entries: operations),
        ])
    }

    private static func objectTemplate(_ kind: ResourceKind) -> String {
        let root = kind.group.isEmpty ? "/api/\(kind.version)" : "/apis/\(kind.group)/\(kind.version)"
        return kind.namespaced ? "\(root)/namespaces/{namespace}/\(kind.plural)/{name}" : "\(root)/\(kind.plural)/{name}"
    }

    private func patchOperation(_ kind: ResourceKind) -> YAMLValue {
        let parameter = YAMLValue.object([
            "name": .string("fieldValidation"), "in": .string("query"), "schema": .object(["type": .string("string")]),
        ])
        return .object([
            "patch": .object([
                "x-kubernetes-group-version-kind": .object([
                    "group": .string(kind.group), "version": .string(kind.version), "kind": .string(kind.kind),
                ]),
                "parameters": .sequence([parameter]),
            ])
        ])
    }

    static func hash(_ document: YAMLValue) -> String {
        SHA512.hash(data: document.jsonBytes).map { byte in
            let text = String(byte, radix: 16, uppercase: true)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
