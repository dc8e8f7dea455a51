import Foundation

/// Python's printf-style `format % values`, for the `format` filter (and the `%` operator).
///
/// `values` is a tuple for several arguments, a dict for `%(name)s` keys, or any single value.
package enum PercentFormat {
    private struct Spec {
        var key: String?
        var flags: Set<Character> = []
        var width: Int?
        var precision: Int?
        var type: Character = "s"
    }

    private struct ArgumentSource {
        var positional: [Value]
        var mapping: Value?
        var next = 0

        mutating func take() throws(TemplateError) -> Value {
            guard next < positional.count else { throw .type("not enough arguments for format string") }
            defer { next += 1 }
            return positional[next]
        }
    }

    /// `format % values` with Python's rules and `TypeError` wording.
    package static func format(_ format: String, _ values: Value) throws(TemplateError) -> String {
        var source: ArgumentSource
        switch values {
        case .tuple(let items): source = ArgumentSource(positional: items, mapping: nil)
        case .dict: source = ArgumentSource(positional: [values], mapping: values)
        default: source = ArgumentSource(positional: [values], mapping: nil)
        }
        let characters = Array(format)
        var out = ""
        var index = 0
        var usedMapping = false
        while index < characters.count {
            guard characters[index] == "%" else {
                out.append(characters[index])
                index += 1
                continue
            }
            var spec = try parseSpec(characters, &index, &source)
            if spec.type == "%" {
                out += "%"
                continue
            }
            let argument: Value
            if let key = spec.key {
                guard case .dict(let dict) = source.mapping else { throw .type("format requires a mapping") }
                guard let value = dict[.string(key)] else { throw TemplateError(.lookup, "format key '\(key)' is missing") }
                argument = value
                usedMapping = true
            } else {
                argument = try source.take()
            }
            if spec.width.map({ $0 < 0 }) ?? false {
                spec.flags.insert("-")
                spec.width = spec.width.map { -$0 }
            }
            out += try convert(argument, spec)
        }
        if !usedMapping, source.mapping == nil || source.next > 0, source.next < source.positional.count {
            throw .type("not all arguments converted during string formatting")
        }
        return out
    }

    private static func parseSpec(
        _ characters: [Character], _ index: inout Int, _ source: inout ArgumentSource
    ) throws(TemplateError) -> Spec {
        var spec = Spec()
        index += 1
        func current() -> Character? { index < characters.count ? characters[index] : nil }
        if current() == "(" {
            var depth = 1
            var key = ""
            index += 1
            while let character = current(), !(character == ")" && depth == 1) {
                if character == "(" { depth += 1 }
                if character == ")" { depth -= 1 }
                key.append(character)
                index += 1
            }
            guard current() == ")" else { throw .value("incomplete format key") }
            index += 1
            spec.key = key
        }
        while let character = current(), "-+ #0".contains(character) {
            spec.flags.insert(character)
            index += 1
        }
        spec.width = try parseNumber(characters, &index, &source)
        if current() == "." {
            index += 1
            spec.precision = try parseNumber(characters, &index, &source) ?? 0
        }
        while let character = current(), "hlL".contains(character) { index += 1 }
        guard let type = current() else { throw .value("incomplete format") }
        index += 1
        spec.type = type
        return spec
    }

    private static func parseNumber(
        _ characters: [Character], _ index: inout Int, _ source: inout ArgumentSource
    ) throws(TemplateError) -> Int? {
        if index < characters.count, characters[index] == "*" {
            index += 1
            guard case .int(let value) = try source.take() else { throw .type("* wants int") }
            return value
        }
        var digits = ""
        while index < characters.count, characters[index].isASCII, characters[index].isNumber {
            digits.append(characters[index])
            index += 1
        }
        return digits.isEmpty ? nil : Int(digits)
    }

    private static func convert(_ value: Value, _ spec: Spec) throws(TemplateError) -> String {
        switch spec.type {
        case "s", "r", "a":
            var text = spec.type == "s" ? try value.pythonString() : value.pythonRepr()
            if let precision = spec.precision { text = String(scalars: text.unicodeScalars.prefix(precision)) }
            return pad(text, spec, numeric: false)
        case "d", "i", "u", "x", "X", "o":
            return try formatInteger(value, spec)
        case "e", "E", "f", "F", "g", "G":
            guard let number = value.number else {
                try value.requireDefined()
                throw .type("must be real number, not \(value.typeName)")
            }
            return pad(formatDouble(number.double, spec), spec, numeric: true)
        case "c":
            return pad(try character(value), spec, numeric: false)
        default:
            throw .value("unsupported format character '\(spec.type)'")
        }
    }

    private static func formatInteger(_ value: Value, _ spec: Spec) throws(TemplateError) -> String {
        let integer: Int
        switch value.number {
        case .int(let int): integer = int
        case .float(let double) where "diu".contains(spec.type):
            guard let int = Int(exactly: double.rounded(.towardZero)) else {
                throw TemplateError(.overflow, "cannot convert float \(PythonFloat.repr(double)) to integer")
            }
            integer = int
        default:
            try value.requireDefined()
            let wanted = "diu".contains(spec.type) ? "a real number" : "an integer"
            throw .type("%\(spec.type) format: \(wanted) is required, not \(value.typeName)")
        }
        let radix = spec.type == "x" || spec.type == "X" ? 16 : (spec.type == "o" ? 8 : 10)
        var digits = String(integer.magnitude, radix: radix, uppercase: spec.type == "X")
        if let precision = spec.precision, digits.count < precision {
            digits = String(repeating: "0", count: precision - digits.count) + digits
        }
        if spec.flags.contains("#"), radix != 10 {
            digits = (radix == 16 ? (spec.type == "X" ? "0X" : "0x") : "0o") + digits
        }
        return pad(sign(negative: integer < 0, spec) + digits, spec, numeric: true)
    }

    private static func sign(negative: Bool, _ spec: Spec) -> String {
        if negative { return "-" }
        if spec.flags.contains("+") { return "+" }
        return spec.flags.contains(" ") ? " " : ""
    }

    /// C's formatting for `e`, `f` and `g`, which CPython's float formatting matches.
    package static func formatDouble(_ value: Double, type: Character, precision: Int?, alternate: Bool) -> String {
        let precision = precision ?? 6
        if !value.isFinite {
            let text = value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
            return type.isUppercase ? text.uppercased() : text
        }
        let cType = type == "F" ? "f" : String(type)
        let text = String(format: "%\(alternate ? "#" : "").\(precision)\(cType)", value)
        return type == "F" ? text.uppercased() : text
    }

    private static func formatDouble(_ value: Double, _ spec: Spec) -> String {
        let body = formatDouble(abs(value), type: spec.type, precision: spec.precision, alternate: spec.flags.contains("#"))
        let negative = value.sign == .minus && !value.isNaN
        return sign(negative: negative, spec) + body
    }

    private static func character(_ value: Value) throws(TemplateError) -> String {
        switch value {
        case .int(let code):
            guard let scalar = Unicode.Scalar(UInt32(clamping: max(0, code))), code >= 0 else {
                throw TemplateError(.overflow, "%c arg not in range(0x110000)")
            }
            return String(scalar)
        case .string(let string) where string.unicodeScalars.count == 1:
            return string
        default:
            try value.requireDefined()
            throw .type("%c requires int or char")
        }
    }

    /// Pads to the width: left-justified with `-`, zero-filled after the sign with `0` (numbers only).
    private static func pad(_ text: String, _ spec: Spec, numeric: Bool) -> String {
        guard let width = spec.width else { return text }
        let missing = width - text.unicodeScalars.count
        guard missing > 0 else { return text }
        if spec.flags.contains("-") { return text + String(repeating: " ", count: missing) }
        guard numeric, spec.flags.contains("0"), text.last?.isNumber ?? false else {
            return String(repeating: " ", count: missing) + text
        }
        var prefixLength = 0
        let scalars = Array(text.unicodeScalars)
        if let first = scalars.first, "+- ".unicodeScalars.contains(first) { prefixLength = 1 }
        if scalars.count >= prefixLength + 2, scalars[prefixLength] == "0", "xXo".unicodeScalars.contains(scalars[prefixLength + 1]) {
            prefixLength += 2
        }
        return String(scalars: scalars[..<prefixLength]) + String(repeating: "0", count: missing)
            + String(scalars: scalars[prefixLength...])
    }
}
