/// Python's format specification mini-language (`{:>10}`, `{:,.2f}`, `{:#06x}`), as
/// `format(value, spec)` applies it to strings, integers, floats and other objects.
struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var coerceNegativeZero = false
    var alternate = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?
    private let text: String

    init(_ text: String) throws(TemplateError) {
        self.text = text
        var characters = Array(text)[...]
        if characters.count >= 2, "<>=^".contains(characters[characters.startIndex + 1]) {
            fill = characters.removeFirst()
            align = characters.removeFirst()
        } else if let first = characters.first, "<>=^".contains(first) {
            align = characters.removeFirst()
        }
        if let first = characters.first, "+- ".contains(first) { sign = characters.removeFirst() }
        if characters.first == "z" {
            coerceNegativeZero = true
            characters.removeFirst()
        }
        if characters.first == "#" {
            alternate = true
            characters.removeFirst()
        }
        if characters.first == "0" {
            if align == nil {
                fill = "0"
                align = "="
            }
            characters.removeFirst()
        }
        width = Self.readNumber(&characters) ?? 0
        if let first = characters.first, first == "," || first == "_" { grouping = characters.removeFirst() }
        if characters.first == "." {
            characters.removeFirst()
            guard let number = Self.readNumber(&characters) else { throw .value("format specifier missing precision") }
            precision = number
        }
        if !characters.isEmpty { type = characters.removeFirst() }
        guard characters.isEmpty else { throw .value("invalid format specifier '\(text)'") }
    }

    private static func readNumber(_ characters: inout ArraySlice<Character>) -> Int? {
        var digits = ""
        while let first = characters.first, first.isASCII, first.isNumber { digits.append(characters.removeFirst()) }
        return digits.isEmpty ? nil : Int(digits)
    }

    /// `format(value, spec)`.
    func format(_ value: Value) throws(TemplateError) -> String {
        switch value {
        case .string(let string):
            return try formatString(string)
        case .bool(let bool) where type == nil && text.isEmpty:
            return bool ? "True" : "False"
        case .bool, .int:
            guard let type, "eEfFgG%".contains(type) else { return try formatInteger(intValue(value)) }
            return try formatFloat(value.number?.double ?? 0)
        case .float(let double):
            return try formatFloat(double)
        default:
            guard text.isEmpty else { throw .type("unsupported format string passed to \(value.typeName).__format__") }
            return try value.pythonString()
        }
    }

    private func intValue(_ value: Value) -> Int {
        if case .int(let int)? = value.number { return int }
        return 0
    }

    private func formatString(_ string: String) throws(TemplateError) -> String {
        guard type == nil || type == "s" else { throw .value("unknown format code '\(type ?? " ")' for object of type 'str'") }
        guard sign == "-", !alternate, grouping == nil else {
            throw .value("sign, alternate form and grouping are not allowed in string format specifier")
        }
        guard align != "=" else { throw .value("'=' alignment not allowed in string format specifier") }
        var body = string
        if let precision { body = String(scalars: body.unicodeScalars.prefix(precision)) }
        return pad(body, prefix: "", defaultAlign: "<")
    }

    private func formatInteger(_ int: Int) throws(TemplateError) -> String {
        guard precision == nil else { throw .value("precision not allowed in integer format specifier") }
        var digits: String
        var prefix = ""
        switch type {
        case nil, "d", "n": digits = String(int.magnitude)
        case "b": digits = String(int.magnitude, radix: 2); prefix = alternate ? "0b" : ""
        case "o": digits = String(int.magnitude, radix: 8); prefix = alternate ? "0o" : ""
        case "x": digits = String(int.magnitude, radix: 16); prefix = alternate ? "0x" : ""
        case "X": digits = String(int.magnitude, radix: 16).uppercased(); prefix = alternate ? "0X" : ""
        case "c":
            guard int >= 0, let scalar = Unicode.Scalar(UInt32(clamping: int)) else {
                throw TemplateError(.overflow, "%c arg not in range(0x110000)")
            }
            return pad(String(scalar), prefix: "", defaultAlign: "<")
        case let other?: throw .value("unknown format code '\(other)' for object of type 'int'")
        }
        if let grouping { digits = Self.group(digits, with: grouping, every: type == nil || type == "d" || type == "n" ? 3 : 4) }
        return pad(digits, prefix: signText(negative: int < 0) + prefix, defaultAlign: ">")
    }

    private func formatFloat(_ double: Double) throws(TemplateError) -> String {
        var value = double
        if coerceNegativeZero, value == 0 { value = 0 }
        let negative = value.sign == .minus && !value.isNaN
        var body: String
        switch type {
        case nil:
            if let precision {
                body = PercentFormat.formatDouble(Swift.abs(value), type: "g", precision: max(precision, 1), alternate: alternate)
                if value.isFinite, !body.contains("."), !body.contains("e") { body += ".0" }
            } else {
                body = PythonFloat.repr(Swift.abs(value))
            }
        case "%":
            body = PercentFormat.formatDouble(Swift.abs(value) * 100, type: "f", precision: precision, alternate: alternate) + "%"
        case let letter? where "eEfFgG".contains(letter):
            body = PercentFormat.formatDouble(Swift.abs(value), type: letter, precision: precision, alternate: alternate)
        case "n":
            body = PercentFormat.formatDouble(Swift.abs(value), type: "g", precision: precision, alternate: alternate)
        case let other?:
            throw .value("unknown format code '\(other)' for object of type 'float'")
        }
        if let grouping, value.isFinite {
            let integerEnd = body.firstIndex { !$0.isNumber } ?? body.endIndex
            body = Self.group(String(body[..<integerEnd]), with: grouping, every: 3) + body[integerEnd...]
        }
        return pad(body, prefix: signText(negative: negative), defaultAlign: ">")
    }

    private func signText(negative: Bool) -> String {
        if negative { return "-" }
        switch sign {
        case "+": return "+"
        case " ": return " "
        default: return ""
        }
    }

    private static func group(_ digits: String, with separator: Character, every size: Int) -> String {
        var out: [Character] = []
        for (index, digit) in digits.reversed().enumerated() {
            if index > 0, index % size == 0 { out.append(separator) }
            out.append(digit)
        }
        return String(out.reversed())
    }

    private func pad(_ body: String, prefix: String, defaultAlign: Character) -> String {
        let length = body.unicodeScalars.count + prefix.unicodeScalars.count
        guard width > length else { return prefix + body }
        let padding = width - length
        let fillText = { (count: Int) in String(repeating: String(fill), count: count) }
        switch align ?? defaultAlign {
        case "<": return prefix + body + fillText(padding)
        case "^": return fillText(padding / 2) + prefix + body + fillText(padding - padding / 2)
        case "=": return prefix + fillText(padding) + body
        default: return fillText(padding) + prefix + body
        }
    }
}
