import Synchronization

/// A clock whose sleeps return at once and are recorded, so retry tests run instantly and can
/// check every pause. With `blocking`, sleeps wait until the task is cancelled instead.
final class TestClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration

        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private struct State {
        var now = Instant(offset: .zero)
        var sleeps: [Duration] = []
    }

    private let state = Mutex(State())
    private let blocking: Bool

    init(blocking: Bool = false) {
        self.blocking = blocking
    }

    var now: Instant { state.withLock { $0.now } }
    var minimumResolution: Duration { .zero }

    /// Every pause asked for, in order.
    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        state.withLock { state in
            state.sleeps.append(state.now.duration(to: deadline))
            state.now = max(state.now, deadline)
        }
        if blocking {
            let never = AsyncStream<Void> { _ in }
            for await _ in never {}
        }
        try Task.checkCancellation()
    }
}
