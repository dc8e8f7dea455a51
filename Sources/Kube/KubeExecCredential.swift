import Foundation
import YAML

/// What an exec plugin printed: a bearer token or a client certificate, and when it expires.
package struct KubeExecCredential: Sendable, Hashable {
    package var token: KubeSecret<String>?
    package var clientCertificate: KubeClientCertificate?
    /// nil: valid for the whole run (until the server answers 401).
    package var expiration: Date?

    package init(token: String? = nil, clientCertificate: KubeClientCertificate? = nil, expiration: Date? = nil) {
        self.token = token.map(KubeSecret.init)
        self.clientCertificate = clientCertificate
        self.expiration = expiration
    }

    /// Reads the `ExecCredential` a plugin wrote to stdout, checking that it answers in the API
    /// version it was asked for, as client-go does.
    package static func parse(_ bytes: [UInt8], plugin: KubeExecPlugin) throws(KubeError) -> KubeExecCredential {
        let value: YAMLValue
        do {
            value = try YAMLValue.parseJSON(bytes)
        } catch {
            throw .config("\(plugin) did not print an ExecCredential: \(error)", hint: plugin.installHint)
        }
        guard value["kind"]?.stringValue == "ExecCredential" else {
            throw .config("\(plugin) printed kind '\(value["kind"]?.stringValue ?? "")', not ExecCredential")
        }
        let apiVersion = value["apiVersion"]?.stringValue ?? ""
        guard apiVersion == plugin.apiVersion else {
            throw .config("\(plugin) answered in apiVersion '\(apiVersion)' but the kubeconfig asks for '\(plugin.apiVersion)'")
        }
        guard let status = value["status"], case .mapping = status else {
            throw .config("\(plugin) printed an ExecCredential without status")
        }
        var credential = KubeExecCredential()
        if let token = status["token"]?.stringValue, !token.isEmpty { credential.token = KubeSecret(token) }
        let certificate = status["clientCertificateData"]?.stringValue ?? ""
        let key = status["clientKeyData"]?.stringValue ?? ""
        switch (certificate.isEmpty, key.isEmpty) {
        case (false, false):
            credential.clientCertificate = KubeClientCertificate(certificatePEM: Array(certificate.utf8), privateKeyPEM: Array(key.utf8))
        case (true, true):
            break
        default:
            throw .config("\(plugin) printed only one of clientCertificateData and clientKeyData")
        }
        guard credential.token != nil || credential.clientCertificate != nil else {
            throw .config("\(plugin) printed neither a token nor a client certificate")
        }
        if let stamp = status["expirationTimestamp"]?.stringValue, !stamp.isEmpty {
            guard let date = parseTimestamp(stamp) else {
                throw .config("\(plugin) printed expirationTimestamp '\(stamp)', which is not an RFC 3339 time")
            }
            credential.expiration = date
        }
        return credential
    }

    /// An RFC 3339 time, with or without fractional seconds.
    static func parseTimestamp(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
