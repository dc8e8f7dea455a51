import Kube

/// Discovery for one client, fetched once per run and shared by every task.
///
/// Concurrent callers that find the cache empty wait for one fetch. `clear()` forgets it (after a
/// CRD was applied); a fetch that was under way when it was cleared still answers its callers
/// but is not kept.
actor KubeDiscoveryCache {
    private var discovery: KubeDiscovery?
    /// Callers waiting for the fetch started in a generation.
    private var waiters: [Int: [CheckedContinuation<Result<KubeDiscovery, KubeError>, Never>]] = [:]
    private var generation = 0
    /// How many times discovery was fetched, for tests.
    private(set) var fetches = 0

    /// The cached discovery, fetching it with `load` when there is none.
    func current(load: @Sendable () async throws(KubeError) -> KubeDiscovery) async throws(KubeError) -> KubeDiscovery {
        if let discovery { return discovery }
        let started = generation
        if waiters[started] != nil {
            let result = await withCheckedContinuation { continuation in waiters[started, default: []].append(continuation) }
            return try result.get()
        }
        waiters[started] = []
        fetches += 1
        let result: Result<KubeDiscovery, KubeError>
        do {
            result = .success(try await load())
        } catch {
            result = .failure(error)
        }
        if case .success(let fetched) = result, started == generation { discovery = fetched }
        let waiting = waiters.removeValue(forKey: started) ?? []
        for waiter in waiting { waiter.resume(returning: result) }
        return try result.get()
    }

    /// Keeps a resource list fetched later (plain discovery).
    func store(_ resources: [KubeResource], for apiVersion: String) {
        guard discovery?.serves(apiVersion) ?? false else { return }
        discovery?.groupVersions[apiVersion] = .some(resources)
    }

    /// Forgets everything.
    func clear() {
        discovery = nil
        generation += 1
    }
}
