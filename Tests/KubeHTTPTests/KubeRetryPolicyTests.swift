import KubeHTTP
import Testing

@Suite("When rig retries a request")
struct KubeRetryPolicyTests {
    let policy = KubeRetryPolicy(
        maximumAttempts: 5, baseDelay: .milliseconds(200), maximumDelay: .seconds(2), maximumRetryAfter: .seconds(30))

    @Test("429, 502, 503 and 504 are retried; other 4xx and 5xx are not", arguments: [400, 401, 403, 404, 409, 415, 422, 500, 501])
    func statusesNotRetried(code: Int) {
        #expect(policy.decide(after: 1, failed: .status(code, retryAfter: nil), jitter: 0.5) == .stop)
    }

    @Test("throttling and gateway failures are retried", arguments: [429, 502, 503, 504])
    func statusesRetried(code: Int) {
        #expect(policy.decide(after: 1, failed: .status(code, retryAfter: nil), jitter: 0) == .retry(after: .milliseconds(100)))
    }

    @Test("refused, reset and timed-out connections are retried; TLS failures are not")
    func transport() {
        #expect(policy.decide(after: 1, failed: .transport(.connectionRefused), jitter: 1) == .retry(after: .milliseconds(200)))
        #expect(policy.decide(after: 2, failed: .transport(.connectionReset), jitter: 1) == .retry(after: .milliseconds(400)))
        #expect(policy.decide(after: 3, failed: .transport(.timeout), jitter: 1) == .retry(after: .milliseconds(800)))
        #expect(policy.decide(after: 1, failed: .transport(.tls), jitter: 1) == .stop)
        #expect(policy.decide(after: 1, failed: .transport(.other), jitter: 1) == .stop)
    }

    @Test("backoff doubles, is capped, and jitter keeps it between half and all of it")
    func backoff() {
        #expect(policy.backoff(after: 1, jitter: 0) == .milliseconds(100))
        #expect(policy.backoff(after: 1, jitter: 1) == .milliseconds(200))
        #expect(policy.backoff(after: 4, jitter: 0.5) == .milliseconds(1200))
        #expect(policy.backoff(after: 10, jitter: 1) == .seconds(2))
        #expect(policy.backoff(after: 10, jitter: 0) == .seconds(1))
    }

    @Test("Retry-After in seconds is honoured, capped; an HTTP date falls back to backoff")
    func retryAfter() {
        #expect(policy.decide(after: 1, failed: .status(429, retryAfter: "3"), jitter: 0) == .retry(after: .seconds(3)))
        #expect(policy.decide(after: 1, failed: .status(503, retryAfter: "600"), jitter: 0) == .retry(after: .seconds(30)))
        #expect(
            policy.decide(after: 1, failed: .status(429, retryAfter: "Wed, 21 Oct 2026 07:28:00 GMT"), jitter: 1)
                == .retry(after: .milliseconds(200)))
    }

    @Test("the fifth failed attempt is the last")
    func bounded() {
        #expect(policy.decide(after: 4, failed: .status(503, retryAfter: nil), jitter: 0) != .stop)
        #expect(policy.decide(after: 5, failed: .status(503, retryAfter: nil), jitter: 0) == .stop)
        #expect(policy.decide(after: 5, failed: .transport(.connectionRefused), jitter: 0) == .stop)
    }
}
