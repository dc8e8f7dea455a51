/// Formats floats as PyYAML's `represent_float` does: `.nan`, `.inf`, `-.inf`, else Python's
/// `repr` lowercased, with `.0` put before the exponent when there is no point (`1e+20` →
/// `1.0e+20`), so the text reads back as a float under YAML 1.1.
enum YAMLFloatFormatter {
    static func format(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        var text = pythonRepr(value)
        if !text.contains("."), let exponent = text.firstIndex(of: "e") {
            text.replaceSubrange(exponent...exponent, with: ".0e")
        }
        return text
    }

    /// Python's `repr(float)`: the shortest digits that read back exactly, positional when the
    /// decimal exponent is in [-4, 16), scientific (`1e+16`, `1.5e-05`) otherwise.
    static func pythonRepr(_ value: Double) -> String {
        let (digits, pointPosition) = shortestDigits(abs(value))
        let sign = value.sign == .minus ? "-" : ""
        let exponent = pointPosition - 1
        if exponent < -4 || exponent >= 16 {
            var mantissa = String(digits.prefix(1))
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let exponentSign = exponent < 0 ? "-" : "+"
            let magnitude = String(abs(exponent))
            return sign + mantissa + "e" + exponentSign + (magnitude.count < 2 ? "0" + magnitude : magnitude)
        }
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
        }
        if pointPosition >= digits.count {
            return sign + digits + String(repeating: "0", count: pointPosition - digits.count) + ".0"
        }
        let split = digits.index(digits.startIndex, offsetBy: pointPosition)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// The shortest round-trip decimal digits of a finite, non-negative value (no leading or
    /// trailing zeros, "0" for zero) and where the decimal point goes: value = 0.DIGITS × 10^point.
    private static func shortestDigits(_ value: Double) -> (String, Int) {
        if value == 0 { return ("0", 1) }
        // Swift's description is also shortest-round-trip; only its layout differs from Python's.
        let description = value.description.lowercased()
        var mantissa = Substring(description)
        var exponent = 0
        if let e = description.firstIndex(of: "e") {
            mantissa = description[..<e]
            exponent = Int(description[description.index(after: e)...]) ?? 0
        }
        var whole = mantissa
        var fraction: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            whole = mantissa[..<dot]
            fraction = mantissa[mantissa.index(after: dot)...]
        }
        var digits = String(whole) + fraction
        var point = whole.count + exponent
        while digits.hasPrefix("0"), digits.count > 1 {
            digits.removeFirst()
            point -= 1
        }
        while digits.hasSuffix("0"), digits.count > 1 { digits.removeLast() }
        return (digits, point)
    }
}
