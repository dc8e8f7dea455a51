/// Python `str` methods callable from templates (`name.split('.')`, `'{}-{}'.format(a, b)`).
enum StringMethods {
    typealias Body = @Sendable (String, Arguments, CallSite) throws(TemplateError) -> Value

    static func method(_ name: String) -> Body? {
        table[name]
    }

    private static let table: [String: Body] = simple.merging(searching) { first, _ in first }.merging(layout) { first, _ in first }

    /// Methods without arguments.
    private static let simple: [String: Body] = {
        let transforms: [String: @Sendable (String) -> Value] = [
            "lower": { .string(PythonText.lower($0)) },
            "casefold": { .string(PythonText.lower($0)) },
            "upper": { .string(PythonText.upper($0)) },
            "capitalize": { .string(PythonText.capitalize($0)) },
            "title": { .string(PythonText.title($0)) },
            "swapcase": { .string(swapcase($0)) },
            "isdigit": { .bool(PythonText.isDigit($0)) },
            "isdecimal": { .bool(PythonText.isDecimal($0)) },
            "isnumeric": { .bool(PythonText.isNumeric($0)) },
            "isalpha": { .bool(PythonText.isAlpha($0)) },
            "isalnum": { .bool(PythonText.isAlnum($0)) },
            "isspace": { .bool(PythonText.isSpace($0)) },
            "islower": { .bool(PythonText.isLower($0)) },
            "isupper": { .bool(PythonText.isUpper($0)) },
        ]
        var table: [String: Body] = [:]
        for (name, transform) in transforms { table[name] = withoutArguments(name, transform) }
        return table
    }()

    private static func withoutArguments(_ name: String, _ transform: @escaping @Sendable (String) -> Value) -> Body {
        { string, arguments, _ throws(TemplateError) in
            _ = try Signature("str.\(name)").bind(arguments)
            return transform(string)
        }
    }

    private static func swapcase(_ string: String) -> String {
        var out = ""
        for scalar in string.unicodeScalars {
            if scalar.properties.isUppercase {
                out += scalar.properties.lowercaseMapping
            } else if scalar.properties.isLowercase {
                out += scalar.properties.uppercaseMapping
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A `str` argument, with Python's wording when it is something else.
    static func text(_ value: Value?, _ method: String) throws(TemplateError) -> String {
        guard case .string(let text)? = value else {
            try value?.requireDefined()
            throw .type("\(method)() argument must be str, not \(value?.typeName ?? "NoneType")")
        }
        return text
    }

    /// The `[start:end]` slice given by optional `start`/`end` arguments (None means open).
    static func slice(_ string: String, _ bound: BoundArguments) throws(TemplateError) -> String {
        let scalars = Array(string.unicodeScalars)
        func position(_ name: String, _ fallback: Int) throws(TemplateError) -> Int {
            guard let value = bound[name], !value.isNone else { return fallback }
            let index = try bound.integer(name, default: fallback)
            return index < 0 ? max(0, scalars.count + index) : min(index, scalars.count)
        }
        let start = try position("start", 0)
        let end = try position("end", scalars.count)
        return start < end ? String(scalars: scalars[start..<end]) : ""
    }

    private static let searching: [String: Body] = [
        "split": { string, arguments, _ throws(TemplateError) in
            let bound = try Signature("str.split", ["sep", "maxsplit"]).bind(arguments)
            let separator = bound["sep"].flatMap { $0.isNone ? nil : $0 }
            let parts = try PythonText.split(
                string, separator: try separator.map { (value: Value) throws(TemplateError) -> String in try text(value, "split") },
                maxSplit: try bound.integer("maxsplit", default: -1))
            return .list(parts.map(Value.string))
        },
        "rsplit": { string, arguments, _ throws(TemplateError) in
            let bound = try Signature("str.rsplit", ["sep", "maxsplit"]).bind(arguments)
            let separator = bound["sep"].flatMap { $0.isNone ? nil : $0 }
            let parts = try PythonText.rsplit(
                string, separator: try separator.map { (value: Value) throws(TemplateError) -> String in try text(value, "rsplit") },
                maxSplit: try bound.integer("maxsplit", default: -1))
            return .list(parts.map(Value.string))
        },
        "splitlines": { string, arguments, _ throws(TemplateError) in
            let bound = try Signature("str.splitlines", ["keepends"]).bind(arguments)
            return .list(PythonText.splitLines(string, keepEnds: try bound.bool("keepends", default: false)).map(Value.string))
        },
        "startswith": { string, arguments, _ throws(TemplateError) in
            try affix(string, arguments, "startswith") { $0.unicodeScalars.starts(with: $1.unicodeScalars) }
        },
        "endswith": { string, arguments, _ throws(TemplateError) in
            try affix(string, arguments, "endswith") { $0.unicodeScalars.reversed().starts(with: $1.unicodeScalars.reversed()) }
        },
        "find": { string, arguments, _ throws(TemplateError) in try find(string, arguments, .find) },
        "rfind": { string, arguments, _ throws(TemplateError) in try find(string, arguments, .rfind) },
        "index": { string, arguments, _ throws(TemplateError) in try find(string, arguments, .index) },
        "rindex": { string, arguments, _ throws(TemplateError) in try find(string, arguments, .rindex) },
        "count": { string, arguments, _ throws(TemplateError) in
            let bound = try Signature("str.count", ["sub", "start", "end"], required: 1).bind(arguments)
            return .int(PythonText.count(try text(bound["sub"], "count"), in: try slice(string, bound)))
        },
        "replace": { string, arguments, _ throws(TemplateError) in
            let bound = try Signature("str.replace", ["old", "new", "count"], required: 2).bind(arguments)
            return .string(
                PythonText.replace(
                    string, try text(bound["old"], "replace"), with: try text(bound["new"], "replace"),
                    count: try bound.integer("count", default: -1)))
        },
        "format": { string, arguments, site throws(TemplateError) in
            var formatter = StrFormat(arguments: arguments, site: site)
            return .string(try formatter.format(string))
        },
        "join": { string, arguments, _ throws(TemplateError) in
            let bound = try Signature("str.join", ["iterable"], required: 1).bind(arguments)
            var parts: [String] = []
            for (index, item) in try (bound["iterable"] ?? .none).iterated().enumerated() {
                guard case .string(let part) = item else {
                    try item.requireDefined()
                    throw .type("sequence item \(index): expected str instance, \(item.typeName) found")
                }
                parts.append(part)
            }
            return .string(parts.joined(separator: string))
        },
    ]

    private static func affix(
        _ string: String, _ arguments: Arguments, _ name: String, _ matches: (String, String) -> Bool
    ) throws(TemplateError) -> Value {
        let bound = try Signature("str.\(name)", ["prefix", "start", "end"], required: 1).bind(arguments)
        let subject = try slice(string, bound)
        let candidates: [Value]
        switch bound["prefix"] {
        case .tuple(let items)?: candidates = items
        case let other?: candidates = [other]
        case nil: candidates = []
        }
        for candidate in candidates {
            guard case .string(let affix) = candidate else {
                try candidate.requireDefined()
                throw .type("\(name) first arg must be str or a tuple of str, not \(candidate.typeName)")
            }
            if matches(subject, affix) { return .bool(true) }
        }
        return .bool(false)
    }

    /// `find`, `rfind`, `index` and `rindex`: which end the search starts from, and whether a
    /// miss is -1 or a `ValueError`.
    private enum Search: String {
        case find, rfind, index, rindex

        var fromEnd: Bool { self == .rfind || self == .rindex }
        var raisesWhenMissing: Bool { self == .index || self == .rindex }
    }

    private static func find(_ string: String, _ arguments: Arguments, _ search: Search) throws(TemplateError) -> Value {
        let name = search.rawValue
        let bound = try Signature("str.\(name)", ["sub", "start", "end"], required: 1).bind(arguments)
        let needle = Array(try text(bound["sub"], name).unicodeScalars)
        let scalars = Array(string.unicodeScalars)
        var start = try bound["start"].map { (value: Value) throws(TemplateError) -> Int in
            value.isNone ? 0 : try bound.integer("start", default: 0)
        } ?? 0
        var end = try bound["end"].map { (value: Value) throws(TemplateError) -> Int in
            value.isNone ? scalars.count : try bound.integer("end", default: scalars.count)
        } ?? scalars.count
        if start < 0 { start = max(0, scalars.count + start) }
        if end < 0 { end = max(0, scalars.count + end) }
        end = min(end, scalars.count)
        var found: Int?
        if end - start >= needle.count {
            let candidates = Array(start...(end - needle.count))
            for index in search.fromEnd ? candidates.reversed() : candidates
            where scalars[index..<index + needle.count].elementsEqual(needle) {
                found = index
                break
            }
        }
        if let found { return .int(found) }
        if search.raisesWhenMissing { throw .value("substring not found") }
        return .int(-1)
    }

    private static let layout: [String: Body] = [
        "strip": { string, arguments, _ throws(TemplateError) in try strip(string, arguments, "strip", .both) },
        "lstrip": { string, arguments, _ throws(TemplateError) in try strip(string, arguments, "lstrip", .leading) },
        "rstrip": { string, arguments, _ throws(TemplateError) in try strip(string, arguments, "rstrip", .trailing) },
        "zfill": { string, arguments, _ throws(TemplateError) in
            let bound = try Signature("str.zfill", ["width"], required: 1).bind(arguments)
            return .string(PythonText.zfill(string, width: try bound.integer("width", default: 0)))
        },
        "ljust": { string, arguments, _ throws(TemplateError) in
            let bound = try Signature("str.ljust", ["width", "fillchar"], required: 1).bind(arguments)
            let fill = try PythonText.fillCharacter(bound["fillchar"], for: "ljust")
            return .string(PythonText.ljust(string, width: try bound.integer("width", default: 0), fill: fill))
        },
        "rjust": { string, arguments, _ throws(TemplateError) in
            let bound = try Signature("str.rjust", ["width", "fillchar"], required: 1).bind(arguments)
            let fill = try PythonText.fillCharacter(bound["fillchar"], for: "rjust")
            return .string(PythonText.rjust(string, width: try bound.integer("width", default: 0), fill: fill))
        },
        "center": { string, arguments, _ throws(TemplateError) in
            let bound = try Signature("str.center", ["width", "fillchar"], required: 1).bind(arguments)
            let fill = try PythonText.fillCharacter(bound["fillchar"], for: "center")
            return .string(PythonText.center(string, width: try bound.integer("width", default: 0), fill: fill))
        },
        "partition": { string, arguments, _ throws(TemplateError) in try partition(string, arguments, "partition") },
        "rpartition": { string, arguments, _ throws(TemplateError) in try partition(string, arguments, "rpartition") },
        "removeprefix": { string, arguments, _ throws(TemplateError) in
            let bound = try Signature("str.removeprefix", ["prefix"], required: 1).bind(arguments)
            let prefix = try text(bound["prefix"], "removeprefix")
            guard string.unicodeScalars.starts(with: prefix.unicodeScalars) else { return .string(string) }
            return .string(String(scalars: string.unicodeScalars.dropFirst(prefix.unicodeScalars.count)))
        },
        "removesuffix": { string, arguments, _ throws(TemplateError) in
            let bound = try Signature("str.removesuffix", ["suffix"], required: 1).bind(arguments)
            let suffix = try text(bound["suffix"], "removesuffix")
            guard !suffix.isEmpty, string.unicodeScalars.reversed().starts(with: suffix.unicodeScalars.reversed()) else {
                return .string(string)
            }
            return .string(String(scalars: string.unicodeScalars.dropLast(suffix.unicodeScalars.count)))
        },
    ]

    private static func strip(
        _ string: String, _ arguments: Arguments, _ name: String, _ side: PythonText.Side
    ) throws(TemplateError) -> Value {
        let bound = try Signature("str.\(name)", ["chars"]).bind(arguments)
        let chars = try StringFilters.optionalText(bound["chars"], "\(name) arg must be None or str")
        return .string(PythonText.strip(string, characters: chars, side: side))
    }

    private static func partition(_ string: String, _ arguments: Arguments, _ name: String) throws(TemplateError) -> Value {
        let bound = try Signature("str.\(name)", ["sep"], required: 1).bind(arguments)
        let separator = try text(bound["sep"], name)
        guard !separator.isEmpty else { throw .value("empty separator") }
        let fromEnd = name == "rpartition"
        let parts = fromEnd
            ? try PythonText.rsplit(string, separator: separator, maxSplit: 1)
            : try PythonText.split(string, separator: separator, maxSplit: 1)
        guard parts.count == 2 else {
            return fromEnd ? .tuple([.string(""), .string(""), .string(string)]) : .tuple([.string(string), .string(""), .string("")])
        }
        return .tuple([.string(parts[0]), .string(separator), .string(parts[1])])
    }
}
