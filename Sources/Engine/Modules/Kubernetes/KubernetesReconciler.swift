import Kube
import YAML

/// Brings one object to its declared state, or in `plan` says what that would take.
///
/// Change detection costs one GET when nothing changed: the live object already holds every
/// value, and rig's `managedFields` entry holds exactly the fields it is about to apply (so
/// nothing would be dropped). Otherwise the server answers a dry-run apply, compared with the
/// live object, server-owned fields pruned. Only then, in `apply`, comes the real write.
struct KubernetesReconciler {
    let runner: Runner
    let client: any KubeClient
    let request: KubernetesRequest
    let hidden: Bool

    struct Outcome {
        var change: ObjectChange
        /// The object as it now is (or would be), for `register`.
        var object: YAMLValue?
    }

    var planning: Bool { runner.options.mode == .plan }

    func reconcile(_ declared: YAMLValue, prefetched: KubernetesPrefetch.Entry? = nil) async throws -> Outcome {
        let reference = KubeObjectReference(object: declared)
        guard !reference.apiVersion.isEmpty, !reference.kind.isEmpty, !reference.name.isEmpty else {
            throw KubeError.config(
                "an object needs apiVersion, kind and metadata.name (got \(reference.description.isEmpty ? "none" : reference.description))")
        }
        let found: KubeResource?
        if let prefetched { found = prefetched.resource } else { found = try await resolve(reference) }
        guard let resource = found else {
            return try unserved(declared, reference)
        }
        let object = request.placed(declared, namespaced: resource.namespaced, fallback: client.defaultNamespace)
        let placed = KubeObjectReference(object: object)
        do {
            switch request.state {
            case .absent: return try await delete(object, placed, resource)
            case .present, .patched: return try await present(object, placed, resource, prefetched: prefetched)
            }
        } catch let error as KubeError {
            throw error.about(placed)
        }
    }

    /// The kind's resource, asking discovery again once when it is not (yet) known.
    private func resolve(_ reference: KubeObjectReference) async throws(KubeError) -> KubeResource? {
        if let found = try await client.resource(apiVersion: reference.apiVersion, kind: reference.kind) { return found }
        await client.invalidateDiscovery()
        return try await client.resource(apiVersion: reference.apiVersion, kind: reference.kind)
    }

    /// A kind the cluster does not serve: fine in `plan` when an earlier task's CRD brings it,
    /// and for `state: absent`; an error otherwise.
    private func unserved(_ declared: YAMLValue, _ reference: KubeObjectReference) throws -> Outcome {
        let group = KubeResource.split(apiVersion: reference.apiVersion).group
        if request.state == .absent {
            let placed = KubeObjectReference(object: request.placed(declared, namespaced: nil))
            return Outcome(change: change(.unchanged, placed, note: "its kind is not served, so it is gone"), object: nil)
        }
        if planning, let namespaced = runner.plannedKinds[group + "/" + reference.kind] {
            let object = request.placed(declared, namespaced: namespaced)
            return Outcome(change: change(.create, KubeObjectReference(object: object), note: "its CRD comes from an earlier task"), object: object)
        }
        throw KubeError(
            code: "kube.status", statusCode: 404, reason: "NotFound",
            message: "the cluster does not serve kind \(reference.kind) in \(reference.apiVersion)", object: reference,
            hint: "install its CustomResourceDefinition first, in a k8s task earlier in the play; check apiVersion and kind for typos")
    }

    private func present(
        _ object: YAMLValue, _ reference: KubeObjectReference, _ resource: KubeResource, prefetched: KubernetesPrefetch.Entry?
    ) async throws -> Outcome {
        if planning, resource.namespaced, let namespace = reference.namespace, runner.plannedNamespaces.contains(namespace) {
            remember(object)
            return Outcome(change: change(.create, reference, note: "its namespace comes from an earlier task"), object: object)
        }
        let options = KubeApplyOptions(fieldManager: request.fieldManager, force: request.forceConflicts)
        let current: YAMLValue?
        if let prefetched { current = prefetched.live } else { current = try await client.get(resource, name: reference.name, namespace: reference.namespace) }
        guard let live = current else {
            if planning {
                remember(object)
                return Outcome(change: change(.create, reference), object: object)
            }
            let created = try await client.apply(object, resource: resource, options: options)
            let settled = try await settle(created, reference, resource, wrote: true)
            return Outcome(change: change(.create, reference), object: settled)
        }
        if KubeObjectComparison.isUnchanged(desired: object, live: live, manager: request.fieldManager) {
            let settled = planning ? live : try await settle(live, reference, resource, wrote: false)
            return Outcome(change: change(.unchanged, reference), object: settled)
        }
        var preview = options
        preview.dryRun = true
        let answer = try await client.apply(object, resource: resource, options: preview)
        let fields = KubeObjectComparison.changes(from: live, to: answer)
        if fields.isEmpty {
            let settled = planning ? live : try await settle(live, reference, resource, wrote: false)
            return Outcome(change: change(.unchanged, reference), object: settled)
        }
        if planning { return Outcome(change: change(.update, reference, fields: fields), object: answer) }
        let applied = try await client.apply(object, resource: resource, options: options)
        let settled = try await settle(applied, reference, resource, wrote: true)
        return Outcome(change: change(.update, reference, fields: KubeObjectComparison.changes(from: live, to: applied)), object: settled)
    }

    private func delete(_ object: YAMLValue, _ reference: KubeObjectReference, _ resource: KubeResource) async throws -> Outcome {
        guard try await client.get(resource, name: reference.name, namespace: reference.namespace) != nil else {
            return Outcome(change: change(.unchanged, reference, note: "already absent"), object: nil)
        }
        if planning { return Outcome(change: change(.delete, reference), object: nil) }
        let outcome = try await client.delete(resource, name: reference.name, namespace: reference.namespace, propagation: .foreground)
        if outcome == .deleted, request.wait {
            try await KubeWaiter(client: client, clock: runner.options.clock, interrupted: runner.options.interrupted)
                .waitUntilGone(reference, resource, timeout: request.waitTimeout, sleep: request.waitSleep)
        }
        if resource.kind == "CustomResourceDefinition" { await client.invalidateDiscovery() }
        return Outcome(change: change(outcome == .deleted ? .delete : .unchanged, reference), object: nil)
    }

    /// After a write: CRDs are waited on until Established (later tasks use their kinds), and
    /// `wait` waits for the object's readiness or `wait_condition`.
    private func settle(_ object: YAMLValue, _ reference: KubeObjectReference, _ resource: KubeResource, wrote: Bool) async throws -> YAMLValue {
        let waiter = KubeWaiter(client: client, clock: runner.options.clock, interrupted: runner.options.interrupted)
        var current = object
        if resource.kind == "CustomResourceDefinition" {
            current = try await waiter.waitUntilReady(reference, resource, condition: nil, timeout: request.waitTimeout, sleep: request.waitSleep, current: current)
            // Discovery changes only when the CRD did.
            if wrote { await client.invalidateDiscovery() }
        }
        if request.wait {
            current = try await waiter.waitUntilReady(
                reference, resource, condition: request.waitCondition, timeout: request.waitTimeout, sleep: request.waitSleep, current: current)
        }
        return current
    }

    /// In `plan`, what later tasks may rely on: namespaces and CRD kinds that would be created.
    private func remember(_ object: YAMLValue) {
        let reference = KubeObjectReference(object: object)
        switch reference.kind {
        case "Namespace": runner.plannedNamespaces.insert(reference.name)
        case "CustomResourceDefinition":
            guard let spec = object["spec"], let group = spec["group"]?.stringValue, let kind = spec["names"]?["kind"]?.stringValue else { return }
            runner.plannedKinds[group + "/" + kind] = spec["scope"]?.stringValue != "Cluster"
        default: break
        }
    }

    private func change(_ action: ObjectChange.Action, _ reference: KubeObjectReference, fields: [KubeFieldChange] = [], note: String? = nil) -> ObjectChange {
        ObjectChange(
            action: action, object: reference.description, fields: ObjectChange.masked(fields, kind: reference.kind, hideAll: hidden), note: note)
    }
}
