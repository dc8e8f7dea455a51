/// Jinja2's and Ansible's text filters, with Python's `str` semantics (code points, Python's
/// whitespace, `str()` of non-string inputs where Jinja2 calls `soft_str`).
enum StringFilters {
    static let all: [FilterDefinition] = [
        FilterDefinition("lower") { value, arguments, _ throws(TemplateError) in
            try transform(value, arguments, "lower", PythonText.lower)
        },
        FilterDefinition("upper") { value, arguments, _ throws(TemplateError) in
            try transform(value, arguments, "upper", PythonText.upper)
        },
        FilterDefinition("capitalize") { value, arguments, _ throws(TemplateError) in
            try transform(value, arguments, "capitalize", PythonText.capitalize)
        },
        FilterDefinition("title") { value, arguments, _ throws(TemplateError) in
            try transform(value, arguments, "title", PythonText.jinjaTitle)
        },
        FilterDefinition("trim", body: trim),
        FilterDefinition("replace", body: replace),
        FilterDefinition("center", body: center),
        FilterDefinition("truncate", body: truncate),
        FilterDefinition("wordwrap", body: wordwrap),
        FilterDefinition("wordcount", body: wordcount),
        FilterDefinition("indent", body: indent),
        FilterDefinition("split", body: split),
        FilterDefinition("format", body: format),
        FilterDefinition("quote", body: quote),
    ]

    private static func transform(
        _ value: Value, _ arguments: Arguments, _ name: String, _ body: (String) -> String
    ) throws(TemplateError) -> Value {
        _ = try Signature(name).bind(arguments)
        return .string(body(try value.pythonString()))
    }

    /// The input as a string, for filters that do not convert (Python would fail on `len()` or a
    /// missing `str` method).
    static func requireString(_ value: Value, for filter: String) throws(TemplateError) -> String {
        guard case .string(let string) = value else {
            try value.requireDefined()
            throw .type("\(filter) expects a string, got \(value.typeName)")
        }
        return string
    }

    /// Jinja2's `trim(chars=None)`.
    static func trim(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("trim", ["chars"]).bind(arguments)
        let chars = try optionalText(bound["chars"], "strip arg must be None or str")
        return .string(PythonText.strip(try value.pythonString(), characters: chars))
    }

    /// An argument that must be a string or None.
    static func optionalText(_ value: Value?, _ message: String) throws(TemplateError) -> String? {
        switch value {
        case nil, .none?: return nil
        case .string(let text)?: return text
        case let other?:
            try other.requireDefined()
            throw .type(message)
        }
    }

    /// Jinja2's `replace(old, new, count=None)`.
    static func replace(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("replace", ["old", "new", "count"], required: 2).bind(arguments)
        let count = bound["count"].map(\.isNone) ?? true ? -1 : try bound.integer("count", default: -1)
        return .string(
            PythonText.replace(
                try value.pythonString(), try bound.string("old", default: ""), with: try bound.string("new", default: ""),
                count: count))
    }

    /// Jinja2's `center(width=80)`.
    static func center(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("center", ["width"]).bind(arguments)
        return .string(PythonText.center(try value.pythonString(), width: try bound.integer("width", default: 80)))
    }

    /// Jinja2's `truncate(length=255, killwords=False, end='...', leeway=5)`.
    static func truncate(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("truncate", ["length", "killwords", "end", "leeway"]).bind(arguments)
        let text = Array(try requireString(value, for: "truncate").unicodeScalars)
        let length = try bound.integer("length", default: 255)
        let end = try bound.string("end", default: "...")
        let leeway = bound["leeway"].map(\.isNone) ?? true ? 5 : try bound.integer("leeway", default: 5)
        let endLength = end.unicodeScalars.count
        guard length >= endLength else { throw .value("truncate(): expected length >= \(endLength), got \(length)") }
        guard leeway >= 0 else { throw .value("truncate(): expected leeway >= 0, got \(leeway)") }
        if text.count <= length + leeway { return value }
        let kept = String(scalars: text.prefix(length - endLength))
        if try bound.bool("killwords", default: false) { return .string(kept + end) }
        let words = try PythonText.rsplit(kept, separator: " ", maxSplit: 1)
        return .string((words.first ?? "") + end)
    }

    /// Jinja2's `wordwrap(width=79, break_long_words=True, wrapstring=None, break_on_hyphens=True)`.
    static func wordwrap(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature(
            "wordwrap", ["width", "break_long_words", "wrapstring", "break_on_hyphens"]
        ).bind(arguments)
        let text = try requireString(value, for: "wordwrap")
        let wrapString = try bound.optionalString("wrapstring") ?? "\n"
        let wrapper = TextWrapper(
            width: try bound.integer("width", default: 79),
            breakLongWords: try bound.bool("break_long_words", default: true),
            breakOnHyphens: try bound.bool("break_on_hyphens", default: true))
        var paragraphs: [String] = []
        for line in PythonText.splitLines(text) {
            paragraphs.append(try wrapper.wrap(line).joined(separator: wrapString))
        }
        return .string(paragraphs.joined(separator: wrapString))
    }

    /// Jinja2's `wordcount`: how many runs of word characters (`\w+`).
    static func wordcount(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        _ = try Signature("wordcount").bind(arguments)
        var count = 0
        var inWord = false
        for scalar in try value.pythonString().unicodeScalars {
            let isWord = scalar == "_" || PythonText.isAlphanumeric(scalar)
            if isWord, !inWord { count += 1 }
            inWord = isWord
        }
        return .int(count)
    }

    /// Jinja2's `indent(width=4, first=False, blank=False)`; `width` may be a string.
    static func indent(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("indent", ["width", "first", "blank"]).bind(arguments)
        let text = try requireString(value, for: "indent")
        let indentation: String
        if case .string(let custom)? = bound["width"] {
            indentation = custom
        } else {
            indentation = String(repeating: " ", count: max(0, try bound.integer("width", default: 4)))
        }
        var lines = PythonText.splitLines(text + "\n")
        var result: String
        if try bound.bool("blank", default: false) {
            result = lines.joined(separator: "\n" + indentation)
        } else {
            result = lines.isEmpty ? "" : lines.removeFirst()
            if !lines.isEmpty {
                result += "\n" + lines.map { $0.isEmpty ? $0 : indentation + $0 }.joined(separator: "\n")
            }
        }
        if try bound.bool("first", default: false) { result = indentation + result }
        return .string(result)
    }

    /// Ansible's `split(sep=None, maxsplit=-1)`: Python's `str.split`.
    static func split(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("split", ["sep", "maxsplit"]).bind(arguments)
        let text = try requireString(value, for: "split")
        let separator = try optionalText(bound["sep"], "must be str or None, not \(bound["sep"]?.typeName ?? "")")
        let parts = try PythonText.split(text, separator: separator, maxSplit: try bound.integer("maxsplit", default: -1))
        return .list(parts.map(Value.string))
    }

    /// Jinja2's `format(*args, **kwargs)`: `value % args` (or `% kwargs`).
    static func format(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        if !arguments.positional.isEmpty, !arguments.keyword.isEmpty {
            throw .arguments("format(): can't handle positional and keyword arguments at the same time")
        }
        let values: Value
        if arguments.keyword.isEmpty {
            values = .tuple(arguments.positional)
        } else {
            values = .dict(.init(uniqueKeysWithValues: arguments.keyword.map { (Value.string($0.key), $0.value) }))
        }
        return .string(try PercentFormat.format(try value.pythonString(), values))
    }

    /// Ansible's `quote`: Python's `shlex.quote`; None quotes as `''`.
    static func quote(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        _ = try Signature("quote").bind(arguments)
        let text = value.isNone ? "" : try value.pythonString()
        if text.isEmpty { return .string("''") }
        let safe = text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_@%+=:,./-".unicodeScalars.contains(scalar))
        }
        if safe { return .string(text) }
        return .string("'" + PythonText.replace(text, "'", with: "'\"'\"'") + "'")
    }
}
