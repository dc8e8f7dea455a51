import Kube

/// One kind the test server serves, with what discovery says about it.
///
/// Built-in kinds come from ``BuiltinKinds``; custom kinds from stored CRDs (``CRDRegistry``).
struct ResourceKind: Sendable, Hashable {
    var resource: KubeResource
    var singular: String
    var shortNames: [String] = []
    var categories: [String] = []
    /// Whether the kind has a `status` subresource (writes to the main resource keep the live status).
    var hasStatus = false
    /// Whether the kind comes from a CRD; discovery writes custom kinds slightly differently.
    var isCustom = false
    /// The name of the CRD that defines the kind, when custom.
    var definedBy: String?

    var group: String { resource.group }
    var version: String { resource.version }
    var kind: String { resource.kind }
    var plural: String { resource.plural }
    var namespaced: Bool { resource.namespaced }
    var listKind: String { resource.kind + "List" }
    var groupVersion: String { resource.apiVersion }

    /// The verbs discovery lists; the real server writes custom kinds' verbs in another order.
    var verbs: [String] {
        if isCustom { return ["delete", "deletecollection", "get", "list", "patch", "create", "update", "watch"] }
        if kind == "Namespace" { return ["create", "delete", "get", "list", "patch", "update", "watch"] }
        return ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
    }

    /// `configmaps` for core kinds, `deployments.apps` otherwise: how Status details name a kind
    /// in messages (`configmaps "x" not found`, `deployments.apps "x" not found`).
    var qualifiedPlural: String { group.isEmpty ? plural : "\(plural).\(group)" }
}

extension ResourceKind {
    /// Whether objects carry `metadata.generation` (custom kinds and the workload-like groups).
    var tracksGeneration: Bool {
        isCustom || ["apps", "batch", "policy", "networking.k8s.io", "apiextensions.k8s.io"].contains(group)
    }

    /// `Stream.jetstream.nats.io` or `ConfigMap`: how 422 messages name a kind.
    var qualifiedKind: String { group.isEmpty ? kind : "\(kind).\(group)" }
}
