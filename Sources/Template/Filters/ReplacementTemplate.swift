/// A parsed `re.sub` replacement string: literal text and group references, with Python's rules
/// for `\1`, `\g<1>`, `\g<name>`, octal escapes and the standard character escapes.
struct ReplacementTemplate {
    private enum Piece {
        case literal(String)
        case group(Int)
    }

    private var pieces: [Piece] = []

    init(_ template: String, regex: PythonRegex) throws(TemplateError) {
        let scalars = Array(template.unicodeScalars)
        var literal = String.UnicodeScalarView()
        var index = 0
        func flush() {
            if !literal.isEmpty { pieces.append(.literal(String(literal))) }
            literal = String.UnicodeScalarView()
        }
        while index < scalars.count {
            guard scalars[index] == "\\" else {
                literal.append(scalars[index])
                index += 1
                continue
            }
            guard index + 1 < scalars.count else { throw .value("bad escape (end of pattern) at position \(index)") }
            let escape = try Self.parseEscape(scalars, at: index + 1, regex: regex)
            switch escape.piece {
            case .literal(let text): literal.append(contentsOf: text.unicodeScalars)
            case .group:
                flush()
                pieces.append(escape.piece)
            }
            index = escape.next
        }
        flush()
    }

    /// The replacement for one match; groups that did not take part are empty.
    func expand(_ match: PythonMatch) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .literal(let text): out += text
            case .group(let number): out += match.group(number) ?? ""
            }
        }
        return out
    }

    private static let characterEscapes: [Unicode.Scalar: String] = [
        "a": "\u{07}", "b": "\u{08}", "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t", "v": "\u{0B}",
        "\\": "\\",
    ]

    private static func isOctal(_ scalar: Unicode.Scalar) -> Bool { ("0"..."7").contains(scalar) }
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// Parses the escape whose letter is at `start` (just after the backslash).
    private static func parseEscape(
        _ scalars: [Unicode.Scalar], at start: Int, regex: PythonRegex
    ) throws(TemplateError) -> (piece: Piece, next: Int) {
        let letter = scalars[start]
        if letter == "g" { return try parseNamedGroup(scalars, at: start + 1, regex: regex) }
        if letter == "0" {
            var end = start + 1
            while end < scalars.count, end < start + 3, isOctal(scalars[end]) { end += 1 }
            return (.literal(octal(scalars[start..<end])), end)
        }
        if isDigit(letter) {
            if start + 2 < scalars.count, isOctal(letter), isOctal(scalars[start + 1]), isOctal(scalars[start + 2]) {
                let digits = scalars[start..<start + 3]
                guard let code = Int(String(scalars: digits), radix: 8), code <= 0o377 else {
                    throw .value("octal escape value \\\(String(scalars: digits)) outside of range 0-0o377")
                }
                return (.literal(octal(digits)), start + 3)
            }
            var end = start + 1
            if end < scalars.count, isDigit(scalars[end]) { end += 1 }
            let number = Int(String(scalars: scalars[start..<end])) ?? 0
            guard number <= regex.groupCount else { throw .value("invalid group reference \(number)") }
            return (.group(number), end)
        }
        if let text = characterEscapes[letter] { return (.literal(text), start + 1) }
        if letter.isASCII, letter.properties.isAlphabetic {
            throw .value("bad escape \\\(letter) in replacement")
        }
        return (.literal("\\" + String(letter)), start + 1)
    }

    private static func parseNamedGroup(
        _ scalars: [Unicode.Scalar], at start: Int, regex: PythonRegex
    ) throws(TemplateError) -> (piece: Piece, next: Int) {
        guard start < scalars.count, scalars[start] == "<" else { throw .value("missing < in group reference") }
        var end = start + 1
        while end < scalars.count, scalars[end] != ">" { end += 1 }
        guard end < scalars.count else { throw .value("missing >, unterminated name") }
        let name = String(scalars: scalars[(start + 1)..<end])
        if let number = Int(name), name.unicodeScalars.allSatisfy(isDigit) {
            guard number <= regex.groupCount else { throw .value("invalid group reference \(number)") }
            return (.group(number), end + 1)
        }
        guard let number = regex.groupNames[name] else { throw .value("unknown group name '\(name)'") }
        return (.group(number), end + 1)
    }

    private static func octal(_ digits: ArraySlice<Unicode.Scalar>) -> String {
        let code = UInt32(String(scalars: digits), radix: 8) ?? 0
        return Unicode.Scalar(code).map { String($0) } ?? ""
    }
}
