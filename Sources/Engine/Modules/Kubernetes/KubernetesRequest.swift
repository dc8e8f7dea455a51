import Kube
import OrderedCollections
import Template
import YAML

/// A `kubernetes.core.k8s` call with its options read: the objects it declares and what to do
/// with them. Built the same way in every mode, so `render`, `plan`, `apply` and `destroy` agree
/// on what the task means.
struct KubernetesRequest: Sendable {
    enum State: String, Sendable {
        case present, absent, patched
    }

    var objects: [YAMLValue]
    var state: State
    var namespace: String?
    var kubeconfig: String?
    var context: String?
    var fieldManager = "rig"
    var forceConflicts = false
    var wait = false
    var waitCondition: KubeWaitCondition?
    var waitTimeout: Duration = .seconds(120)
    var waitSleep: Duration = .seconds(5)
    var continueOnError = false

    init(_ options: [String: Value], objects: [Value]) throws {
        func text(_ names: String...) throws -> String? {
            for name in names { if let value = options[name], !value.isNone { return try value.pythonString() } }
            return nil
        }
        func flag(_ name: String) -> Bool { options[name].map { $0.isTruthy } ?? false }
        self.objects = try objects.map { object throws -> YAMLValue in
            do throws(TemplateError) {
                return try object.yamlValue()
            } catch {
                throw ModuleFailure(message: .string("a k8s definition holds something that is not data: \(error.diagnostic.summary)"))
            }
        }
        guard let state = State(rawValue: try text("state") ?? "present") else {
            throw ModuleFailure(message: .string("state must be present, absent or patched"))
        }
        self.state = state
        namespace = try text("namespace")
        kubeconfig = try text("kubeconfig", "kubeconfig_path")
        context = try text("context", "kube_context")
        if let serverSide = options["server_side_apply"]?.stringKeyed {
            fieldManager = try serverSide["field_manager"].map { try $0.pythonString() } ?? "rig"
            forceConflicts = serverSide["force_conflicts"]?.isTruthy ?? false
        }
        forceConflicts = forceConflicts || flag("force")
        wait = flag("wait")
        if let condition = options["wait_condition"]?.stringKeyed, let type = condition["type"] {
            waitCondition = KubeWaitCondition(
                type: try type.pythonString(), status: try condition["status"].map { try $0.pythonString() } ?? "True",
                reason: try condition["reason"].map { try $0.pythonString() })
        }
        if let seconds = try text("wait_timeout").flatMap(Int.init) { waitTimeout = .seconds(seconds) }
        if let seconds = try text("wait_sleep").flatMap(Int.init) { waitSleep = .seconds(seconds) }
        continueOnError = flag("continue_on_error")
    }

    /// Kinds that are never namespaced, so the task's `namespace` is not added to them offline
    /// (live runs ask discovery instead).
    static let clusterScoped: Set<String> = [
        "Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding", "PersistentVolume", "StorageClass",
        "Node", "PriorityClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService",
        "IngressClass", "RuntimeClass", "CSIDriver",
    ]

    /// The object with the task's namespace filled in where it has none (else, for a kind known
    /// to be namespaced, `fallback`: the kubeconfig context's namespace); `namespaced` says
    /// whether the kind takes one (nil: guess from the well-known cluster-scoped kinds).
    func placed(_ object: YAMLValue, namespaced: Bool?, fallback: String = "default") -> YAMLValue {
        let kind = object["kind"]?.stringValue ?? ""
        let takesNamespace = namespaced ?? !Self.clusterScoped.contains(kind)
        var copy = object
        var metadata = copy["metadata"] ?? .mapping([])
        if !takesNamespace {
            if namespaced == false, metadata["namespace"] != nil { metadata.remove("namespace") }
        } else if metadata["namespace"]?.stringValue == nil, let namespace {
            metadata.set("namespace", .string(namespace))
        } else if metadata["namespace"]?.stringValue == nil, namespaced == true {
            metadata.set("namespace", .string(fallback))
        }
        copy.set("metadata", metadata)
        return copy
    }
}

extension Value {
    /// Python truthiness for option flags (`wait: yes` arrives as true; `"false"` strings too).
    var isTruthy: Bool {
        switch self {
        case .bool(let bool): return bool
        case .string(let string): return ["true", "yes", "on", "1"].contains(string.lowercased())
        case .int(let int): return int != 0
        default: return false
        }
    }
}
