extension Lexer {
    /// Integers (`42`, `1_000`, `0x1F`, `0o17`, `0b101`) and floats (`1.5`, `2e3`, `1.5e-3`),
    /// with Jinja2's rule that a number right after a dot is an integer (`a.0.1` indexes twice).
    mutating func lexNumber() throws(TemplateError) {
        let start = pos
        let afterDot = start > 0 && bytes[start - 1] == UInt8(ascii: ".")
        if bytes[pos] == UInt8(ascii: "0"), pos + 1 < limit, let radix = radixPrefix(bytes[pos + 1]) {
            pos += 2
            let digitsStart = pos
            while pos < limit, isHexDigit(bytes[pos]) || bytes[pos] == UInt8(ascii: "_") { pos += 1 }
            let digits = String(decoding: bytes[digitsStart..<pos], as: UTF8.self).replacingOccurrences("_", "")
            guard let value = Int(digits, radix: radix) else {
                throw .syntax("invalid integer literal", span: nil).at(start)
            }
            tokens.append(Token(kind: .integer(value), start: start, end: pos))
            return
        }
        scanDigits()
        var isFloat = false
        if !afterDot, pos + 1 < limit, bytes[pos] == UInt8(ascii: "."), isDigit(bytes[pos + 1]) {
            isFloat = true
            pos += 1
            scanDigits()
        }
        if !afterDot, pos < limit, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            var cursor = pos + 1
            if cursor < limit, bytes[cursor] == UInt8(ascii: "+") || bytes[cursor] == UInt8(ascii: "-") { cursor += 1 }
            if cursor < limit, isDigit(bytes[cursor]) {
                isFloat = true
                pos = cursor
                scanDigits()
            }
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self).replacingOccurrences("_", "")
        if isFloat {
            guard let value = Double(text) else { throw .syntax("invalid float literal", span: nil).at(start) }
            tokens.append(Token(kind: .float(value), start: start, end: pos))
        } else {
            guard let value = Int(text) else {
                throw TemplateError(.overflow, "integer literal \(text) is too large", hint: "rig's integers are 64-bit").at(start)
            }
            tokens.append(Token(kind: .integer(value), start: start, end: pos))
        }
    }

    private mutating func scanDigits() {
        while pos < limit {
            if isDigit(bytes[pos]) {
                pos += 1
            } else if bytes[pos] == UInt8(ascii: "_"), pos + 1 < limit, isDigit(bytes[pos + 1]) {
                pos += 1
            } else {
                break
            }
        }
    }

    private func radixPrefix(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "x"), UInt8(ascii: "X"): 16
        case UInt8(ascii: "o"), UInt8(ascii: "O"): 8
        case UInt8(ascii: "b"), UInt8(ascii: "B"): 2
        default: nil
        }
    }

    private func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
    }

    /// A quoted string with Python's `unicode_escape` rules, as Jinja2 decodes string literals.
    mutating func lexString(quote: UInt8) throws(TemplateError) {
        let start = pos
        pos += 1
        var raw: [UInt8] = []
        var closed = false
        while pos < limit {
            let byte = bytes[pos]
            if byte == quote {
                closed = true
                pos += 1
                break
            }
            if byte == UInt8(ascii: "\\"), pos + 1 < limit {
                raw.append(byte)
                raw.append(bytes[pos + 1])
                pos += 2
                continue
            }
            raw.append(byte)
            pos += 1
        }
        guard closed else {
            throw .syntax("unexpected char '\(Character(Unicode.Scalar(quote)))'", span: nil, hint: "the string is never closed").at(start)
        }
        let body = String(decoding: raw, as: UTF8.self)
        let keepBackslashes = options.escapeBackslashes && insideVariable
        let text = (keepBackslashes ? body : StringEscapes.decode(body)).replacingNewlines(with: "\n")
        tokens.append(Token(kind: .string(text), start: start, end: pos))
    }
}

/// Python's `unicode_escape` decoding of a string literal's body.
enum StringEscapes {
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
        var out = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "\\", let next = scalars.first else {
                out.append(scalar)
                continue
            }
            scalars.removeFirst()
            switch next {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "\\": out.append("\\")
            case "'": out.append("'")
            case "\"": out.append("\"")
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "v": out.append("\u{0B}")
            case "\n": break
            case "x": appendHex(&scalars, count: 2, into: &out, marker: "x")
            case "u": appendHex(&scalars, count: 4, into: &out, marker: "u")
            case "U": appendHex(&scalars, count: 8, into: &out, marker: "U")
            case "0"..."7":
                var value = next.value - 48
                var taken = 1
                while taken < 3, let digit = scalars.first, ("0"..."7").contains(digit) {
                    value = value * 8 + digit.value - 48
                    scalars.removeFirst()
                    taken += 1
                }
                out.append(Unicode.Scalar(value) ?? "?")
            default:
                out.append("\\")
                out.append(next)
            }
        }
        return String(out)
    }

    private static func appendHex(
        _ scalars: inout ArraySlice<Unicode.Scalar>, count: Int, into out: inout String.UnicodeScalarView,
        marker: Unicode.Scalar
    ) {
        let digits = scalars.prefix(count)
        if digits.count == count, let value = UInt32(String(String.UnicodeScalarView(digits)), radix: 16),
            let scalar = Unicode.Scalar(value)
        {
            scalars.removeFirst(count)
            out.append(scalar)
        } else {
            out.append("\\")
            out.append(marker)
        }
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
