import AsyncHTTPClient
import Foundation
import Kube
import NIOCore
import NIOPosix
import NIOSSL

/// Turns what async-http-client, NIO and NIOSSL throw into a retry class and a `KubeError`,
/// by the errors' types and codes (never by their text).
enum KubeTransportError {
    /// The retry class of an error that left a request without an answer.
    static func classify(_ error: any Error) -> KubeTransportFailure {
        switch error {
        case let error as HTTPClientError: return classify(error)
        case let error as NIOConnectionError:
            if error.dnsAError != nil || error.dnsAAAAError != nil, error.connectionErrors.isEmpty { return .other }
            return error.connectionErrors.map { classify($0.error) }.first(where: \.isRetryable) ?? .connectionRefused
        case let error as IOError: return classify(errno: error.errnoCode)
        case let error as ChannelError: return classify(error)
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError: return classifySSL(error)
        default: return .other
        }
    }

    private static func classify(_ error: HTTPClientError) -> KubeTransportFailure {
        switch error {
        case .connectTimeout, .readTimeout, .writeTimeout, .deadlineExceeded, .getConnectionFromPoolTimeout: return .timeout
        case .remoteConnectionClosed, .uncleanShutdown: return .connectionReset
        case .tlsHandshakeTimeout: return .timeout
        default: return .other
        }
    }

    private static func classify(_ error: ChannelError) -> KubeTransportFailure {
        switch error {
        case .connectTimeout: .timeout
        case .ioOnClosedChannel, .alreadyClosed, .eof, .outputClosed, .inputClosed: .connectionReset
        default: .other
        }
    }

    private static func classify(errno code: CInt) -> KubeTransportFailure {
        switch code {
        case ECONNREFUSED: .connectionRefused
        case ECONNRESET, EPIPE, ECONNABORTED, ENOTCONN: .connectionReset
        case ETIMEDOUT: .timeout
        case EHOSTUNREACH, ENETUNREACH: .connectionRefused
        default: .other
        }
    }

    private static func classifySSL(_ error: any Error) -> KubeTransportFailure {
        if let error = error as? NIOSSLError, error == .uncleanShutdown { return .connectionReset }
        return .tls
    }

    /// The `kube.transport` error for a request to `server` that got no answer.
    static func error(_ error: any Error, server: String, attempts: Int) -> KubeError {
        let tries = attempts > 1 ? " after \(attempts) attempts" : ""
        switch classify(error) {
        case .connectionRefused:
            return .transport(
                "cannot connect to the API server at \(server)\(tries): \(error)",
                hint: "is the cluster running (minikube start, kind create cluster) and is this the right context?")
        case .connectionReset:
            return .transport("the API server at \(server) closed the connection\(tries): \(error)")
        case .timeout:
            return .transport(
                "the API server at \(server) did not answer in time\(tries): \(error)",
                hint: "check that the server address is reachable from here (VPN, firewall)")
        case .tls:
            return .transport(
                "TLS with the API server at \(server) failed: \(error)",
                hint: "the server's certificate is not trusted by the kubeconfig's certificate-authority, or does not name "
                    + "the host (tls-server-name can set the name to check)")
        case .other:
            return .transport("request to the API server at \(server) failed\(tries): \(error)")
        }
    }
}
