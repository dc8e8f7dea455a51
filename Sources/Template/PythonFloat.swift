/// Python's `repr(float)`: the shortest digits that round-trip, in fixed notation for decimal
/// exponents from -4 to 15 and scientific notation (`1e+16`, `1e-05`) outside that range.
package enum PythonFloat {
    package static func repr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let (negative, digits, pointPosition) = shortestDigits(value)
        let sign = negative ? "-" : ""
        let exponent = pointPosition - 1
        if exponent >= -4, exponent < 16 {
            if pointPosition <= 0 {
                return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
            }
            if pointPosition >= digits.count {
                return sign + digits + String(repeating: "0", count: pointPosition - digits.count) + ".0"
            }
            let index = digits.index(digits.startIndex, offsetBy: pointPosition)
            return sign + digits[..<index] + "." + digits[index...]
        }
        var mantissa = String(digits.prefix(1))
        if digits.count > 1 { mantissa += "." + digits.dropFirst() }
        let magnitude = abs(exponent)
        let expText = magnitude < 10 ? "0\(magnitude)" : String(magnitude)
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + expText
    }

    /// Significant digits (no leading or trailing zeros) and where the decimal point goes:
    /// `value == 0.DIGITS × 10^pointPosition`.
    private static func shortestDigits(_ value: Double) -> (Bool, String, Int) {
        // Swift's description is already the shortest round-tripping form; only its layout differs.
        var text = Substring(value.magnitude.description)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        var integerPart = text
        var fraction: Substring = ""
        if let dot = text.firstIndex(of: ".") {
            integerPart = text[..<dot]
            fraction = text[text.index(after: dot)...]
        }
        var all = String(integerPart) + fraction
        var point = integerPart.count + exponent
        while all.first == "0" {
            all.removeFirst()
            point -= 1
        }
        while all.last == "0" { all.removeLast() }
        if all.isEmpty { all = "0" }
        return (value < 0, all, point)
    }
}
