import Helm
import Kube
import YAML

/// Brings one release to its declared state, or in `plan` says what that would take.
///
/// The release record helm keeps in the cluster is read through rig's `KubeClient` (one LIST);
/// chart name, version and user values (as data) are compared with the declared ones. Only a
/// difference starts helm (`upgrade --install` or `uninstall`), and never in `plan`.
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

    private func install(_ live: HelmRelease?) async throws -> Outcome {
        if let live, live.isPending { throw Self.stuck(live) }
        let fields = differences(live)
        guard live == nil || live?.status == "failed" || !fields.isEmpty else {
            return Outcome(change: change(.unchanged), release: live)
        }
        let action: ObjectChange.Action = live == nil ? .create : .update
        let note = live == nil ? "chart \(request.chartDescription)" : (live?.status == "failed" ? "its last revision \(live?.revision ?? 0) failed" : nil)
        if planning { return Outcome(change: change(action, fields: fields, note: note), release: live) }
        let client = try await runner.helmClient(binaryPath: request.binaryPath)
        do throws(HelmError) {
            if request.updateRepoCache { try await runner.updateHelmRepositoriesOnce(client) }
            try await client.upgrade(upgradeRequest())
        } catch {
            throw ModuleFailure(error)
        }
        return Outcome(change: change(action, fields: fields, note: note), release: try await read())
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
        if live == nil || !HelmValues.equal(live?.values ?? .mapping([]), request.values) {
            let values = HelmValues.changes(from: live?.values, to: request.values)
            fields += hidden ? ObjectChange.masked(values, kind: "", hideAll: true) : values
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

    private func change(_ action: ObjectChange.Action, fields: [KubeFieldChange] = [], note: String? = nil) -> ObjectChange {
        ObjectChange(action: action, object: request.object, fields: fields, note: note)
    }
}
