import Foundation

/// When a failed request is sent again, and after how long: bounded attempts, exponential
/// backoff with jitter, `Retry-After` honoured.
///
/// Retried: 429, 502, 503, 504, and connections that were refused, reset or timed out. Never
/// retried: any other 4xx or 5xx, TLS failures, and cancellation. The decision is pure, so tests
/// check it without a server or a clock.
package struct KubeRetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included.
    package var maximumAttempts: Int
    /// The wait after the first failure; doubled after each further one.
    package var baseDelay: Duration
    /// The longest wait computed by backoff.
    package var maximumDelay: Duration
    /// The longest `Retry-After` rig is willing to honour; longer ones are cut to this.
    package var maximumRetryAfter: Duration

    package init(
        maximumAttempts: Int = 5, baseDelay: Duration = .milliseconds(250), maximumDelay: Duration = .seconds(8),
        maximumRetryAfter: Duration = .seconds(30)
    ) {
        self.maximumAttempts = maximumAttempts
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.maximumRetryAfter = maximumRetryAfter
    }

    /// What went wrong with one attempt.
    package enum Failure: Sendable, Hashable {
        /// The server answered with this status; `retryAfter` is the header's text, if any.
        case status(Int, retryAfter: String?)
        /// The request did not get an answer.
        case transport(KubeTransportFailure)
    }

    /// Send again after a pause, or give up.
    package enum Decision: Sendable, Hashable {
        case retry(after: Duration)
        case stop
    }

    /// The decision after attempt number `attempt` (1-based) failed; `jitter` in 0..<1 spreads
    /// clients that failed together (the wait is between half and all of the backoff).
    package func decide(after attempt: Int, failed failure: Failure, jitter: Double) -> Decision {
        guard attempt < maximumAttempts, isRetryable(failure) else { return .stop }
        if case .status(_, let header?) = failure, let seconds = Self.retryAfterSeconds(header) {
            return .retry(after: min(.seconds(seconds), maximumRetryAfter))
        }
        return .retry(after: backoff(after: attempt, jitter: jitter))
    }

    /// Whether this failure is worth another attempt at all.
    package func isRetryable(_ failure: Failure) -> Bool {
        switch failure {
        case .status(let code, _): [429, 502, 503, 504].contains(code)
        case .transport(let kind): kind.isRetryable
        }
    }

    /// `baseDelay · 2^(attempt-1)`, capped, then jittered into its upper half.
    package func backoff(after attempt: Int, jitter: Double) -> Duration {
        let exponent = min(max(attempt - 1, 0), 20)
        let full = min(baseDelay * (1 << exponent), maximumDelay)
        let spread = min(max(jitter, 0), 1)
        return full / 2 + (full / 2) * spread
    }

    /// `Retry-After` as whole seconds (an HTTP date is not honoured: backoff applies instead).
    static func retryAfterSeconds(_ header: String) -> Int? {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard let seconds = Int(trimmed), seconds >= 0 else { return nil }
        return seconds
    }
}

/// Why a request got no answer, as far as retrying cares.
package enum KubeTransportFailure: Sendable, Hashable {
    case connectionRefused
    /// Reset, closed early, or dropped mid-answer.
    case connectionReset
    case timeout
    /// Handshake or certificate problems: retrying cannot help.
    case tls
    case other

    /// Refused, reset and timed-out connections may work a moment later (an API server
    /// restarting, a load balancer shedding); the rest will not.
    package var isRetryable: Bool {
        switch self {
        case .connectionRefused, .connectionReset, .timeout: true
        case .tls, .other: false
        }
    }
}
