import Diagnostics
import Kube
import YAML

extension Runner {
    /// `destroy`: undoes what the walk collected, last declared first across every module — a
    /// Stream object before the release of the controller that manages it, releases before the
    /// CRDs and namespace an earlier task made. Returns false when a step failed.
    func destroy() async -> Bool {
        var steps = destroySteps.reversed()[...]
        while let step = steps.first {
            let succeeded: Bool
            switch step {
            case .kube:
                // A run of k8s tasks is one batch, so custom resources go before their CRDs.
                let run = steps.prefix { if case .kube = $0 { true } else { false } }
                steps = steps.dropFirst(run.count)
                succeeded = await destroyObjects(run.reversed().compactMap { if case .kube(let target) = $0 { target } else { nil } })
            case .helm(let target):
                steps = steps.dropFirst()
                succeeded = await destroyRelease(target)
            case .jetStream(let target):
                steps = steps.dropFirst()
                succeeded = await destroyJetStream(target)
            }
            if !succeeded { return false }
        }
        return true
    }

    /// Deletes k8s tasks' objects, last declared first, custom resources before the CRDs that
    /// define them; waits for each to be gone so the next deletion (a namespace, a CRD) does not
    /// race it. Returns false when a deletion failed.
    private func destroyObjects(_ targets: [DestroyTarget]) async -> Bool {
        for (target, object) in Self.destroyOrder(targets) {
            let reference = KubeObjectReference(object: object)
            let succeeded = await reportDeletion(task: target.task, location: target.location, item: reference.description) {
                let client = try await kubeClient(kubeconfig: target.kubeconfig, context: target.context)
                return try await delete(object, reference, client)
            }
            if !succeeded { return false }
        }
        return true
    }

    /// One deletion of `destroy` as a task event: stops first when the user asked to, turns a
    /// failure into a located diagnostic, times it, counts it. Returns false when the run must stop.
    func reportDeletion(task: String, location: SourceSpan, item: String?, _ body: () async throws -> ObjectChange) async -> Bool {
        if options.interrupted() {
            wasInterrupted = true
            return false
        }
        let started = ContinuousClock.now
        var event = TaskEvent(task: task, status: .ok, item: item, location: location, durationMilliseconds: 0)
        do {
            let change = try await body()
            event.item = item ?? change.object
            event.status = change.action == .delete ? .changed : .ok
            event.changes = [change]
        } catch {
            let failure = ModuleFailure.from(error)
            event.status = .failed
            event.diagnostic = failure.diagnostic(at: location)
            event.message = failure.message
        }
        event.durationMilliseconds = (ContinuousClock.now - started).wholeMilliseconds
        recap.count(event.status)
        emit(.task(event))
        return event.status != .failed
    }

    private func delete(_ object: YAMLValue, _ reference: KubeObjectReference, _ client: any KubeClient) async throws -> ObjectChange {
        guard let resource = try await resolve(reference, client) else {
            return ObjectChange(action: .unchanged, object: reference.description, note: "its kind is not served, so it is gone")
        }
        var placed = reference
        if !resource.namespaced { placed.namespace = nil } else if placed.namespace == nil { placed.namespace = client.defaultNamespace }
        let outcome = try await client.delete(resource, name: placed.name, namespace: placed.namespace, propagation: .foreground)
        guard outcome == .deleted else {
            return ObjectChange(action: .unchanged, object: placed.description, note: "already absent")
        }
        try await KubeWaiter(client: client, clock: options.clock, interrupted: options.interrupted).waitUntilGone(placed, resource, timeout: .seconds(300), sleep: .seconds(2))
        if resource.kind == "CustomResourceDefinition" { await client.invalidateDiscovery() }
        return ObjectChange(action: .delete, object: placed.description)
    }

    private func resolve(_ reference: KubeObjectReference, _ client: any KubeClient) async throws(KubeError) -> KubeResource? {
        try await client.resource(apiVersion: reference.apiVersion, kind: reference.kind)
    }

    /// Reverse declaration order, except that the custom resources of a CRD's kind always come
    /// before that CRD, so no object is left without the kind that defines it.
    static func destroyOrder(_ targets: [DestroyTarget]) -> [(DestroyTarget, YAMLValue)] {
        let all = Array(targets.flatMap { target in target.objects.map { (target, $0) } }.reversed())
        let definedKind = { (object: YAMLValue) -> String? in
            guard object["kind"]?.stringValue == "CustomResourceDefinition", let spec = object["spec"],
                let group = spec["group"]?.stringValue, let kind = spec["names"]?["kind"]?.stringValue
            else { return nil }
            return group + "/" + kind
        }
        let groupKind = { (object: YAMLValue) -> String in
            KubeResource.split(apiVersion: object["apiVersion"]?.stringValue ?? "").group + "/" + (object["kind"]?.stringValue ?? "")
        }
        var order: [(DestroyTarget, YAMLValue)] = []
        var taken = Set<Int>()
        for (index, entry) in all.enumerated() where !taken.contains(index) {
            if let kind = definedKind(entry.1) {
                for (later, other) in all.enumerated() where later > index && !taken.contains(later) && groupKind(other.1) == kind {
                    order.append(other)
                    taken.insert(later)
                }
            }
            order.append(entry)
            taken.insert(index)
        }
        return order
    }
}
