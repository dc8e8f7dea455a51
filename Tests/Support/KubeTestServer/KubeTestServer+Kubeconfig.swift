import Foundation
import YAML

extension KubeTestServer {
    /// How a kubeconfig carries the certificates.
    package enum CertificateStorage: Sendable {
        /// Files beside the kubeconfig (`ca.crt`, `client.crt`, `client.key`), as minikube writes it.
        case files
        /// Base64 in `*-data` fields, as kind writes it.
        case embedded
    }

    /// Writes a kubeconfig for this server with the client certificate (mode 0600), cluster,
    /// user and context all named `context`.
    package func writeKubeconfig(to path: String, context: String = "test", certificates: CertificateStorage) throws {
        let directory = (path as NSString).deletingLastPathComponent
        var cluster: [(String, YAMLValue)] = [("server", .string(url))]
        var user: [(String, YAMLValue)] = []
        switch certificates {
        case .embedded:
            cluster.append(("certificate-authority-data", .string(Self.base64(certificateAuthorityPEM))))
            user.append(("client-certificate-data", .string(Self.base64(clientCertificatePEM))))
            user.append(("client-key-data", .string(Self.base64(clientKeyPEM))))
        case .files:
            let prefix = directory.isEmpty ? "" : directory + "/"
            let files = [("\(context)-ca.crt", certificateAuthorityPEM), ("\(context)-client.crt", clientCertificatePEM),
                ("\(context)-client.key", clientKeyPEM)]
            for (name, text) in files { try Self.writePrivate(text, to: prefix + name) }
            cluster.append(("certificate-authority", .string(prefix + files[0].0)))
            user.append(("client-certificate", .string(prefix + files[1].0)))
            user.append(("client-key", .string(prefix + files[2].0)))
        }
        let config = YAMLValue.object([
            "apiVersion": .string("v1"), "kind": .string("Config"),
            "clusters": .sequence([.object(["name": .string(context), "cluster": .object(entries: cluster)])]),
            "users": .sequence([.object(["name": .string(context), "user": .object(entries: user)])]),
            "contexts": .sequence([
                .object(["name": .string(context), "context": .object(["cluster": .string(context), "user": .string(context)])])
            ]),
            "current-context": .string(context), "preferences": .mapping([]),
        ])
        try Self.writePrivate(config.jsonText + "\n", to: path)
    }

    /// The same with a Boolean switch, for callers that read better that way.
    package func writeKubeconfig(to path: String, context: String = "test", embedCertificates: Bool) throws {
        try writeKubeconfig(to: path, context: context, certificates: embedCertificates ? .embedded : .files)
    }

    private static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    private static func writePrivate(_ text: String, to path: String) throws {
        let created = FileManager.default.createFile(
            atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        guard created else { throw KubeTestServerError(reason: "cannot write \(path)") }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }
}
