/// Ansible's regular-expression filters, with Python `re` syntax and semantics.
enum RegexFilters {
    static let all: [FilterDefinition] = [
        FilterDefinition("regex_replace", body: regexReplace),
        FilterDefinition("regex_search", body: regexSearch),
        FilterDefinition("regex_findall", body: regexFindAll),
        FilterDefinition("regex_escape", body: regexEscape),
    ]

    static func flags(_ bound: BoundArguments) throws(TemplateError) -> PythonRegex.Flags {
        var flags: PythonRegex.Flags = []
        if try bound.bool("ignorecase", default: false) { flags.insert(.ignoreCase) }
        if try bound.bool("multiline", default: false) { flags.insert(.multiline) }
        return flags
    }

    /// A pattern argument: must be a string.
    static func pattern(_ value: Value?, for filter: String) throws(TemplateError) -> String {
        guard let value else { return "" }
        guard case .string(let pattern) = value else {
            try value.requireDefined()
            throw .type("\(filter)(): the pattern must be a string, not \(value.typeName)")
        }
        return pattern
    }

    /// Ansible's `regex_replace(pattern='', replacement='', ignorecase=False, multiline=False,
    /// count=0, mandatory_count=0)`: Python's `re.subn`.
    static func regexReplace(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature(
            "regex_replace", ["pattern", "replacement", "ignorecase", "multiline", "count", "mandatory_count"]
        ).bind(arguments)
        let text = try value.pythonString()
        let source = try pattern(bound["pattern"], for: "regex_replace")
        let regex = try PythonRegex.compile(source, flags: try flags(bound))
        let count = try bound.integer("count", default: 0)
        let (output, replaced) = try regex.substitute(
            in: text, with: try bound.string("replacement", default: ""), count: count)
        let mandatory = try bound.integer("mandatory_count", default: 0)
        if mandatory != 0, mandatory != replaced {
            throw .value("'\(source)' should match \(mandatory) times, but matches \(replaced) times in '\(text)'")
        }
        return .string(output)
    }

    /// Ansible's `regex_search(regex, *groups, ignorecase=False, multiline=False)`: the whole
    /// match, or a list of the groups named by `'\\1'` / `'\\g<name>'` arguments; None without a match.
    static func regexSearch(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("regex_search", ["regex"], required: 1, extraPositional: true, extraKeywords: true)
            .bind(arguments)
        let text = try value.pythonString()
        var groups: [GroupReference] = []
        for argument in bound.extraPositional { groups.append(try GroupReference(argument)) }
        var flags: PythonRegex.Flags = []
        if try bound.extraKeywords["ignorecase"]?.truthiness() ?? false { flags.insert(.ignoreCase) }
        if try bound.extraKeywords["multiline"]?.truthiness() ?? false { flags.insert(.multiline) }
        let regex = try PythonRegex.compile(try pattern(bound["regex"], for: "regex_search"), flags: flags)
        guard let match = regex.firstMatch(in: text) else { return .none }
        if groups.isEmpty { return .string(match.group(0) ?? "") }
        var result: [Value] = []
        for group in groups { result.append(try group.value(in: match)) }
        return .list(result)
    }

    /// A `regex_search` group argument: `'\\1'` or `'\\g<name>'`.
    private enum GroupReference {
        case number(Int)
        case name(String)

        init(_ argument: Value) throws(TemplateError) {
            let text = try argument.pythonString()
            if text.hasPrefix("\\g") {
                guard text.hasPrefix("\\g<"), let close = text.firstIndex(of: ">") else {
                    throw .value("regex_search(): bad group reference '\(text)'")
                }
                let name = String(text[text.index(text.startIndex, offsetBy: 3)..<close])
                guard !name.isEmpty, !name.unicodeScalars.contains(where: PythonText.isWhitespace) else {
                    throw .value("regex_search(): bad group reference '\(text)'")
                }
                self = .name(name)
            } else if text.hasPrefix("\\") {
                let digits = text.dropFirst().prefix { $0.isASCII && $0.isNumber }
                guard let number = Int(digits) else { throw .value("regex_search(): bad group reference '\(text)'") }
                self = .number(number)
            } else {
                throw .value("regex_search(): unknown argument '\(text)'")
            }
        }

        func value(in match: PythonMatch) throws(TemplateError) -> Value {
            switch self {
            case .number(let number):
                guard number <= match.groupCount else { throw .value("regex_search(): no such group \(number)") }
                return match.group(number).map(Value.string) ?? .none
            case .name(let name):
                guard match.hasGroup(named: name) else { throw .value("regex_search(): no such group '\(name)'") }
                return match.group(named: name).map(Value.string) ?? .none
            }
        }
    }

    /// Ansible's `regex_findall(regex, multiline=False, ignorecase=False)`: Python's `re.findall`.
    static func regexFindAll(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("regex_findall", ["regex", "multiline", "ignorecase"], required: 1).bind(arguments)
        let regex = try PythonRegex.compile(try pattern(bound["regex"], for: "regex_findall"), flags: try flags(bound))
        return .list(regex.findAll(in: try value.pythonString()))
    }

    /// Ansible's `regex_escape(re_type='python')`: `re.escape`, or POSIX basic escaping.
    static func regexEscape(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("regex_escape", ["re_type"]).bind(arguments)
        let text = try value.pythonString()
        switch try bound.string("re_type", default: "python") {
        case "python":
            return .string(PythonRegex.escape(text))
        case "posix_basic":
            var out = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if "].[^$*\\".unicodeScalars.contains(scalar) { out.append("\\") }
                out.append(scalar)
            }
            return .string(String(out))
        case "posix_extended":
            throw .value("regex type (posix_extended) not yet implemented")
        case let other:
            throw .value("invalid regex type (\(other))")
        }
    }
}
