import Foundation
import YAML

/// What to put on one request: an `Authorization` header value and/or a TLS client certificate.
package struct KubeRequestCredentials: Sendable, Hashable {
    /// The whole `Authorization` header value (`Bearer …`, `Basic …`).
    package var authorization: KubeSecret<String>?
    /// The TLS client certificate to present, if any.
    package var clientCertificate: KubeClientCertificate?

    package init(authorization: String? = nil, clientCertificate: KubeClientCertificate? = nil) {
        self.authorization = authorization.map(KubeSecret.init)
        self.clientCertificate = clientCertificate
    }
}

/// Hands out the credentials of one connection, keeping what is costly to get: an exec plugin's
/// credential until it expires, a token file's content until the file changes.
///
/// Concurrent requests that find the exec credential missing or expired wait for one plugin run
/// instead of each starting the plugin.
package actor KubeAuthenticator {
    /// Credentials are renewed this long before they expire, so a request never leaves with a
    /// token that lapses on the way.
    package static let expiryLeeway: TimeInterval = 10

    private let authentication: KubeAuthentication
    private let clientCertificate: KubeClientCertificate?
    private let runner: KubeExecRunner
    private let clock: KubeWallClock
    private var execCredential: KubeExecCredential?
    private var execWaiters: [CheckedContinuation<Result<KubeExecCredential, KubeError>, Never>]?
    private var tokenFile: (stamp: FileStamp, token: KubeSecret<String>)?
    /// How many times the exec plugin ran, for tests and `-vv`.
    package private(set) var pluginRuns = 0

    /// The credential source for `connection`; `runner` runs its exec plugin, `clock` decides expiry.
    package init(connection: KubeConnection, runner: KubeExecRunner, clock: KubeWallClock = .system) {
        self.authentication = connection.authentication
        self.clientCertificate = connection.clientCertificate
        self.runner = runner
        self.clock = clock
    }

    /// Whether a 401 may be cured by asking again (the plugin or the token file may have a newer
    /// credential); static tokens and certificates cannot change.
    package nonisolated var canRenew: Bool {
        switch authentication {
        case .exec, .tokenFile: true
        case .none, .bearerToken, .basic: false
        }
    }

    /// The credentials for the next request.
    package func credentials() async throws(KubeError) -> KubeRequestCredentials {
        switch authentication {
        case .none:
            return KubeRequestCredentials(clientCertificate: clientCertificate)
        case .bearerToken(let token):
            return KubeRequestCredentials(authorization: "Bearer " + token.revealed, clientCertificate: clientCertificate)
        case .basic(let username, let password):
            let pair = KubeFiles.base64(Array("\(username):\(password.revealed)".utf8))
            return KubeRequestCredentials(authorization: "Basic " + pair, clientCertificate: clientCertificate)
        case .tokenFile(let path):
            let token = try readTokenFile(path)
            return KubeRequestCredentials(authorization: "Bearer " + token.revealed, clientCertificate: clientCertificate)
        case .exec(let plugin, let cluster):
            let credential = try await currentExecCredential(plugin, cluster: cluster)
            return KubeRequestCredentials(
                authorization: credential.token.map { "Bearer " + $0.revealed },
                clientCertificate: credential.clientCertificate ?? clientCertificate)
        }
    }

    /// Forgets cached credentials after the server refused them (a 401), so the next request
    /// runs the plugin or reads the token file again.
    package func invalidate() {
        execCredential = nil
        tokenFile = nil
    }

    private func readTokenFile(_ path: String) throws(KubeError) -> KubeSecret<String> {
        let stamp = KubeFiles.stamp(path)
        if let cached = tokenFile, let stamp, cached.stamp == stamp { return cached.token }
        let bytes = try KubeFiles.read(path, what: "token file")
        let token = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw .config("token file \(path) is empty") }
        let secret = KubeSecret(token)
        if let stamp { tokenFile = (stamp, secret) }
        return secret
    }

    private func isFresh(_ credential: KubeExecCredential) -> Bool {
        guard let expiration = credential.expiration else { return true }
        return clock.now < expiration.addingTimeInterval(-Self.expiryLeeway)
    }

    private func currentExecCredential(_ plugin: KubeExecPlugin, cluster: YAMLValue?) async throws(KubeError) -> KubeExecCredential {
        if let execCredential, isFresh(execCredential) { return execCredential }
        if execWaiters != nil {
            let result = await withCheckedContinuation { continuation in execWaiters?.append(continuation) }
            return try result.get()
        }
        execWaiters = []
        pluginRuns += 1
        let result: Result<KubeExecCredential, KubeError>
        do {
            result = .success(try await runner.run(plugin, cluster: cluster))
        } catch {
            result = .failure(error)
        }
        if case .success(let credential) = result { execCredential = credential }
        let waiters = execWaiters ?? []
        execWaiters = nil
        for waiter in waiters { waiter.resume(returning: result) }
        return try result.get()
    }
}
