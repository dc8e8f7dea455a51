/// Python's rules for strings that templates observe: `repr` quoting and escaping.
package enum PythonString {
    /// Appends Python's `repr(string)`: single quotes unless the text has `'` and no `"`.
    package static func writeRepr(_ string: String, into out: inout String) {
        var hasSingle = false
        var hasDouble = false
        for byte in string.utf8 {
            if byte == UInt8(ascii: "'") { hasSingle = true } else if byte == UInt8(ascii: "\"") { hasDouble = true }
        }
        let quote: Unicode.Scalar = hasSingle && !hasDouble ? "\"" : "'"
        out.unicodeScalars.append(quote)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case quote: out += "\\"; out.unicodeScalars.append(scalar)
            default:
                if isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += escape(scalar)
                }
            }
        }
        out.unicodeScalars.append(quote)
    }

    /// Python's `str.isprintable()` for one character.
    package static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value >= 0x20, scalar.value < 0x7F { return true }
        if scalar.value < 0xA0 { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
            .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        let value = scalar.value
        let hex = String(value, radix: 16)
        if value <= 0xFF { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
        if value <= 0xFFFF { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
        return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
