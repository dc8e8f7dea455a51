import Synchronization

/// A failure the test server injects into matching requests, for testing clients' retries and
/// time-outs.
package struct Fault: Sendable, Hashable {
    /// What happens to a matching request.
    package enum Effect: Sendable, Hashable {
        /// Answer this status code with a `Status` body; `retryAfterSeconds` adds `Retry-After`.
        case status(code: Int, retryAfterSeconds: Int?)
        /// Wait this long, then answer normally.
        case delay(milliseconds: Int)
        /// Close the connection without answering.
        case dropConnection
    }

    /// The method to match (`GET`, `PATCH`); nil matches all.
    package var method: String?
    /// The path prefix to match (`/api/v1/namespaces/x/configmaps`); nil matches all.
    package var pathPrefix: String?
    /// How many matching requests it applies to before it is used up.
    package var count: Int
    /// What happens to a matching request.
    package var effect: Effect

    /// A fault for `count` requests matching `method` and `pathPrefix` (nil matches all).
    package init(method: String? = nil, pathPrefix: String? = nil, count: Int = 1, effect: Effect) {
        self.method = method
        self.pathPrefix = pathPrefix
        self.count = count
        self.effect = effect
    }

    /// `429 Too Many Requests` with `Retry-After: 0`, the way a throttling API server answers.
    package static func throttle(method: String? = nil, pathPrefix: String? = nil, count: Int = 1) -> Fault {
        Fault(method: method, pathPrefix: pathPrefix, count: count, effect: .status(code: 429, retryAfterSeconds: 0))
    }

    func matches(method: String, path: String) -> Bool {
        if let expected = self.method, expected.uppercased() != method { return false }
        if let pathPrefix, !path.hasPrefix(pathPrefix) { return false }
        return true
    }
}

/// The faults waiting to be applied, first injected first used.
final class FaultBook: Sendable {
    private let faults = Mutex<[Fault]>([])

    func inject(_ fault: Fault) {
        guard fault.count > 0 else { return }
        faults.withLock { $0.append(fault) }
    }

    /// The effect of the first fault matching the request, counting it down.
    func take(method: String, path: String) -> Fault.Effect? {
        faults.withLock { faults in
            guard let index = faults.firstIndex(where: { $0.matches(method: method, path: path) }) else { return nil }
            let effect = faults[index].effect
            faults[index].count -= 1
            if faults[index].count <= 0 { faults.remove(at: index) }
            return effect
        }
    }

    func clear() { faults.withLock { $0.removeAll() } }
}
