extension PythonText {
    /// Python's `str.lower()`: full Unicode lowercase mapping.
    package static func lower(_ string: String) -> String {
        string.lowercased()
    }

    /// Python's `str.upper()`: full Unicode uppercase mapping (`'ß'.upper()` is `'SS'`).
    package static func upper(_ string: String) -> String {
        string.uppercased()
    }

    /// Python's `str.capitalize()`: the first code point title-cased, the rest lowercased.
    package static func capitalize(_ string: String) -> String {
        var scalars = string.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return "" }
        var out = first.properties.titlecaseMapping
        var rest = String.UnicodeScalarView()
        while let scalar = scalars.next() { rest.append(scalar) }
        out += String(rest).lowercased()
        return out
    }

    /// Python's `str.title()`: a code point after a cased one is lowercased, any other is
    /// title-cased.
    package static func title(_ string: String) -> String {
        var out = ""
        var previousIsCased = false
        for scalar in string.unicodeScalars {
            out += previousIsCased ? scalar.properties.lowercaseMapping : scalar.properties.titlecaseMapping
            previousIsCased = isCased(scalar)
        }
        return out
    }

    /// Jinja2's `title` filter: words start after `-`, whitespace, `(`, `{`, `[` or `<`; each
    /// word is uppercased at its first code point and lowercased after it.
    package static func jinjaTitle(_ string: String) -> String {
        var out = ""
        var atWordStart = true
        var previousWasSeparator: Bool?
        for scalar in string.unicodeScalars {
            let isSeparator = scalar == "-" || scalar == "(" || scalar == "{" || scalar == "["
                || scalar == "<" || isWhitespace(scalar)
            if previousWasSeparator != isSeparator { atWordStart = true }
            previousWasSeparator = isSeparator
            out += atWordStart ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping
            atWordStart = false
        }
        return out
    }

    /// Python's "cased" property: letters with case (uppercase, lowercase or titlecase).
    package static func isCased(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isCased
    }

    /// Python's `str.islower()`: some cased code point, and none uppercase or titlecase.
    package static func isLower(_ string: String) -> Bool {
        var cased = false
        for scalar in string.unicodeScalars {
            if scalar.properties.isUppercase || scalar.properties.generalCategory == .titlecaseLetter {
                return false
            }
            if scalar.properties.isLowercase { cased = true }
        }
        return cased
    }

    /// Python's `str.isupper()`: some cased code point, and none lowercase or titlecase.
    package static func isUpper(_ string: String) -> Bool {
        var cased = false
        for scalar in string.unicodeScalars {
            if scalar.properties.isLowercase || scalar.properties.generalCategory == .titlecaseLetter {
                return false
            }
            if scalar.properties.isUppercase { cased = true }
        }
        return cased
    }

    /// Python's `str.isdigit()`: non-empty, and every code point a digit or decimal.
    package static func isDigit(_ string: String) -> Bool {
        allScalars(of: string) { scalar in
            scalar.properties.numericType == .decimal || scalar.properties.numericType == .digit
        }
    }

    /// Python's `str.isdecimal()`.
    package static func isDecimal(_ string: String) -> Bool {
        allScalars(of: string) { $0.properties.numericType == .decimal }
    }

    /// Python's `str.isnumeric()`.
    package static func isNumeric(_ string: String) -> Bool {
        allScalars(of: string) { $0.properties.numericType != nil }
    }

    /// Python's `str.isalpha()`: every code point a letter (categories L*).
    package static func isAlpha(_ string: String) -> Bool {
        allScalars(of: string, isLetter)
    }

    /// Python's `str.isalnum()`.
    package static func isAlnum(_ string: String) -> Bool {
        allScalars(of: string, isAlphanumeric)
    }

    /// Python's `str.isspace()`.
    package static func isSpace(_ string: String) -> Bool {
        allScalars(of: string, isWhitespace)
    }

    /// Python's `str.isalnum()` for one code point; with `_`, what `\w` matches.
    package static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || scalar.properties.numericType != nil
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    private static func allScalars(of string: String, _ predicate: (Unicode.Scalar) -> Bool) -> Bool {
        !string.isEmpty && string.unicodeScalars.allSatisfy(predicate)
    }
}
