extension PythonText {
    /// Python's `str.center(width, fillchar)`, including CPython's choice of which side gets the
    /// odd padding character.
    package static func center(_ string: String, width: Int, fill: Unicode.Scalar = " ") -> String {
        let length = string.unicodeScalars.count
        guard width > length else { return string }
        let margin = width - length
        let left = margin / 2 + (margin & width & 1)
        return padding(left, fill) + string + padding(margin - left, fill)
    }

    /// Python's `str.ljust(width, fillchar)`.
    package static func ljust(_ string: String, width: Int, fill: Unicode.Scalar = " ") -> String {
        string + padding(width - string.unicodeScalars.count, fill)
    }

    /// Python's `str.rjust(width, fillchar)`.
    package static func rjust(_ string: String, width: Int, fill: Unicode.Scalar = " ") -> String {
        padding(width - string.unicodeScalars.count, fill) + string
    }

    /// Python's `str.zfill(width)`: zeros after a leading sign.
    package static func zfill(_ string: String, width: Int) -> String {
        let zeros = padding(width - string.unicodeScalars.count, "0")
        guard let first = string.unicodeScalars.first, first == "+" || first == "-" else {
            return zeros + string
        }
        return String(first) + zeros + String(scalars: string.unicodeScalars.dropFirst())
    }

    private static func padding(_ count: Int, _ fill: Unicode.Scalar) -> String {
        count > 0 ? String(repeating: String(fill), count: count) : ""
    }

    /// The single fill character a `ljust`/`center` argument must be.
    package static func fillCharacter(_ value: Value?, for callee: String) throws(TemplateError) -> Unicode.Scalar {
        guard let value else { return " " }
        guard case .string(let string) = value else {
            try value.requireDefined()
            throw .type("\(callee)() argument 2 must be str, not \(value.typeName)")
        }
        guard string.unicodeScalars.count == 1, let scalar = string.unicodeScalars.first else {
            throw .type("\(callee)(): the fill character must be exactly one character long")
        }
        return scalar
    }
}
