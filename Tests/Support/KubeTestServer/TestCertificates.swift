import Crypto
import Foundation
import SwiftASN1
import X509

/// A throwaway certificate authority with a server and a client certificate, made at start-up.
///
/// Like minikube's: the server certificate names `127.0.0.1` and `localhost`; the client certificate
/// is `CN=rig-test, O=system:masters`. Keys are P-256 and live only as long as the server.
package struct TestCertificates: Sendable {
    /// The CA certificate, PEM; what a kubeconfig's `certificate-authority` holds.
    package let certificateAuthorityPEM: String
    /// The server's certificate, PEM.
    package let serverCertificatePEM: String
    /// The server's private key, PKCS#8 PEM.
    package let serverKeyPEM: String
    /// The client certificate (`CN=rig-test, O=system:masters`), PEM.
    package let clientCertificatePEM: String
    /// The client's private key, PKCS#8 PEM.
    package let clientKeyPEM: String

    /// Makes a new CA and signs a server and a client certificate with it; valid from an hour ago
    /// for a day.
    package static func generate() throws -> TestCertificates {
        let now = Date()
        let validity = (now.addingTimeInterval(-3600), now.addingTimeInterval(86_400))
        let caKey = P256.Signing.PrivateKey()
        let caName = try DistinguishedName {
            CommonName("rig-test-ca")
        }
        let ca = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(caKey.publicKey),
            notValidBefore: validity.0, notValidAfter: validity.1, issuer: caName, subject: caName,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(digitalSignature: true, keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: Certificate.PublicKey(caKey.publicKey))
            },
            issuerPrivateKey: .init(caKey))
        let server = try leaf(
            subject: try DistinguishedName { CommonName("kube-test-apiserver") }, usage: .serverAuth,
            alternativeNames: [.dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))],
            issuer: (ca, caKey), validity: validity)
        let client = try leaf(
            subject: try DistinguishedName {
                OrganizationName("system:masters")
                CommonName("rig-test")
            }, usage: .clientAuth, alternativeNames: [], issuer: (ca, caKey), validity: validity)
        return TestCertificates(
            certificateAuthorityPEM: try ca.serializeAsPEM().pemString,
            serverCertificatePEM: server.certificate, serverKeyPEM: server.key,
            clientCertificatePEM: client.certificate, clientKeyPEM: client.key)
    }

    private static func leaf(
        subject: DistinguishedName, usage: ExtendedKeyUsage.Usage, alternativeNames: [GeneralName],
        issuer: (certificate: Certificate, key: P256.Signing.PrivateKey), validity: (Date, Date)
    ) throws -> (certificate: String, key: String) {
        let key = P256.Signing.PrivateKey()
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: validity.0, notValidAfter: validity.1, issuer: issuer.certificate.subject,
            subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
                try ExtendedKeyUsage([usage])
                AuthorityKeyIdentifier(
                    keyIdentifier: try? issuer.certificate.extensions.subjectKeyIdentifier?.keyIdentifier)
                if !alternativeNames.isEmpty { SubjectAlternativeNames(alternativeNames) }
            },
            issuerPrivateKey: .init(issuer.key))
        return (try certificate.serializeAsPEM().pemString, key.pemRepresentation)
    }
}
