/// Python's `str` methods, on code points as Python counts them, for filters and methods.
///
/// Offsets and lengths are in Unicode scalars, never in Swift `Character`s, because templates
/// written for Python observe code points (`'é'|length` is 2 when decomposed).
package enum PythonText {
    /// Which ends `strip` trims.
    package enum Side: Sendable {
        case both, leading, trailing
    }

    /// Python's `str.isspace()` for one code point.
    package static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
            0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Python's `str.split(sep, maxsplit)`; a nil separator splits on runs of whitespace.
    package static func split(
        _ string: String, separator: String?, maxSplit: Int = -1
    ) throws(TemplateError) -> [String] {
        let scalars = Array(string.unicodeScalars)
        guard let separator else { return splitWhitespace(scalars, maxSplit: maxSplit) }
        let sep = Array(separator.unicodeScalars)
        guard !sep.isEmpty else { throw .value("empty separator") }
        var parts: [String] = []
        var start = 0
        var index = 0
        while index + sep.count <= scalars.count, maxSplit < 0 || parts.count < maxSplit {
            if scalars[index..<index + sep.count].elementsEqual(sep) {
                parts.append(String(scalars: scalars[start..<index]))
                index += sep.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(String(scalars: scalars[start...]))
        return parts
    }

    private static func splitWhitespace(_ scalars: [Unicode.Scalar], maxSplit: Int) -> [String] {
        var parts: [String] = []
        var index = 0
        while true {
            while index < scalars.count, isWhitespace(scalars[index]) { index += 1 }
            guard index < scalars.count else { break }
            if maxSplit >= 0, parts.count >= maxSplit {
                parts.append(String(scalars: scalars[index...]))
                break
            }
            let start = index
            while index < scalars.count, !isWhitespace(scalars[index]) { index += 1 }
            parts.append(String(scalars: scalars[start..<index]))
        }
        return parts
    }

    /// Python's `str.rsplit(sep, maxsplit)`: like `split`, counting splits from the right.
    package static func rsplit(
        _ string: String, separator: String?, maxSplit: Int = -1
    ) throws(TemplateError) -> [String] {
        if maxSplit < 0 { return try split(string, separator: separator) }
        let reversed = String(scalars: string.unicodeScalars.reversed())
        let reversedSeparator = separator.map { String(scalars: $0.unicodeScalars.reversed()) }
        let parts = try split(reversed, separator: reversedSeparator, maxSplit: maxSplit)
        return parts.reversed().map { String(scalars: $0.unicodeScalars.reversed()) }
    }

    /// Python's `str.strip(chars)`, `lstrip` and `rstrip`; nil characters mean whitespace.
    package static func strip(_ string: String, characters: String?, side: Side = .both) -> String {
        let set = characters.map { Set($0.unicodeScalars) }
        let shouldStrip: (Unicode.Scalar) -> Bool = { scalar in
            set.map { $0.contains(scalar) } ?? isWhitespace(scalar)
        }
        var view = Substring(string).unicodeScalars
        if side != .trailing {
            while let first = view.first, shouldStrip(first) { view.removeFirst() }
        }
        if side != .leading {
            while let last = view.last, shouldStrip(last) { view.removeLast() }
        }
        return String(Substring(view))
    }

    /// Python's `str.find(sub, start)`: the code-point offset of the first occurrence, or nil.
    package static func find(_ needle: String, in haystack: String, from start: Int = 0) -> Int? {
        let scalars = Array(haystack.unicodeScalars)
        let target = Array(needle.unicodeScalars)
        let first = max(0, start)
        guard target.count <= scalars.count - min(first, scalars.count) else {
            return target.isEmpty && first <= scalars.count ? first : nil
        }
        for index in first...(scalars.count - target.count)
        where scalars[index..<index + target.count].elementsEqual(target) {
            return index
        }
        return nil
    }

    /// Python's `str.count(sub)`: non-overlapping occurrences; an empty needle counts gaps.
    package static func count(_ needle: String, in haystack: String) -> Int {
        let scalars = Array(haystack.unicodeScalars)
        let target = Array(needle.unicodeScalars)
        guard !target.isEmpty else { return scalars.count + 1 }
        var total = 0
        var index = 0
        while index + target.count <= scalars.count {
            if scalars[index..<index + target.count].elementsEqual(target) {
                total += 1
                index += target.count
            } else {
                index += 1
            }
        }
        return total
    }

    /// Python's `str.replace(old, new, count)`; a negative count replaces every occurrence.
    package static func replace(_ string: String, _ old: String, with new: String, count limit: Int = -1) -> String {
        let scalars = Array(string.unicodeScalars)
        let target = Array(old.unicodeScalars)
        let replacement = Array(new.unicodeScalars)
        var out: [Unicode.Scalar] = []
        var done = 0
        var index = 0
        if target.isEmpty {
            for scalar in scalars {
                if limit < 0 || done < limit {
                    out += replacement
                    done += 1
                }
                out.append(scalar)
            }
            if limit < 0 || done < limit { out += replacement }
            return String(scalars: out)
        }
        while index < scalars.count {
            if limit < 0 || done < limit, index + target.count <= scalars.count,
                scalars[index..<index + target.count].elementsEqual(target)
            {
                out += replacement
                index += target.count
                done += 1
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(scalars: out)
    }

    /// Python's `str.splitlines(keepends)`, which breaks on `\n`, `\r`, `\r\n`, `\v`, `\f`,
    /// `\x1c`-`\x1e`, `\x85`, U+2028 and U+2029.
    package static func splitLines(_ string: String, keepEnds: Bool = false) -> [String] {
        let scalars = Array(string.unicodeScalars)
        var lines: [String] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard isLineBreak(scalar) else {
                index += 1
                continue
            }
            var end = index + 1
            if scalar == "\r", end < scalars.count, scalars[end] == "\n" { end += 1 }
            lines.append(String(scalars: scalars[start..<(keepEnds ? end : index)]))
            start = end
            index = end
        }
        if start < scalars.count { lines.append(String(scalars: scalars[start...])) }
        return lines
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x1C...0x1E, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
