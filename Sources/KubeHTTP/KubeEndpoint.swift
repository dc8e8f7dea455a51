import Foundation
import Kube

/// Where requests go: the server URL split up, and the host rewrite that makes
/// `tls-server-name` work with async-http-client (which checks the certificate and sends SNI for
/// the URL's host): the URL names the TLS server name, and a DNS override sends the connection
/// to the real host.
struct KubeEndpoint {
    var baseURL: String
    var dnsOverride: [String: String]
    var usesTLS: Bool

    init(server: String, tlsServerName: String?) throws(KubeError) {
        guard let url = URL(string: server), let scheme = url.scheme?.lowercased(), let rawHost = url.host, !rawHost.isEmpty else {
            throw .config("server '\(server)' is not a URL")
        }
        guard scheme == "https" || scheme == "http" else { throw .config("server '\(server)' must be an https:// URL") }
        let host = rawHost.hasPrefix("[") ? String(rawHost.dropFirst().dropLast()) : rawHost
        let port = url.port.map { ":\($0)" } ?? ""
        var prefix = url.path
        while prefix.hasSuffix("/") { prefix.removeLast() }
        usesTLS = scheme == "https"
        dnsOverride = [:]
        var urlHost = host
        if usesTLS, let name = tlsServerName, !name.isEmpty, name != host {
            urlHost = name
            dnsOverride[name] = host
        }
        let bracketed = urlHost.contains(":") ? "[\(urlHost)]" : urlHost
        baseURL = "\(scheme)://\(bracketed)\(port)\(prefix)"
    }
}
