import Diagnostics
import Kube
import OrderedCollections
import Template
import YAML

/// `kubernetes.core.k8s`: objects from `definition`, `src`, `template` or the `kind`/`name`
/// shorthand, rendered offline, planned and applied with server-side apply, and collected for
/// `destroy`.
struct KubernetesModule: ReconcilingModule {
    let invocation: ModuleInvocation

    func render() async throws -> ModuleResult {
        let request = try await self.request()
        for object in request.objects {
            let placed = request.placed(object, namespaced: nil)
            let reference = KubeObjectReference(object: placed)
            let place = reference.namespace.map { "\($0)/" } ?? ""
            let verb = request.state == .absent ? " (would be deleted)" : ""
            let kind = reference.kind.isEmpty ? "object" : reference.kind
            invocation.emit(
                title: "\(kind) \(place)\(reference.name.isEmpty ? "?" : reference.name)\(verb)", Value(yaml: placed),
                file: "\(kind.lowercased())-\(reference.name.isEmpty ? "?" : reference.name)", masked: Self.maskedSecret(placed))
        }
        return ModuleResult(changed: !request.objects.isEmpty)
    }

    /// A Secret with its `data` and `stringData` values replaced; nil for other kinds.
    static func maskedSecret(_ object: YAMLValue) -> Value? {
        guard object["kind"]?.stringValue == "Secret", object["apiVersion"]?.stringValue == "v1" else { return nil }
        var copy = object
        for field in ["data", "stringData"] {
            guard case .mapping(let pairs) = copy[field] ?? .null else { continue }
            copy.set(field, .mapping(pairs.map { YAMLPair($0.key, ObjectChange.sensitive) }))
        }
        return Value(yaml: copy)
    }

    func collect() async throws -> ModuleResult {
        let request = try await self.request()
        guard request.state == .present else { return ModuleResult() }
        let target = DestroyTarget(
            task: invocation.name, location: invocation.task.span, objects: request.objects.map { request.placed($0, namespaced: nil) },
            kubeconfig: request.kubeconfig, context: request.context, hidden: runner.hidingOutput)
        runner.destroySteps.append(.kube(target))
        return ModuleResult()
    }

    func request() async throws -> KubernetesRequest {
        try KubernetesRequest(invocation.options, objects: try await declaredObjects())
    }

    /// Plan or apply every object of the task, in order.
    func reconcile() async throws -> ModuleResult {
        let request = try await self.request()
        let client = try await runner.kubeClient(kubeconfig: request.kubeconfig, context: request.context)
        let reconciler = KubernetesReconciler(runner: runner, client: client, request: request, hidden: runner.hidingOutput)
        var result = ModuleResult()
        var objects: [Value] = []
        var failures: [String] = []
        // Deletions stay strictly one by one; reads for present objects go out together first.
        let prefetch = request.state == .absent ? KubernetesPrefetch() : await KubernetesPrefetch.read(request.objects, request: request, client: client)
        for (index, object) in request.objects.enumerated() {
            if runner.options.interrupted() { throw ModuleFailure(KubeError.interrupted) }
            do {
                let outcome = try await reconciler.reconcile(object, prefetched: prefetch.entries[index])
                result.changes.append(outcome.change)
                objects.append(outcome.object.map { Value(yaml: $0) } ?? .none)
            } catch let error as KubeError {
                guard request.continueOnError else { throw ModuleFailure(error) }
                failures.append(error.description)
            }
        }
        result.changed = result.changes.contains { $0.action != .unchanged }
        result.registered["changed"] = .bool(result.changed)
        result.registered["method"] = .string(result.changes.first.map { method($0.action) } ?? "none")
        result.registered["result"] = objects.count == 1 ? objects[0] : .dict([.string("results"): .list(objects)])
        if !failures.isEmpty {
            throw ModuleFailure(message: .string(failures.joined(separator: "\n")), code: "kube.status", registered: result.registered)
        }
        return result
    }

    private func method(_ action: ObjectChange.Action) -> String {
        switch action {
        case .create: "create"
        case .update: "update"
        case .delete: "delete"
        case .unchanged: "none"
        }
    }
}

extension ModuleFailure {
    /// A cluster error as the task's failure: the object, what the server said, and the hint.
    init(_ error: KubeError) {
        self.init(message: .string(error.description), code: error.code, hint: error.hint)
    }
}
