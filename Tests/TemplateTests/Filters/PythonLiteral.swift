import OrderedCollections
import Template

/// Parses Python literal syntax (`[1, 'a', (2,), {'k': None}]`) into values, so test tables can
/// be written, and checked against Python, in Python's own notation.
struct PythonLiteral {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    /// The value `source` denotes; a test failure names the literal when it is malformed.
    static func parse(_ source: String) throws -> Value {
        var parser = PythonLiteral(scalars: Array(source.unicodeScalars))
        let value = try parser.parseValue()
        parser.skipSpace()
        guard parser.index == parser.scalars.count else { throw LiteralError(source: source) }
        return value
    }

    struct LiteralError: Error, CustomStringConvertible {
        var source: String
        var description: String { "malformed Python literal: \(source)" }
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func skipSpace() {
        while let scalar = current, scalar == " " || scalar == "\n" { index += 1 }
    }

    private mutating func parseValue() throws -> Value {
        skipSpace()
        guard let scalar = current else { throw LiteralError(source: String(String.UnicodeScalarView(scalars))) }
        switch scalar {
        case "[": return .list(try parseItems(until: "]").items)
        case "(":
            let (items, trailingComma) = try parseItems(until: ")")
            return items.count == 1 && !trailingComma ? items[0] : .tuple(items)
        case "{": return try parseDict()
        case "'", "\"": return .string(try parseString())
        default: return try parseWord()
        }
    }

    private mutating func parseItems(until close: Unicode.Scalar) throws -> (items: [Value], trailingComma: Bool) {
        index += 1
        var items: [Value] = []
        var trailingComma = false
        while true {
            skipSpace()
            if current == close {
                index += 1
                return (items, trailingComma)
            }
            items.append(try parseValue())
            skipSpace()
            trailingComma = current == ","
            if trailingComma { index += 1 }
        }
    }

    private mutating func parseDict() throws -> Value {
        index += 1
        var dict = OrderedDictionary<Value, Value>()
        while true {
            skipSpace()
            if current == "}" {
                index += 1
                return .dict(dict)
            }
            let key = try parseValue()
            skipSpace()
            guard current == ":" else { throw LiteralError(source: "dict") }
            index += 1
            dict[key] = try parseValue()
            skipSpace()
            if current == "," { index += 1 }
        }
    }

    private mutating func parseString() throws -> String {
        guard let quote = current else { throw LiteralError(source: "string") }
        index += 1
        var out = String.UnicodeScalarView()
        while let scalar = current, scalar != quote {
            index += 1
            guard scalar == "\\", let escaped = current else {
                out.append(scalar)
                continue
            }
            index += 1
            switch escaped {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "v": out.append("\u{0B}")
            case "a": out.append("\u{07}")
            case "0": out.append("\u{00}")
            case "x", "u", "U":
                let count = escaped == "x" ? 2 : (escaped == "u" ? 4 : 8)
                let hex = String(String.UnicodeScalarView(scalars[index..<index + count]))
                index += count
                guard let code = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(code) else {
                    throw LiteralError(source: hex)
                }
                out.append(decoded)
            default: out.append(escaped)
            }
        }
        index += 1
        return String(out)
    }

    private mutating func parseWord() throws -> Value {
        let start = index
        while let scalar = current, !",:)]} ".unicodeScalars.contains(scalar) { index += 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<index]))
        switch word {
        case "None": return .none
        case "True": return .bool(true)
        case "False": return .bool(false)
        case "nan": return .float(.nan)
        case "inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        default:
            if let int = Int(word) { return .int(int) }
            if let double = Double(word) { return .float(double) }
            throw LiteralError(source: word)
        }
    }
}
