/// Base64 as Python's `base64` module does it: standard or URL-safe alphabet, and a decoder
/// that skips characters outside the alphabet (`validate=False`) but insists on whole quads.
enum Base64 {
    private static let standard = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let urlSafe = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func encode(_ bytes: [UInt8], urlSafe useURLSafe: Bool) -> String {
        let alphabet = useURLSafe ? urlSafe : standard
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let b0 = chunk[chunk.startIndex]
            let b1 = chunk.count > 1 ? chunk[chunk.startIndex + 1] : 0
            let b2 = chunk.count > 2 ? chunk[chunk.startIndex + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int(((b0 & 0x03) << 4) | (b1 >> 4))])
            out.append(chunk.count > 1 ? alphabet[Int(((b1 & 0x0F) << 2) | (b2 >> 6))] : UInt8(ascii: "="))
            out.append(chunk.count > 2 ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// CPython's non-strict `binascii.a2b_base64` over the UTF-8 bytes of `text` (Ansible encodes
    /// the string first, so non-ASCII characters are skipped like any other stray byte).
    static func decode(_ text: String, urlSafe useURLSafe: Bool) throws(TemplateError) -> [UInt8] {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, character) in standard.enumerated() { table[Int(character)] = UInt8(index) }
        if useURLSafe {
            table[Int(UInt8(ascii: "-"))] = 62
            table[Int(UInt8(ascii: "_"))] = 63
            table[Int(UInt8(ascii: "+"))] = 0xFF
            table[Int(UInt8(ascii: "/"))] = 0xFF
        }
        var out: [UInt8] = []
        var quadPosition = 0
        var leftover: UInt8 = 0
        var pads = 0
        var dataCharacters = 0
        for character in text.utf8 {
            if character == UInt8(ascii: "=") {
                pads += 1
                if quadPosition >= 2, quadPosition + pads >= 4 { return out }
                continue
            }
            let sextet = table[Int(character)]
            guard sextet != 0xFF else { continue }
            pads = 0
            dataCharacters += 1
            switch quadPosition {
            case 0: leftover = sextet
            case 1: out.append((leftover << 2) | (sextet >> 4)); leftover = sextet & 0x0F
            case 2: out.append((leftover << 4) | (sextet >> 2)); leftover = sextet & 0x03
            default: out.append((leftover << 6) | sextet); leftover = 0
            }
            quadPosition = (quadPosition + 1) % 4
        }
        if quadPosition == 1 {
            throw .value(
                "invalid base64-encoded string: number of data characters (\(dataCharacters)) cannot be 1 more than a multiple of 4"
            )
        }
        if quadPosition != 0 { throw .value("incorrect padding") }
        return out
    }
}
