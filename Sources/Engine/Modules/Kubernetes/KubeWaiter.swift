import Kube
import YAML

/// Polls an object until it is ready (or gone), on the run's clock: at once, then at growing
/// intervals up to the task's `wait_sleep`, until `wait_timeout`.
struct KubeWaiter {
    let client: any KubeClient
    let clock: any RunClock
    var interrupted: @Sendable () -> Bool = { false }

    func waitUntilReady(
        _ reference: KubeObjectReference, _ resource: KubeResource, condition: KubeWaitCondition?, timeout: Duration, sleep: Duration,
        current: YAMLValue
    ) async throws -> YAMLValue {
        var object = current
        var state = readiness(object, condition)
        let deadline = clock.now() + timeout
        var interval = min(Duration.milliseconds(250), sleep)
        while !state.isReady {
            guard clock.now() < deadline else {
                guard case .waiting(let reason) = state else { break }
                throw KubeError(
                    code: "kube.timeout", message: "not ready after \(timeout.seconds) s: \(reason)", object: reference,
                    hint: "raise wait_timeout, or look at the object with kubectl describe")
            }
            try await pause(interval)
            interval = min(interval * 2, sleep)
            guard let fresh = try await client.get(resource, name: reference.name, namespace: reference.namespace) else {
                throw KubeError(code: "kube.status", statusCode: 404, reason: "NotFound", message: "disappeared while rig waited for it", object: reference)
            }
            object = fresh
            state = readiness(object, condition)
        }
        return object
    }

    func waitUntilGone(_ reference: KubeObjectReference, _ resource: KubeResource, timeout: Duration, sleep: Duration) async throws {
        let deadline = clock.now() + timeout
        var interval = min(Duration.milliseconds(250), sleep)
        while try await client.get(resource, name: reference.name, namespace: reference.namespace) != nil {
            guard clock.now() < deadline else {
                throw KubeError(
                    code: "kube.timeout", message: "still there \(timeout.seconds) s after it was deleted", object: reference,
                    hint: "its finalizers may be waiting on something; look at metadata.finalizers")
            }
            try await pause(interval)
            interval = min(interval * 2, sleep)
        }
    }

    private func readiness(_ object: YAMLValue, _ condition: KubeWaitCondition?) -> KubeReadiness {
        condition.map { KubeReadiness.of(object, condition: $0) } ?? KubeReadiness.of(object)
    }

    private func pause(_ interval: Duration) async throws {
        if interrupted() { throw KubeError.interrupted }
        do {
            try await clock.sleep(for: interval)
        } catch {
            throw KubeError.interrupted
        }
    }
}

extension Duration {
    /// Whole seconds, for messages.
    var seconds: Int64 { components.seconds }
}
