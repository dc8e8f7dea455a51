import Foundation

/// Python's `int()`, `float()` and `round()` rules, which the `int`, `float` and `round`
/// filters observe.
package enum PythonNumber {
    /// Python's `int(text, base)`: surrounding whitespace, a sign, a `0x`/`0o`/`0b` prefix
    /// matching the base (any prefix with base 0), and single underscores between digits.
    /// Nil when Python would raise `ValueError` or the value does not fit in 64 bits.
    package static func parseInt(_ text: String, base: Int = 10) -> Int? {
        guard base == 0 || (2...36).contains(base) else { return nil }
        var scalars = Substring(PythonText.strip(text, characters: nil)).unicodeScalars
        var negative = false
        if let sign = scalars.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            scalars.removeFirst()
        }
        var radix = base
        var prefixed = false
        if scalars.count >= 2, scalars.first == "0", let marker = scalars.dropFirst().first {
            let prefixRadix: Int? = switch marker {
            case "x", "X": 16
            case "o", "O": 8
            case "b", "B": 2
            default: nil
            }
            if let prefixRadix, base == 0 || base == prefixRadix {
                radix = prefixRadix
                prefixed = true
                scalars.removeFirst(2)
            }
        }
        if radix == 0 { radix = 10 }
        guard let digits = digitsWithoutUnderscores(scalars, allowLeadingUnderscore: prefixed) else { return nil }
        if base == 0, !prefixed, digits.count > 1, digits.first == "0", digits.contains(where: { $0 != "0" }) {
            return nil
        }
        guard let magnitude = UInt64(digits, radix: radix) else { return nil }
        if negative {
            return magnitude <= UInt64(Int.max) + 1 ? Int(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int.max) ? Int(magnitude) : nil
    }

    /// Digits with PEP 515 underscores removed; nil when an underscore is misplaced or there
    /// are no digits.
    private static func digitsWithoutUnderscores(
        _ scalars: Substring.UnicodeScalarView, allowLeadingUnderscore: Bool
    ) -> String? {
        var digits = ""
        var previousWasDigit = allowLeadingUnderscore
        for scalar in scalars {
            if scalar == "_" {
                guard previousWasDigit else { return nil }
                previousWasDigit = false
                continue
            }
            guard let digit = decimalDigitOrLetter(scalar) else { return nil }
            digits.append(digit)
            previousWasDigit = true
        }
        guard previousWasDigit, !digits.isEmpty else { return nil }
        return digits
    }

    /// ASCII digits and letters as they are; other Unicode decimal digits as their ASCII digit.
    private static func decimalDigitOrLetter(_ scalar: Unicode.Scalar) -> Character? {
        if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            return Character(scalar)
        }
        if scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue {
            return Character(String(Int(value)))
        }
        return nil
    }

    /// Python's `float(text)`: decimal notation with optional underscores between digits,
    /// `inf`, `infinity` and `nan` in any case, surrounded by optional whitespace.
    package static func parseFloat(_ text: String) -> Double? {
        var body = PythonText.strip(text, characters: nil)
        var sign = ""
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? "-" : ""
            body.removeFirst()
        }
        switch body.lowercased() {
        case "inf", "infinity": return sign == "-" ? -.infinity : .infinity
        case "nan": return .nan
        default: break
        }
        guard let cleaned = decimalLiteral(body) else { return nil }
        return Double(sign + cleaned)
    }

    /// The literal without underscores when it is `digits[.digits][e[+-]digits]` or
    /// `.digits[…]`, with underscores only between digits.
    private static func decimalLiteral(_ text: String) -> String? {
        var cleaned = ""
        var state = (digitsBefore: 0, digitsAfter: 0, seenPoint: false, seenExponent: false, exponentDigits: 0)
        var previous: Character?
        for character in text {
            switch character {
            case "0"..."9":
                if state.seenExponent {
                    state.exponentDigits += 1
                } else if state.seenPoint {
                    state.digitsAfter += 1
                } else {
                    state.digitsBefore += 1
                }
                cleaned.append(character)
            case "_":
                guard let previous, previous.isASCII, previous.isNumber else { return nil }
            case ".":
                guard !state.seenPoint, !state.seenExponent, previous != "_" else { return nil }
                state.seenPoint = true
                cleaned.append(character)
            case "e", "E":
                guard !state.seenExponent, state.digitsBefore + state.digitsAfter > 0, previous != "_" else { return nil }
                state.seenExponent = true
                cleaned.append("e")
            case "+", "-":
                guard previous == "e" || previous == "E" else { return nil }
                cleaned.append(character)
            default:
                return nil
            }
            previous = character
        }
        guard previous != "_", state.digitsBefore + state.digitsAfter > 0 else { return nil }
        guard !state.seenExponent || state.exponentDigits > 0 else { return nil }
        return cleaned
    }

    /// Python's `round(value, digits)` for floats: correctly rounded, ties to even.
    package static func round(_ value: Double, digits: Int) -> Double {
        guard value.isFinite else { return value }
        if digits > 330 { return value }
        if digits < -330 { return 0 * value }
        if digits >= 0 {
            let text = String(format: "%.\(digits)f", value)
            return Double(text) ?? value
        }
        let scale = pow(10.0, Double(-digits))
        let scaled = (value / scale).rounded(.toNearestOrEven)
        return scaled * scale
    }

    /// Python's `round(value, digits)` for integers: unchanged unless `digits` is negative,
    /// then rounded to a multiple of `10^-digits`, ties to even.
    package static func round(_ value: Int, digits: Int) -> Int {
        guard digits < 0 else { return value }
        guard -digits <= 18 else { return 0 }
        var power = 1
        for _ in 0..<(-digits) { power *= 10 }
        let remainder = ((value % power) + power) % power
        let base = value - remainder
        if remainder * 2 > power || (remainder * 2 == power && (base / power) % 2 != 0) {
            return base + power
        }
        return base
    }
}
