import Crypto
import Foundation
import JetStream

/// An nkey: NATS's Ed25519 key in base32 text with a type prefix and a CRC-16 checksum.
/// A user seed (`SU…`) signs the server's nonce; its public key (`U…`) names the user.
package struct NKey: Sendable {
    /// The 32-byte Ed25519 seed; the key is rebuilt from it when used (Crypto's key type is not Sendable).
    private let seedBytes: [UInt8]

    private var privateKey: Curve25519.Signing.PrivateKey {
        // The bytes were checked to make a key when the NKey was made.
        (try? Curve25519.Signing.PrivateKey(rawRepresentation: seedBytes)) ?? Curve25519.Signing.PrivateKey()
    }

    /// Reads a seed (`SU…`, `SA…`, `SO…`), checking its checksum.
    package init(seed text: String) throws(JetStreamError) {
        let cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let raw = Base32.decode(cleaned), raw.count == 36 else {
            throw .config("the nkey seed is not valid base32 of the right length (it should start with SU)")
        }
        let body = Array(raw[0..<34])
        let checksum = UInt16(raw[34]) | UInt16(raw[35]) << 8
        guard CRC16.checksum(body) == checksum else { throw .config("the nkey seed's checksum does not match: is it complete?") }
        guard raw[0] >> 3 == Self.seedPrefix else { throw .config("this nkey is not a seed (seeds start with S)") }
        guard (try? Curve25519.Signing.PrivateKey(rawRepresentation: body[2..<34])) != nil else {
            throw .config("the nkey seed does not hold an Ed25519 key")
        }
        seedBytes = Array(body[2..<34])
        let type = (raw[0] & 0x07) << 5 | (raw[1] >> 3)
        self.type = type
    }

    /// A new random user key (tests make servers that trust it).
    package init(randomUser: Void = ()) {
        seedBytes = Array(Curve25519.Signing.PrivateKey().rawRepresentation)
        type = Self.userPrefix
    }

    /// The key's type prefix byte (user: 20 << 3).
    private let type: UInt8

    static let seedPrefix: UInt8 = 18  // 'S'
    static let userPrefix: UInt8 = 20 << 3  // 'U'

    /// The public key (`U…`), what the server's `authorization` lists.
    package var publicKey: String {
        var bytes = [type] + Array(privateKey.publicKey.rawRepresentation)
        let crc = CRC16.checksum(bytes)
        bytes += [UInt8(crc & 0xFF), UInt8(crc >> 8)]
        return Base32.encode(bytes)
    }

    /// The seed text (`SU…`).
    package var seed: String {
        var bytes = [Self.seedPrefix << 3 | type >> 5, (type & 0x1F) << 3] + Array(privateKey.rawRepresentation)
        let crc = CRC16.checksum(bytes)
        bytes += [UInt8(crc & 0xFF), UInt8(crc >> 8)]
        return Base32.encode(bytes)
    }

    /// The nonce signed, base64url without padding, as CONNECT's `sig` takes it.
    package func sign(nonce: String) throws(JetStreamError) -> String {
        do {
            let signature = try privateKey.signature(for: Data(nonce.utf8))
            return Data(signature).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        } catch {
            throw .config("could not sign the server's nonce with the nkey: \(error)")
        }
    }
}

/// RFC 4648 base32 without padding, as nkeys write it.
enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer = 0
        var bits = 0
        for byte in text.utf8 where byte != UInt8(ascii: "=") {
            guard let value = alphabet.firstIndex(of: byte) else { return nil }
            buffer = (buffer << 5 | value) & 0xFFFF
            bits += 5
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((buffer >> bits) & 0xFF))
            }
        }
        return output
    }

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8 | Int(byte)) & 0xFFFF
            bits += 8
            while bits >= 5 {
                bits -= 5
                output.append(alphabet[(buffer >> bits) & 0x1F])
            }
        }
        if bits > 0 { output.append(alphabet[(buffer << (5 - bits)) & 0x1F]) }
        return String(decoding: output, as: UTF8.self)
    }
}

/// CRC-16/XMODEM (polynomial 0x1021, initial 0), the nkey checksum.
enum CRC16 {
    static func checksum(_ bytes: [UInt8]) -> UInt16 {
        var crc: UInt16 = 0
        for byte in bytes {
            crc ^= UInt16(byte) << 8
            for _ in 0..<8 { crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x1021 : crc << 1 }
        }
        return crc
    }
}
