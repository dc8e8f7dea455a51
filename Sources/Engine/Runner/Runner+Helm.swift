import Helm
import Kube

extension Runner {
    /// The helm client for a task's `binary_path` (nil: the run's default helm).
    func helmClient(binaryPath: String?) async throws -> any HelmClient {
        guard let provider = options.helm else {
            throw ModuleFailure(message: .string("no helm: this run was started without one"), code: "helm.binary")
        }
        do {
            return try await provider.client(binaryPath: binaryPath)
        } catch {
            throw ModuleFailure(error)
        }
    }

    /// `helm repo update`, at most once per run, and only when a release is about to be upgraded.
    func updateHelmRepositoriesOnce(_ client: any HelmClient) async throws(HelmError) {
        guard !helmRepositoriesUpdated else { return }
        try await client.updateRepositories()
        helmRepositoriesUpdated = true
    }

    /// `destroy` for a release: uninstalled (with `--wait` when its task waits); a release helm
    /// has no record of is reported as already absent without starting helm. Returns false when it failed.
    func destroyRelease(_ target: HelmDestroyTarget) async -> Bool {
        await reportDeletion(task: target.task, location: target.location, item: target.request.object) {
            try await uninstall(target.request)
        }
    }

    private func uninstall(_ request: HelmRequest) async throws -> ObjectChange {
        let kube = try await kubeClient(kubeconfig: request.kubeconfig, context: request.context)
        let live: HelmRelease?
        do {
            live = try await HelmReleaseStore(client: kube).latest(release: request.release, namespace: request.namespace)
        } catch let error as KubeError {
            throw ModuleFailure(error)
        }
        guard let live, live.status != "uninstalled" else {
            return ObjectChange(action: .unchanged, object: request.object, note: "already absent")
        }
        var uninstall = HelmUninstallRequest(release: request.release, namespace: request.namespace)
        uninstall.connection = request.connection(options.kube)
        uninstall.wait = request.wait
        uninstall.timeout = request.timeout
        let client = try await helmClient(binaryPath: request.binaryPath)
        do throws(HelmError) {
            try await client.uninstall(uninstall)
        } catch {
            throw ModuleFailure(error)
        }
        return ObjectChange(action: .delete, object: request.object)
    }
}
