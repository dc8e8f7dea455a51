import Foundation

/// Python's printf-style `format % values`, used by the `%` operator and the `format` filter.
package enum PrintfFormat {
    package static func format(_ format: String, _ values: Value) throws(TemplateError) -> String {
        var arguments: [Value]
        var mapping: Value?
        switch values {
        case .tuple(let items): arguments = items
        case .dict: arguments = []; mapping = values
        default: arguments = [values]
        }
        var out = ""
        var scalars = Array(format.unicodeScalars)[...]
        var used = 0
        while let scalar = scalars.popFirst() {
            guard scalar == "%" else {
                out.unicodeScalars.append(scalar)
                continue
            }
            var spec = Spec()
            if scalars.first == "(" {
                scalars.removeFirst()
                var key = ""
                while let next = scalars.popFirst(), next != ")" { key.unicodeScalars.append(next) }
                spec.key = key
            }
            while let flag = scalars.first, "-+ 0#".unicodeScalars.contains(flag) {
                spec.flags.insert(Character(flag))
                scalars.removeFirst()
            }
            spec.width = try readNumber(&scalars, &arguments, &used)
            if scalars.first == "." {
                scalars.removeFirst()
                spec.precision = try readNumber(&scalars, &arguments, &used) ?? 0
            }
            while let length = scalars.first, "hlL".unicodeScalars.contains(length) { scalars.removeFirst() }
            guard let conversion = scalars.popFirst() else { throw .value("incomplete format") }
            if conversion == "%" {
                out += "%"
                continue
            }
            let value: Value
            if let key = spec.key {
                guard case .dict(let dict) = mapping ?? .none, let found = dict[.string(key)] else {
                    throw .value("format requires a mapping with key '\(key)'")
                }
                value = found
            } else {
                guard used < arguments.count else { throw .type("not enough arguments for format string") }
                value = arguments[used]
                used += 1
            }
            out += try convert(value, Character(conversion), spec)
        }
        if mapping == nil, used < arguments.count {
            throw .type("not all arguments converted during string formatting")
        }
        return out
    }

    struct Spec {
        var key: String?
        var flags: Set<Character> = []
        var width: Int?
        var precision: Int?
    }

    private static func readNumber(_ scalars: inout ArraySlice<Unicode.Scalar>, _ arguments: inout [Value], _ used: inout Int) throws(TemplateError) -> Int? {
        if scalars.first == "*" {
            scalars.removeFirst()
            guard used < arguments.count, case .int(let value) = arguments[used] else { throw .type("* wants int") }
            used += 1
            return value
        }
        var digits = ""
        while let digit = scalars.first, ("0"..."9").contains(digit) {
            digits.unicodeScalars.append(digit)
            scalars.removeFirst()
        }
        return digits.isEmpty ? nil : min(Int(digits) ?? 0, 10_000)
    }

    private static func convert(_ value: Value, _ conversion: Character, _ spec: Spec) throws(TemplateError) -> String {
        var body: String
        var numeric = false
        switch conversion {
        case "s":
            body = try value.pythonString()
            if let precision = spec.precision { body = String(String.UnicodeScalarView(body.unicodeScalars.prefix(precision))) }
        case "r", "a":
            body = value.pythonRepr()
        case "d", "i", "u":
            guard let number = value.number else { throw .type("%\(conversion) format: a real number is required, not \(value.typeName)") }
            switch number {
            case .int(let int): body = String(int)
            case .float(let double):
                guard let int = Int(exactly: double.rounded(.towardZero)) else { throw .value("cannot convert float to integer") }
                body = String(int)
            }
            numeric = true
        case "f", "F", "e", "E", "g", "G":
            guard let number = value.number else { throw .type("must be real number, not \(value.typeName)") }
            body = String(format: "%.\(spec.precision ?? 6)\(conversion)", number.double)
            numeric = true
        case "x", "X", "o":
            guard case .int(let int) = value.number ?? .float(0) else { throw .type("%\(conversion) format: an integer is required, not \(value.typeName)") }
            body = String(int.magnitude, radix: conversion == "o" ? 8 : 16, uppercase: conversion == "X")
            if spec.flags.contains("#") { body = (conversion == "o" ? "0o" : (conversion == "X" ? "0X" : "0x")) + body }
            if int < 0 { body = "-" + body }
            numeric = true
        case "c":
            if case .int(let code) = value, let scalar = Unicode.Scalar(UInt32(clamping: max(code, 0))) {
                body = String(scalar)
            } else {
                body = try value.pythonString()
            }
        default:
            throw .value("unsupported format character '\(conversion)'")
        }
        if numeric, !body.hasPrefix("-") {
            if spec.flags.contains("+") { body = "+" + body } else if spec.flags.contains(" ") { body = " " + body }
        }
        guard let width = spec.width, body.unicodeScalars.count < width else { return body }
        let padding = width - body.unicodeScalars.count
        if spec.flags.contains("-") { return body + String(repeating: " ", count: padding) }
        if numeric, spec.flags.contains("0") {
            let sign = body.first.map { "+- ".contains($0) } == true ? String(body.removeFirst()) : ""
            return sign + String(repeating: "0", count: padding) + body
        }
        return String(repeating: " ", count: padding) + body
    }
}
