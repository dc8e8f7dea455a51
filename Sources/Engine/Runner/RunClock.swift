import Synchronization

/// Time for waits and retries, injected so tests never sleep.
package protocol RunClock: Sendable {
    /// Time since some fixed point, only ever compared with itself.
    func now() -> Duration
    func sleep(for duration: Duration) async throws
}

/// The real clock.
package struct SystemRunClock: RunClock {
    private let start = ContinuousClock.now

    package init() {}

    package func now() -> Duration { ContinuousClock.now - start }

    package func sleep(for duration: Duration) async throws { try await _Concurrency.Task.sleep(for: duration) }
}

/// A clock whose sleeps return at once and move time on, for tests.
package final class ManualRunClock: RunClock {
    private let elapsed = Mutex<Duration>(.zero)

    package init() {}

    package func now() -> Duration { elapsed.withLock { $0 } }

    /// Total time slept so far.
    package var slept: Duration { now() }

    package func sleep(for duration: Duration) async throws {
        try _Concurrency.Task.checkCancellation()
        elapsed.withLock { $0 += duration }
    }
}
