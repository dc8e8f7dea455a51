import YAML

/// The port through which rig talks to one Kubernetes cluster: discovery, read, server-side apply
/// and delete. The live implementation is `HTTPKubeClient` (module KubeHTTP); the engine's tests
/// use `InMemoryKubeClient`.
///
/// Objects are JSON trees held as `YAMLValue` (ordered mappings with string keys). Every method
/// fails with a `KubeError` that names the object it was about.
package protocol KubeClient: Sendable {
    /// The resource that serves `kind` in `apiVersion` (`v1`, `apps/v1`,
    /// `jetstream.nats.io/v1beta2`), from discovery cached for the run; nil when the cluster does
    /// not serve that kind (yet: its CRD may come from an earlier task).
    func resource(apiVersion: String, kind: String) async throws(KubeError) -> KubeResource?

    /// The namespace for namespaced objects that name none: the kubeconfig context's, else `default`,
    /// as kubectl does.
    var defaultNamespace: String { get }

    /// Forgets cached discovery, so kinds from a CRD created a moment ago are found.
    func invalidateDiscovery() async

    /// The live object, or nil when it does not exist (a 404).
    func get(_ resource: KubeResource, name: String, namespace: String?) async throws(KubeError) -> YAMLValue?

    /// Every object of a kind in one namespace (or cluster-wide for cluster-scoped kinds), each
    /// with its `apiVersion` and `kind` set; an empty list when the namespace does not exist.
    /// `labelSelector` (equality terms, `owner=helm,name=nats`) keeps only the matching objects.
    func list(_ resource: KubeResource, namespace: String?, labelSelector: String?) async throws(KubeError) -> [YAMLValue]

    /// Server-side apply (`PATCH` with `application/apply-patch+yaml`) of one object; returns the
    /// object as the server has (or, with `dryRun`, would have) it.
    func apply(_ object: YAMLValue, resource: KubeResource, options: KubeApplyOptions) async throws(KubeError) -> YAMLValue

    /// Deletes one object; `.notFound` when it was already gone.
    func delete(
        _ resource: KubeResource, name: String, namespace: String?, propagation: KubePropagation
    ) async throws(KubeError) -> KubeDeleteOutcome
}

extension KubeClient {
    /// The namespace for namespaced objects that name none: the kubeconfig context's, else `default`.
    package var defaultNamespace: String { "default" }

    /// Every object of a kind in one namespace, unfiltered.
    package func list(_ resource: KubeResource, namespace: String?) async throws(KubeError) -> [YAMLValue] {
        try await list(resource, namespace: namespace, labelSelector: nil)
    }
}

/// How to apply: which field manager, whether to take over conflicting fields, and whether the
/// server should only say what it would store (`dryRun=All`).
package struct KubeApplyOptions: Sendable, Hashable {
    package var fieldManager: String
    package var force: Bool
    package var dryRun: Bool

    package init(fieldManager: String = "rig", force: Bool = false, dryRun: Bool = false) {
        self.fieldManager = fieldManager
        self.force = force
        self.dryRun = dryRun
    }
}

/// The `propagationPolicy` of a delete.
package enum KubePropagation: String, Sendable, Hashable {
    case foreground = "Foreground"
    case background = "Background"
    case orphan = "Orphan"
}

/// What a delete found.
package enum KubeDeleteOutcome: Sendable, Hashable {
    /// The server accepted the delete; the object may linger while finalizers run.
    case deleted
    /// There was nothing to delete.
    case notFound
}

/// Makes the client for one kubeconfig and context, so tasks that name their own `kubeconfig` or
/// `context` talk to the right cluster. Clients are reused for the whole run.
package protocol KubeClientProvider: Sendable {
    /// The client for a kubeconfig path (nil: `KUBECONFIG`, then `~/.kube/config`, then the
    /// in-cluster service account) and a context (nil: the kubeconfig's `current-context`).
    func client(kubeconfig: String?, context: String?) async throws(KubeError) -> any KubeClient
}
