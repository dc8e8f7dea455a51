import AsyncHTTPClient
import Kube
import NIOCore
import NIOHTTP1

extension HTTPKubeClient {
    /// Sends a request until it gets an answer worth returning: retries 429, 502–504 and broken
    /// connections as the retry policy says, sleeping on the injected clock; asks the credential
    /// source once more after a 401 when it can renew (exec plugin, token file). Returns the last
    /// answer, whatever its status; throws only when no answer came or the task was cancelled.
    func send(_ request: KubeRequest) async throws(KubeError) -> KubeResponse {
        var attempt = 0
        var renewed = false
        var lostAttempt = false
        while true {
            attempt += 1
            guard !Task.isCancelled else { throw .interrupted }
            let outcome = await attemptOnce(request)
            let failure: KubeRetryPolicy.Failure
            switch outcome {
            case .answered(var response):
                response.followsLostAttempt = lostAttempt
                if response.status == 401, !renewed, authenticator.canRenew {
                    renewed = true
                    attempt -= 1
                    await authenticator.invalidate()
                    continue
                }
                failure = .status(response.status, retryAfter: response.headers.first(name: "Retry-After"))
                guard case .retry(let delay) = options.retryPolicy.decide(after: attempt, failed: failure, jitter: options.jitter())
                else { return response }
                try await pause(delay)
            case .refused(let error):
                throw error.object == nil ? error.about(request.object) : error
            case .unanswered(let error):
                if Task.isCancelled || Self.isCancellation(error) { throw .interrupted }
                failure = .transport(KubeTransportError.classify(error))
                lostAttempt = true
                guard case .retry(let delay) = options.retryPolicy.decide(after: attempt, failed: failure, jitter: options.jitter())
                else {
                    throw KubeTransportError.error(error, server: connection.server, attempts: attempt).about(request.object)
                }
                try await pause(delay)
            }
        }
    }

    /// What one attempt came to.
    private enum Outcome {
        case answered(KubeResponse)
        /// rig itself gave up before sending (credentials, TLS setup).
        case refused(KubeError)
        case unanswered(any Error)
    }

    private func attemptOnce(_ request: KubeRequest) async -> Outcome {
        do {
            return .answered(try await perform(request))
        } catch let error as KubeError {
            return .refused(error)
        } catch {
            return .unanswered(error)
        }
    }

    /// Sleeps between attempts; cancellation ends the loop at once.
    private func pause(_ delay: Duration) async throws(KubeError) {
        do {
            try await options.clock.sleep(for: delay)
        } catch {
            throw .interrupted
        }
        guard !Task.isCancelled else { throw .interrupted }
    }

    /// One attempt: credentials, headers, body, and the whole answer read.
    private func perform(_ request: KubeRequest) async throws -> KubeResponse {
        let credentials = try await authenticator.credentials()
        var http = HTTPClientRequest(url: baseURL + request.target)
        http.method = request.method
        http.headers.add(name: "User-Agent", value: options.userAgent)
        http.headers.add(name: "Accept", value: request.accept)
        if let contentType = request.contentType { http.headers.add(name: "Content-Type", value: contentType) }
        if let authorization = credentials.authorization { http.headers.add(name: "Authorization", value: authorization.revealed) }
        if let body = request.body {
            http.body = .bytes(ByteBuffer(bytes: body))
        }
        if let tls = try tlsConfiguration(for: credentials.clientCertificate) { http.tlsConfiguration = tls }
        let response = try await httpClient.execute(http, timeout: .init(options.requestTimeout))
        let body = try await response.body.collect(upTo: options.maximumResponseBytes)
        return KubeResponse(status: Int(response.status.code), headers: response.headers, body: Array(body.readableBytesView))
    }

    /// Whether an error means the task was cancelled rather than the request failing.
    private static func isCancellation(_ error: any Error) -> Bool {
        if error is CancellationError { return true }
        if let error = error as? HTTPClientError, error == .cancelled { return true }
        return false
    }
}

extension KubeError {
    /// The error about an object, when there is one.
    func about(_ reference: KubeObjectReference?) -> KubeError {
        guard let reference else { return self }
        return about(reference)
    }
}
