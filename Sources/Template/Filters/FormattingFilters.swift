import Foundation

/// Ansible's presentation filters: `comment`, `human_readable`, `human_to_bytes`.
enum FormattingFilters {
    static let all: [FilterDefinition] = [
        FilterDefinition("comment", body: comment),
        FilterDefinition("human_readable", body: humanReadable),
        FilterDefinition("human_to_bytes", body: humanToBytes),
    ]

    private struct CommentStyle {
        var beginning = ""
        var decoration: String
        var end = ""
    }

    private static let commentStyles: [String: CommentStyle] = [
        "plain": CommentStyle(decoration: "# "),
        "erlang": CommentStyle(decoration: "% "),
        "c": CommentStyle(decoration: "// "),
        "cblock": CommentStyle(beginning: "/*", decoration: " * ", end: " */"),
        "xml": CommentStyle(beginning: "<!--", decoration: " - ", end: "-->"),
    ]

    /// Ansible's `comment(style='plain', **kw)`: the text as a comment block, with the style's
    /// decoration overridable by `decoration`, `prefix`, `prefix_count`, `postfix`,
    /// `postfix_count`, `beginning`, `end` and `newline`.
    static func comment(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("comment", ["style"], extraKeywords: true).bind(arguments)
        let styleName = try bound.string("style", default: "plain")
        guard let style = commentStyles[styleName] else {
            throw .value("invalid style '\(styleName)'; available styles: plain, erlang, c, cblock, xml")
        }
        let keywords = bound.extraKeywords
        func option(_ name: String, _ fallback: String) throws(TemplateError) -> String {
            try keywords[name]?.pythonString() ?? fallback
        }
        func count(_ name: String) throws(TemplateError) -> Int {
            guard let value = keywords[name] else { return 1 }
            if case .int(let int) = value { return int }
            guard let int = PythonNumber.parseInt(try value.pythonString()) else {
                throw .value("comment(): '\(name)' must be an integer")
            }
            return int
        }
        let prePostFix = try option("decoration", style.decoration)
        let trimmed = PythonText.strip(prePostFix, characters: nil, side: .trailing)
        let newline = try option("newline", "\n")
        let beginning = try option("beginning", style.beginning)
        let prefix = try option("prefix", trimmed)
        let decoration = try option("decoration", style.decoration)
        let postfix = try option("postfix", trimmed)
        let end = try option("end", style.end)
        let text = try value.pythonString()

        var out = beginning.isEmpty ? "" : beginning + newline
        if !prefix.isEmpty {
            let line = prefix != newline ? prefix + newline : newline
            out += String(repeating: line, count: max(0, try count("prefix_count")))
        }
        let body = decoration + PythonText.replace(text, newline, with: newline + decoration)
        out += PythonText.replace(
            body, decoration + newline, with: PythonText.strip(decoration, characters: nil, side: .trailing) + newline)
        out += ([""] + Array(repeating: postfix, count: max(0, try count("postfix_count")))).joined(separator: newline)
        if !end.isEmpty { out += newline + end }
        return .string(out)
    }

    private static let sizeRanges: [(String, Double)] = [
        ("Y", 0x1p80), ("Z", 0x1p70), ("E", 0x1p60), ("P", 0x1p50), ("T", 0x1p40), ("G", 0x1p30), ("M", 0x1p20),
        ("K", 0x1p10), ("B", 1),
    ]

    /// Ansible's `human_readable(isbits=False, unit=None)`: `'%.2f %s'` of the size in the largest
    /// fitting (or the given) unit.
    static func humanReadable(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("human_readable", ["isbits", "unit"]).bind(arguments)
        guard let size = value.number?.double else {
            try value.requireDefined()
            throw .type("human_readable() failed on bad input")
        }
        let isBits = try bound.bool("isbits", default: false)
        let unit = try bound.optionalString("unit")
        var chosen = sizeRanges[sizeRanges.count - 1]
        for range in sizeRanges {
            chosen = range
            if let unit {
                if unit.uppercased() == range.0 { break }
            } else if size >= range.1 {
                break
            }
        }
        let base = isBits ? "bits" : "Bytes"
        let suffix = chosen.1 != 1 ? chosen.0 + String(base.prefix(1)) : base
        return .string(String(format: "%.2f", size / chosen.1) + " " + suffix)
    }

    /// Ansible's `human_to_bytes(default_unit=None, isbits=False)`: `'1.5 GB'` to 1610612736.
    static func humanToBytes(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("human_to_bytes", ["default_unit", "isbits"]).bind(arguments)
        let text = try value.pythonString()
        let regex = try PythonRegex.compile(#"^([0-9]*\.?[0-9]+)(?:\s*([A-Za-z]+))?\s*$"#)
        guard let match = regex.firstMatch(in: text), let number = PythonNumber.parseFloat(match.group(1) ?? "") else {
            throw .value("human_to_bytes() can't interpret following string: \(text)")
        }
        let defaultUnit = try bound.optionalString("default_unit")
        guard let unit = match.group(2) ?? defaultUnit else {
            return .int(Int(PythonNumber.round(number, digits: 0)))
        }
        let key = unit.prefix(1).uppercased()
        guard let limit = sizeRanges.first(where: { $0.0 == key })?.1 else {
            throw .value("human_to_bytes() failed to convert \(text) (unit = \(unit)). The suffix must be one of Y, Z, E, P, T, G, M, K, B")
        }
        let isBits = try bound.bool("isbits", default: false)
        if unit.count > 1 {
            let names: [String: (String, String, String, String)] = [
                "B": ("byte", "B", "bit", "b"), "K": ("kilobyte", "KB", "kilobit", "Kb"), "M": ("megabyte", "MB", "megabit", "Mb"),
                "G": ("gigabyte", "GB", "gigabit", "Gb"), "T": ("terabyte", "TB", "terabit", "Tb"),
                "P": ("petabyte", "PB", "petabit", "Pb"), "E": ("exabyte", "EB", "exabit", "Eb"),
                "Z": ("zetabyte", "ZB", "zetabit", "Zb"), "Y": ("yottabyte", "YB", "yottabit", "Yb"),
            ]
            let group = names[key] ?? ("", "", "", "")
            let (longName, shortName) = isBits ? (group.2, group.3) : (group.0, group.1)
            guard unit.lowercased() == longName || unit == shortName else {
                throw .value("human_to_bytes() failed to convert \(text). Value is not a valid string")
            }
        }
        let scaled = PythonNumber.round(number * limit, digits: 0)
        guard let result = Int(exactly: scaled) else { throw TemplateError(.overflow, "human_to_bytes(): \(text) is too large") }
        return .int(result)
    }
}
