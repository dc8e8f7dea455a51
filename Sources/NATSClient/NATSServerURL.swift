import JetStream

/// One entry of `servers`: `nats://[user:password@]host[:port]`, `tls://…`, or `host:port`.
package struct NATSServerURL: Sendable, Hashable, CustomStringConvertible {
    package var host: String
    package var port: Int
    /// `tls://`: TLS is required even when the server does not ask for it.
    package var requiresTLS: Bool
    package var user: String?
    package var password: String?

    package init(parsing text: String) throws(JetStreamError) {
        var rest = Substring(text.trimmingCharacters)
        requiresTLS = false
        if let range = rest.range(of: "://") {
            let scheme = rest[..<range.lowerBound].lowercased()
            guard ["nats", "tls", "ws", "wss"].contains(scheme), scheme != "ws", scheme != "wss" else {
                throw .config("server URL '\(text)' must start with nats:// or tls://")
            }
            requiresTLS = scheme == "tls"
            rest = rest[range.upperBound...]
        }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            let parts = credentials.split(separator: ":", maxSplits: 1)
            user = parts.first.map(String.init)
            password = parts.count > 1 ? String(parts[1]) : nil
        }
        var hostPart = rest
        var port = 4222
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            hostPart = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") {
                guard let parsed = Int(after.dropFirst()) else { throw .config("server URL '\(text)' has a bad port") }
                port = parsed
            }
        } else if let colon = rest.lastIndex(of: ":") {
            hostPart = rest[..<colon]
            guard let parsed = Int(rest[rest.index(after: colon)...]) else { throw .config("server URL '\(text)' has a bad port") }
            port = parsed
        }
        guard !hostPart.isEmpty, (1...65535).contains(port) else { throw .config("server URL '\(text)' needs a host and a port 1-65535") }
        host = String(hostPart)
        self.port = port
    }

    /// `host:port`, never the credentials.
    package var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// Whether the host is an IP literal (no SNI, and the certificate is checked by address).
    var isIPAddress: Bool {
        host.contains(":") || host.split(separator: ".").count == 4 && host.allSatisfy { $0.isNumber || $0 == "." }
    }
}
