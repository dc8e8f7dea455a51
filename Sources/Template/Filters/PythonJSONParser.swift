import OrderedCollections

/// Python's `json.loads`, including its extensions (`NaN`, `Infinity`, `-Infinity`) and its
/// error wording (`Expecting value: line 1 column 1 (char 0)`).
struct PythonJSONParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    mutating func parseDocument() throws(TemplateError) -> Value {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard index == scalars.count else { throw error("Extra data") }
        return value
    }

    private func error(_ message: String, at position: Int? = nil) -> TemplateError {
        let offset = position ?? index
        let before = scalars[..<min(offset, scalars.count)]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = offset - (before.lastIndex(of: "\n").map { $0 + 1 } ?? 0) + 1
        return .value("\(message): line \(line) column \(column) (char \(offset))")
    }

    private mutating func skipWhitespace() {
        while index < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[index]) { index += 1 }
    }

    private func starts(with word: String) -> Bool {
        let wordScalars = Array(word.unicodeScalars)
        guard index + wordScalars.count <= scalars.count else { return false }
        return scalars[index..<index + wordScalars.count].elementsEqual(wordScalars)
    }

    private mutating func parseValue() throws(TemplateError) -> Value {
        guard index < scalars.count else { throw error("Expecting value") }
        switch scalars[index] {
        case "{": return try parseObject()
        case "[": return try parseArray()
        case "\"": return .string(try parseString())
        default: break
        }
        for (word, value) in [("null", Value.none), ("true", .bool(true)), ("false", .bool(false)),
            ("NaN", .float(.nan)), ("Infinity", .float(.infinity)), ("-Infinity", .float(-.infinity))]
        where starts(with: word) {
            index += word.unicodeScalars.count
            return value
        }
        return try parseNumber()
    }

    private mutating func parseNumber() throws(TemplateError) -> Value {
        let start = index
        func digits() -> Int {
            let first = index
            while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
            return index - first
        }
        if index < scalars.count, scalars[index] == "-" { index += 1 }
        if index < scalars.count, scalars[index] == "0" {
            index += 1
        } else if index < scalars.count, ("1"..."9").contains(scalars[index]) {
            _ = digits()
        } else {
            index = start
            throw error("Expecting value")
        }
        var isFloat = false
        let beforeFraction = index
        if index < scalars.count, scalars[index] == "." {
            index += 1
            if digits() == 0 { index = beforeFraction } else { isFloat = true }
        }
        let beforeExponent = index
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            index += 1
            if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" { index += 1 }
            if digits() == 0 { index = beforeExponent } else { isFloat = true }
        }
        let text = String(scalars: scalars[start..<index])
        if isFloat { return .float(Double(text) ?? .nan) }
        guard let int = Int(text) else { throw TemplateError(.overflow, "integer \(text) is too large") }
        return .int(int)
    }

    private mutating func parseString() throws(TemplateError) -> String {
        let start = index
        index += 1
        var out = String.UnicodeScalarView()
        while true {
            guard index < scalars.count else { throw error("Unterminated string starting at", at: start) }
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\"": return String(out)
            case "\\": out.append(try parseEscape())
            default:
                guard scalar.value >= 0x20 else { throw error("Invalid control character at", at: index - 1) }
                out.append(scalar)
            }
        }
    }

    private mutating func parseEscape() throws(TemplateError) -> Unicode.Scalar {
        guard index < scalars.count else { throw error("Unterminated string starting at", at: index - 1) }
        let letter = scalars[index]
        index += 1
        switch letter {
        case "\"", "\\", "/": return letter
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "u": break
        default: throw error("Invalid \\escape", at: index - 2)
        }
        let high = try parseHex4()
        if (0xD800...0xDBFF).contains(high), starts(with: "\\u") {
            let saved = index
            index += 2
            let low = try parseHex4()
            if (0xDC00...0xDFFF).contains(low) {
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
            }
            index = saved
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    private mutating func parseHex4() throws(TemplateError) -> UInt32 {
        guard index + 4 <= scalars.count,
            let value = UInt32(String(scalars: scalars[index..<index + 4]), radix: 16)
        else { throw error("Invalid \\uXXXX escape", at: index - 1) }
        index += 4
        return value
    }

    private mutating func parseArray() throws(TemplateError) -> Value {
        index += 1
        var items: [Value] = []
        skipWhitespace()
        if index < scalars.count, scalars[index] == "]" {
            index += 1
            return .list(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard index < scalars.count else { throw error("Expecting ',' delimiter") }
            let delimiter = scalars[index]
            index += 1
            if delimiter == "]" { return .list(items) }
            guard delimiter == "," else { throw error("Expecting ',' delimiter", at: index - 1) }
        }
    }

    private mutating func parseObject() throws(TemplateError) -> Value {
        index += 1
        var dict = OrderedDictionary<Value, Value>()
        skipWhitespace()
        if index < scalars.count, scalars[index] == "}" {
            index += 1
            return .dict(dict)
        }
        while true {
            skipWhitespace()
            guard index < scalars.count, scalars[index] == "\"" else {
                throw error("Expecting property name enclosed in double quotes")
            }
            let key = try parseString()
            skipWhitespace()
            guard index < scalars.count, scalars[index] == ":" else { throw error("Expecting ':' delimiter") }
            index += 1
            skipWhitespace()
            dict[.string(key)] = try parseValue()
            skipWhitespace()
            guard index < scalars.count else { throw error("Expecting ',' delimiter") }
            let delimiter = scalars[index]
            index += 1
            if delimiter == "}" { return .dict(dict) }
            guard delimiter == "," else { throw error("Expecting ',' delimiter", at: index - 1) }
        }
    }
}
