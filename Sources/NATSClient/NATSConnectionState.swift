import JetStream
import Synchronization

/// What a connection's channel handler and its users share: the replies awaited by inbox
/// subject, the PINGs awaiting their PONG, the server's INFO, subscriptions' streams, and
/// why the connection ended. Every access goes through one `Mutex`, so it is `Sendable`
/// without `@unchecked`; continuations are resumed outside the lock.
package final class NATSConnectionState: Sendable {
    typealias Reply = CheckedContinuation<Result<NATSMessage, JetStreamError>, Never>
    typealias Pong = CheckedContinuation<Result<Void, JetStreamError>, Never>
    typealias InfoWaiter = CheckedContinuation<Result<String, JetStreamError>, Never>

    struct State {
        var replies: [String: Reply] = [:]
        var pongs: [Pong] = []
        var info: String?
        var infoWaiter: InfoWaiter?
        var subscriptions: [String: AsyncStream<NATSMessage>.Continuation] = [:]
        var failure: JetStreamError?
    }

    private let state = Mutex(State())

    init() {}

    /// Why the connection is unusable, nil while it works.
    var failure: JetStreamError? { state.withLock { $0.failure } }

    func waitForInfo() async -> Result<String, JetStreamError> {
        await withCheckedContinuation { (continuation: InfoWaiter) in
            let ready: Result<String, JetStreamError>? = state.withLock { state in
                if let info = state.info { return .success(info) }
                if let failure = state.failure { return .failure(failure) }
                state.infoWaiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    func receivedInfo(_ json: String) {
        let waiter = state.withLock { state -> InfoWaiter? in
            guard state.info == nil else { return nil }
            state.info = json
            defer { state.infoWaiter = nil }
            return state.infoWaiter
        }
        waiter?.resume(returning: .success(json))
    }

    /// Registers a PONG waiter; `send` writes the PING once it is registered.
    func waitForPong(send: () -> Void) async -> Result<Void, JetStreamError> {
        await withCheckedContinuation { (continuation: Pong) in
            let failure = state.withLock { state -> JetStreamError? in
                if let failure = state.failure { return failure }
                state.pongs.append(continuation)
                return nil
            }
            if let failure { continuation.resume(returning: .failure(failure)) } else { send() }
        }
    }

    func receivedPong() {
        let waiter = state.withLock { state -> Pong? in state.pongs.isEmpty ? nil : state.pongs.removeFirst() }
        waiter?.resume(returning: .success(()))
    }

    /// Registers a reply waiter under its inbox subject; `send` publishes the request.
    func waitForReply(_ inbox: String, send: () -> Void) async -> Result<NATSMessage, JetStreamError> {
        await withCheckedContinuation { (continuation: Reply) in
            let failure = state.withLock { state -> JetStreamError? in
                if let failure = state.failure { return failure }
                state.replies[inbox] = continuation
                return nil
            }
            if let failure { continuation.resume(returning: .failure(failure)) } else { send() }
        }
    }

    /// Ends one wait (timeout, cancellation, failed write); nothing when it already ended.
    func abandon(_ inbox: String, _ error: JetStreamError) {
        let waiter = state.withLock { $0.replies.removeValue(forKey: inbox) }
        waiter?.resume(returning: .failure(error))
    }

    func addSubscription(_ sid: String, _ continuation: AsyncStream<NATSMessage>.Continuation) {
        state.withLock { $0.subscriptions[sid] = continuation }
    }

    func removeSubscription(_ sid: String) {
        let continuation = state.withLock { $0.subscriptions.removeValue(forKey: sid) }
        continuation?.finish()
    }

    /// Hands a message to the request waiting on its subject, or to its subscription.
    func deliver(_ message: NATSMessage) {
        let (reply, subscription) = state.withLock { state in
            (state.replies.removeValue(forKey: message.subject), state.subscriptions[message.sid])
        }
        if let reply {
            reply.resume(returning: .success(message))
        } else {
            subscription?.yield(message)
        }
    }

    /// The connection ended: every waiter learns why, and later calls fail at once.
    func fail(_ error: JetStreamError) {
        let taken = state.withLock { state -> (State) in
            if state.failure == nil { state.failure = error }
            let taken = state
            state.replies = [:]
            state.pongs = []
            state.infoWaiter = nil
            state.subscriptions = [:]
            return taken
        }
        let reason = taken.failure ?? error
        for reply in taken.replies.values { reply.resume(returning: .failure(reason)) }
        for pong in taken.pongs { pong.resume(returning: .failure(reason)) }
        taken.infoWaiter?.resume(returning: .failure(reason))
        for subscription in taken.subscriptions.values { subscription.finish() }
    }
}
