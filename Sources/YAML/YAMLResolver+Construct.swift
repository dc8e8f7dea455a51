/// Why a scalar's text could not be turned into the value its tag asks for.
enum YAMLConstructProblem: Error, Sendable, Hashable {
    case invalid(String)
    case overflow
}

extension YAMLResolver {
    /// The value of a plain, untagged scalar (or one tagged `!`).
    static func implicitValue(of text: String) -> Result<YAMLValue, YAMLConstructProblem> {
        switch implicitType(of: text) {
        case .null: .success(.null)
        case .bool: constructBool(text)
        case .int: constructInt(text)
        case .float: constructFloat(text)
        case .timestamp, .merge, .value, .string: .success(.string(text))
        }
    }

    /// PyYAML's `construct_yaml_bool`: the lowercased text must be a YAML 1.1 boolean word.
    static func constructBool(_ text: String) -> Result<YAMLValue, YAMLConstructProblem> {
        switch text.lowercased() {
        case "yes", "true", "on": .success(.bool(true))
        case "no", "false", "off": .success(.bool(false))
        default: .failure(.invalid("a boolean is one of true/false, yes/no or on/off"))
        }
    }

    /// PyYAML's `construct_yaml_int`: underscores dropped, then `0b`, `0x`, leading-zero octal,
    /// base-60 with `:` or decimal.
    static func constructInt(_ text: String) -> Result<YAMLValue, YAMLConstructProblem> {
        var digits = Substring(text.filter { $0 != "_" })
        var sign = ""
        if let first = digits.first, first == "-" || first == "+" {
            if first == "-" { sign = "-" }
            digits = digits.dropFirst()
        }
        if digits == "0" { return .success(.int(0)) }
        if digits.hasPrefix("0b") { return parseInt(sign, digits.dropFirst(2), radix: 2) }
        if digits.hasPrefix("0x") { return parseInt(sign, digits.dropFirst(2), radix: 16) }
        if digits.hasPrefix("0") { return parseInt(sign, digits, radix: 8) }
        if digits.contains(":") {
            var total = 0
            for part in digits.split(separator: ":", omittingEmptySubsequences: false) {
                guard case .success(.int(let value)) = parseInt("", part, radix: 10) else {
                    return .failure(.invalid("base-60 parts must be decimal integers"))
                }
                let (shifted, overflow1) = total.multipliedReportingOverflow(by: 60)
                let (sum, overflow2) = shifted.addingReportingOverflow(value)
                if overflow1 || overflow2 { return .failure(.overflow) }
                total = sum
            }
            return .success(.int(sign == "-" ? -total : total))
        }
        return parseInt(sign, digits, radix: 10)
    }

    private static func parseInt(_ sign: String, _ digits: Substring, radix: Int)
        -> Result<YAMLValue, YAMLConstructProblem>
    {
        let valid = !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isHexDigit && Int(String($0), radix: radix) != nil }
        guard valid else { return .failure(.invalid("not an integer in base \(radix)")) }
        guard let value = Int(sign + digits, radix: radix) else { return .failure(.overflow) }
        return .success(.int(value))
    }

    /// PyYAML's `construct_yaml_float`: underscores dropped, `.inf`/`.nan`, base-60, or a
    /// decimal float as Python's `float()` reads it.
    static func constructFloat(_ text: String) -> Result<YAMLValue, YAMLConstructProblem> {
        var body = Substring(text.filter { $0 != "_" }.lowercased())
        var negative = false
        if let first = body.first, first == "-" || first == "+" {
            negative = first == "-"
            body = body.dropFirst()
        }
        let sign: Double = negative ? -1 : 1
        if body == ".inf" { return .success(.float(sign * .infinity)) }
        if body == ".nan" { return .success(.float(.nan)) }
        if body.contains(":") {
            var total = 0.0
            for part in body.split(separator: ":", omittingEmptySubsequences: false) {
                guard let value = pythonFloat(part) else {
                    return .failure(.invalid("base-60 parts must be numbers"))
                }
                total = total * 60 + value
            }
            return .success(.float(sign * total))
        }
        guard let value = pythonFloat(body) else { return .failure(.invalid("not a floating-point number")) }
        return .success(.float(sign * value))
    }

    /// Python's `float()` on an unsigned, lowercased decimal: digits with an optional point and
    /// exponent (`1.`, `.5`, `1.e+3` and `1e3` included), or `inf`/`infinity`/`nan`.
    private static func pythonFloat(_ text: Substring) -> Double? {
        let trimmed = text.trimmingPrefixAndSuffix(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        switch trimmed {
        case "inf", "infinity": return .infinity
        case "nan": return .nan
        default: break
        }
        let allowed = trimmed.allSatisfy { $0.isASCII && ($0.isNumber || "+-.e".contains($0)) }
        guard allowed, trimmed.contains(where: \.isNumber) else { return nil }
        var normalized = String(trimmed)
        // Swift's parser wants a digit on each side of the point; Python does not.
        normalized = normalized.replacingOccurrences(of: ".e", with: ".0e")
        if normalized.hasSuffix(".") { normalized += "0" }
        if normalized.hasPrefix(".") { normalized = "0" + normalized }
        return Double(normalized)
    }
}

extension Substring {
    fileprivate func trimmingPrefixAndSuffix(while predicate: (Character) -> Bool) -> Substring {
        var result = self
        while let first = result.first, predicate(first) { result = result.dropFirst() }
        while let last = result.last, predicate(last) { result = result.dropLast() }
        return result
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
