import Kube

/// The built-in kinds the test server serves: the ones rig, the nats and nack charts, and kubectl
/// need. The table is data; discovery, OpenAPI and storage all read it.
enum BuiltinKinds {
    /// Group order as a v1.36 server lists it, core first.
    static let all: [ResourceKind] = core + apps + batch + networking + policy + rbac + apiextensions

    static let core: [ResourceKind] = [
        kind("", "v1", "ConfigMap", "configmaps", shortNames: ["cm"]),
        kind("", "v1", "Endpoints", "endpoints", singular: "endpoints", shortNames: ["ep"]),
        kind("", "v1", "Event", "events", shortNames: ["ev"]),
        kind("", "v1", "Namespace", "namespaces", namespaced: false, shortNames: ["ns"], hasStatus: true),
        kind("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", shortNames: ["pvc"], hasStatus: true),
        kind("", "v1", "Pod", "pods", shortNames: ["po"], categories: ["all"], hasStatus: true),
        kind("", "v1", "Secret", "secrets"),
        kind("", "v1", "ServiceAccount", "serviceaccounts", shortNames: ["sa"]),
        kind("", "v1", "Service", "services", shortNames: ["svc"], categories: ["all"], hasStatus: true),
    ]

    static let apps: [ResourceKind] = [
        kind("apps", "v1", "DaemonSet", "daemonsets", shortNames: ["ds"], categories: ["all"], hasStatus: true),
        kind("apps", "v1", "Deployment", "deployments", shortNames: ["deploy"], categories: ["all"], hasStatus: true),
        kind("apps", "v1", "ReplicaSet", "replicasets", shortNames: ["rs"], categories: ["all"], hasStatus: true),
        kind("apps", "v1", "StatefulSet", "statefulsets", shortNames: ["sts"], categories: ["all"], hasStatus: true),
    ]

    static let batch: [ResourceKind] = [
        kind("batch", "v1", "CronJob", "cronjobs", shortNames: ["cj"], categories: ["all"], hasStatus: true),
        kind("batch", "v1", "Job", "jobs", categories: ["all"], hasStatus: true),
    ]

    static let networking: [ResourceKind] = [
        kind("networking.k8s.io", "v1", "Ingress", "ingresses", shortNames: ["ing"], hasStatus: true),
        kind("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", shortNames: ["netpol"]),
    ]

    static let policy: [ResourceKind] = [
        kind("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", shortNames: ["pdb"], hasStatus: true)
    ]

    static let rbac: [ResourceKind] = [
        kind("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", namespaced: false),
        kind("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", namespaced: false),
        kind("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings"),
        kind("rbac.authorization.k8s.io", "v1", "Role", "roles"),
    ]

    static let apiextensions: [ResourceKind] = [
        kind(
            "apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", namespaced: false,
            shortNames: ["crd", "crds"], categories: ["api-extensions"], hasStatus: true)
    ]

    private static func kind(
        _ group: String, _ version: String, _ kind: String, _ plural: String, singular: String? = nil,
        namespaced: Bool = true, shortNames: [String] = [], categories: [String] = [], hasStatus: Bool = false
    ) -> ResourceKind {
        ResourceKind(
            resource: KubeResource(group: group, version: version, kind: kind, plural: plural, namespaced: namespaced),
            singular: singular ?? kind.lowercased(), shortNames: shortNames, categories: categories,
            hasStatus: hasStatus)
    }
}
