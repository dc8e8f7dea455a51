import Helm
import Kube
import YAML

/// Brings one release to its declared state, or in `plan` says what that would take.
///
/// The release record helm keeps in the cluster is read through rig's `KubeClient` (one LIST);
/// its status, chart name, version, user values (as data) and rig's fingerprint are compared with
/// the declared ones. Only a difference starts helm: a render (`--dry-run=server`, in `plan`, or
/// when only the fingerprint differs) and `upgrade --install` or `uninstall` (never in `plan`).
struct HelmReconciler {
    let runner: Runner
    let store: HelmReleaseStore
    let request: HelmRequest
    let hidden: Bool

    struct Outcome {
        var change: ObjectChange
        /// The release as it now is, for `register`.
        var release: HelmRelease?
    }

    var planning: Bool { runner.options.mode == .plan }

    func reconcile() async throws -> Outcome {
        let live = try await read()
        switch request.state {
        case .absent: return try await uninstall(live)
        case .present: return try await install(live)
        }
    }

    private func read() async throws -> HelmRelease? {
        do {
            let found = try await store.latest(release: request.release, namespace: request.namespace)
            return found?.status == "uninstalled" ? nil : found
        } catch let error as KubeError {
            throw ModuleFailure(error)
        } catch let error as HelmError {
            throw ModuleFailure(error)
        }
    }

    /// The no-op path starts no helm: the release is deployed, its chart, version and values are
    /// the declared ones, and it carries the fingerprint rig would record now. Otherwise `plan`
    /// renders the chart (`--dry-run=server`) and shows the objects that would change; `apply`
    /// renders only when the record alone cannot decide, upgrades, and reports what the new
    /// revision's manifest changed.
    private func install(_ live: HelmRelease?) async throws -> Outcome {
        if let live, live.isPending { throw Self.stuck(live) }
        let fields = differences(live)
        let fingerprint = request.fingerprint
        let current = live?.status == "deployed" && fields.isEmpty
        if current, let fingerprint, live?.fingerprint == fingerprint {
            return Outcome(change: change(.unchanged), release: live)
        }
        let action: ObjectChange.Action = live == nil ? .create : .update
        var note = live == nil ? "chart \(request.chartDescription)" : (live?.status == "failed" ? "its last revision \(live?.revision ?? 0) failed" : nil)
        var upgrade = upgradeRequest()
        if let fingerprint { upgrade.labels = [HelmFingerprint.label: fingerprint] }
        let client = try await runner.helmClient(binaryPath: request.binaryPath)
        if planning, let waiting = unrenderable() {
            return Outcome(change: change(action, fields: fields, note: waiting), release: live)
        }
        if planning || current {
            let rendered: HelmRelease
            switch await render(client, upgrade) {
            case .success(let release): rendered = release
            case .failure(let error):
                // In plan, a chart whose custom resources need CRDs an earlier task creates cannot render yet.
                guard planning, !runner.plannedKinds.isEmpty, Self.missingKind(error) else { throw ModuleFailure(error) }
                return Outcome(change: change(action, fields: fields, note: "helm can render its objects once an earlier task's CRDs exist"), release: live)
            }
            let members = await memberChanges(from: live?.manifest, to: rendered.manifest)
            if current, members.allSatisfy({ $0.action == .unchanged }) {
                return Outcome(change: change(.unchanged, note: "rendered: the same objects"), release: live)
            }
            if current { note = "the chart renders other objects than the release holds" }
            if planning { return Outcome(change: change(action, fields: fields, note: note, members: members), release: live) }
        }
        try await helm { () async throws(HelmError) in
            if request.updateRepoCache { try await runner.updateHelmRepositoriesOnce(client) }
            try await client.upgrade(upgrade)
        }
        let after = try await read()
        let members = await memberChanges(from: live?.manifest, to: after?.manifest ?? "")
        return Outcome(change: change(action, fields: fields, note: note, members: members), release: after)
    }

    /// `helm upgrade --install --dry-run=server`, after the one repository update a task may ask for.
    private func render(_ client: any HelmClient, _ upgrade: HelmUpgradeRequest) async -> Result<HelmRelease, HelmError> {
        do throws(HelmError) {
            if request.updateRepoCache { try await runner.updateHelmRepositoriesOnce(client) }
            return .success(try await client.render(upgrade))
        } catch {
            return .failure(error)
        }
    }

    /// Whether helm failed for a kind the cluster does not serve (yet).
    static func missingKind(_ error: HelmError) -> Bool {
        ["no matches for kind", "resource mapping not found", "ensure CRDs are installed first"].contains { error.message.contains($0) }
    }

    /// Why `plan` cannot render the chart yet: its repository is added by an earlier task.
    private func unrenderable() -> String? {
        let parts = request.chart.split(separator: "/")
        guard !request.chart.contains("://"), parts.count == 2, runner.plannedHelmRepositories.contains(String(parts[0])) else { return nil }
        return "its chart repository \(parts[0]) comes from an earlier task; its objects show once that is added"
    }

    /// The release's objects, from one manifest to another, object by object.
    private func memberChanges(from before: String?, to after: String) async -> [ObjectChange] {
        let client = store.client
        func namespaced(_ apiVersion: String, _ kind: String) async -> Bool? {
            guard let found = try? await client.resource(apiVersion: apiVersion, kind: kind) else { return nil }
            return found.namespaced
        }
        var old: [YAMLValue]?
        if let before { old = await HelmManifest.objects(before, namespace: request.namespace, namespaced: namespaced) }
        guard let new = await HelmManifest.objects(after, namespace: request.namespace, namespaced: namespaced) else {
            return [ObjectChange(action: .update, object: "manifest", note: "helm rendered something that is not YAML")]
        }
        return HelmManifest.changes(from: old ?? [], to: new, hideAll: hidden)
    }

    /// Runs helm calls; a failure becomes the task's failure with helm's output and hint.
    private func helm<T>(_ body: () async throws(HelmError) -> T) async throws -> T {
        do throws(HelmError) {
            return try await body()
        } catch {
            throw ModuleFailure(error)
        }
    }

    private func uninstall(_ live: HelmRelease?) async throws -> Outcome {
        guard let live else { return Outcome(change: change(.unchanged, note: "already absent"), release: nil) }
        if planning { return Outcome(change: change(.delete), release: live) }
        var uninstall = HelmUninstallRequest(release: request.release, namespace: request.namespace)
        uninstall.connection = request.connection(runner.options.kube)
        uninstall.wait = request.wait
        uninstall.timeout = request.timeout
        let client = try await runner.helmClient(binaryPath: request.binaryPath)
        do throws(HelmError) {
            try await client.uninstall(uninstall)
        } catch {
            throw ModuleFailure(error)
        }
        return Outcome(change: change(.delete), release: nil)
    }

    /// What differs between the release and the declaration: chart, version, values.
    private func differences(_ live: HelmRelease?) -> [KubeFieldChange] {
        var fields: [KubeFieldChange] = []
        if let name = request.chartName, name != live?.chartName {
            fields.append(KubeFieldChange(path: ["chart"], before: live.map { .string($0.chartName) }, after: .string(name)))
        }
        if let version = request.chartVersion, version != live?.chartVersion {
            fields.append(KubeFieldChange(path: ["version"], before: live.map { .string($0.chartVersion) }, after: .string(version)))
        }
        let same =
            request.valuesMode == .reuse
            ? KubeObjectComparison.isSubset(request.values, of: live?.values ?? .mapping([]))
            : HelmValues.equal(live?.values ?? .mapping([]), request.values)
        if live == nil || !same {
            let values = HelmValues.changes(from: live?.values, to: request.values)
            if hidden {
                fields += ObjectChange.masked(values, kind: "", hideAll: true)
            } else if !runner.options.showValues {
                fields += ObjectChange.masked(values, kind: "", hideAll: true, as: ObjectChange.hiddenValue)
            } else {
                fields += values
            }
        }
        return fields
    }

    private func upgradeRequest() -> HelmUpgradeRequest {
        var upgrade = HelmUpgradeRequest(
            release: request.release, namespace: request.namespace, chart: request.chart, version: request.explicitVersion, values: request.values)
        upgrade.valuesMode = request.valuesMode
        upgrade.connection = request.connection(runner.options.kube)
        upgrade.createNamespace = request.createNamespace
        upgrade.wait = request.wait
        upgrade.timeout = request.timeout
        upgrade.atomic = request.atomic
        upgrade.force = request.force
        upgrade.takeOwnership = request.takeOwnership
        upgrade.skipCRDs = request.skipCRDs
        upgrade.historyMax = request.historyMax
        return upgrade
    }

    /// A release helm left mid-operation: rig does not retry it, it says how to get out.
    static func stuck(_ live: HelmRelease) -> ModuleFailure {
        let place = "\(live.name) --namespace \(live.namespace)"
        let way =
            live.status == "pending-install" || live.revision <= 1
            ? "helm uninstall \(place)" : "helm rollback \(place) (back to revision \(live.revision - 1))"
        return ModuleFailure(
            message: .string("helm release \(live.namespace)/\(live.name) is stuck in \(live.status) at revision \(live.revision)"),
            code: "helm.pending",
            hint: "another helm may still be running on it; if not, run `\(way)` and run rig again")
    }

    private func change(_ action: ObjectChange.Action, fields: [KubeFieldChange] = [], note: String? = nil, members: [ObjectChange] = []) -> ObjectChange {
        ObjectChange(action: action, object: request.object, fields: fields, note: note, members: members)
    }
}
