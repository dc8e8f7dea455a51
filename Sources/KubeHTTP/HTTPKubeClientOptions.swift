import Foundation
import Kube

/// How an `HTTPKubeClient` behaves beyond what the kubeconfig says: retries, timeouts, the clocks
/// it sleeps and reads time on, and the environment exec plugins inherit. Tests inject clocks and
/// jitter so retries run instantly and deterministically.
package struct HTTPKubeClientOptions: Sendable {
    /// rig's version, sent in `User-Agent`.
    package static let rigVersion = "0.1.0"

    /// Which failures are retried, how often and after how long.
    package var retryPolicy: KubeRetryPolicy
    /// Which discovery documents to ask for.
    package var discovery: KubeDiscoveryMode
    /// The clock retries sleep on.
    package var clock: any Clock<Duration>
    /// Where credential expiry reads the time.
    package var wallClock: KubeWallClock
    /// A number in 0..<1 per retry, spreading clients that failed together.
    package var jitter: @Sendable () -> Double
    /// The longest wait for a TCP and TLS connection.
    package var connectTimeout: Duration
    /// The longest pause between bytes of an answer.
    package var readTimeout: Duration
    /// The longest a whole request (one attempt) may take.
    package var requestTimeout: Duration
    /// `User-Agent` of every request.
    package var userAgent: String
    /// The environment exec credential plugins inherit.
    package var execEnvironment: [String: String]
    /// The largest answer rig reads.
    package var maximumResponseBytes: Int

    package init(
        retryPolicy: KubeRetryPolicy = KubeRetryPolicy(), discovery: KubeDiscoveryMode = .aggregated, clock: any Clock<Duration> = ContinuousClock(),
        wallClock: KubeWallClock = .system, jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(60), requestTimeout: Duration = .seconds(120),
        userAgent: String = "rig/\(Self.rigVersion)", execEnvironment: [String: String] = ProcessInfo.processInfo.environment,
        maximumResponseBytes: Int = 256 * 1024 * 1024
    ) {
        self.retryPolicy = retryPolicy
        self.discovery = discovery
        self.clock = clock
        self.wallClock = wallClock
        self.jitter = jitter
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.requestTimeout = requestTimeout
        self.userAgent = userAgent
        self.execEnvironment = execEnvironment
        self.maximumResponseBytes = maximumResponseBytes
    }
}

/// How discovery asks the server for its kinds.
package enum KubeDiscoveryMode: Sendable, Hashable {
    /// Aggregated discovery first (two requests for everything), plain JSON accepted as fallback.
    case aggregated
    /// Plain documents only (`/api`, `/apis`, then one resource list per group-version used), as
    /// for servers or proxies that mishandle the aggregated media types.
    case plain
}
