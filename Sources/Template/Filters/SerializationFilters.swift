import Diagnostics
import YAML

/// JSON and YAML in and out: `to_json`, `to_nice_json`, `tojson`, `from_json`, `to_yaml`,
/// `to_nice_yaml`, `from_yaml`, `from_yaml_all`.
enum SerializationFilters {
    static let all: [FilterDefinition] = [
        FilterDefinition("to_json", body: toJSON),
        FilterDefinition("to_nice_json", body: toNiceJSON),
        FilterDefinition("tojson", body: tojson),
        FilterDefinition("from_json", body: fromJSON),
        FilterDefinition("to_yaml") { value, arguments, _ throws(TemplateError) in
            try toYAML(value, arguments, name: "to_yaml", defaults: .toYAML)
        },
        FilterDefinition("to_nice_yaml") { value, arguments, _ throws(TemplateError) in
            try toYAML(value, arguments, name: "to_nice_yaml", defaults: .toNiceYAML)
        },
        FilterDefinition("from_yaml", body: fromYAML),
        FilterDefinition("from_yaml_all", body: fromYAMLAll),
    ]

    /// The keyword arguments of `json.dumps` the filters honour, applied over `options`.
    private static func jsonOptions(
        _ bound: BoundArguments, _ keywords: OrderedKeywords, base: JSONOptions
    ) throws(TemplateError) -> JSONOptions {
        var options = base
        for (name, value) in keywords {
            switch name {
            case "indent": options.indent = try jsonIndent(value)
            case "sort_keys": options.sortKeys = try value.truthiness()
            case "ensure_ascii": options.ensureASCII = try value.truthiness()
            case "allow_nan": options.allowNaN = try value.truthiness()
            case "separators":
                guard let parts = value.sequenceItems, parts.count == 2,
                    case .string(let item) = parts[0], case .string(let key) = parts[1]
                else { throw .type("\(bound.signature.callee)(): separators must be a pair of strings") }
                options.separators = (item, key)
            case "profile", "vault_to_text", "preprocess_unsafe", "skipkeys", "check_circular":
                continue
            default:
                throw .arguments("\(bound.signature.callee)() got an unexpected keyword argument '\(name)'")
            }
        }
        return options
    }

    private typealias OrderedKeywords = [(String, Value)]

    private static func jsonIndent(_ value: Value) throws(TemplateError) -> String? {
        switch value {
        case .none: return nil
        case .string(let text): return text
        case .int(let count): return String(repeating: " ", count: max(0, count))
        case .bool(let bool): return bool ? " " : ""
        default:
            try value.requireDefined()
            throw .type("can't multiply sequence by non-int of type '\(value.typeName)'")
        }
    }

    /// Ansible's `to_json(**kwargs)`: Python's `json.dumps` defaults (`", "` and `": "`,
    /// ASCII-only, insertion order).
    static func toJSON(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("to_json", extraKeywords: true).bind(arguments)
        let options = try jsonOptions(bound, Array(bound.extraKeywords.map { ($0.key, $0.value) }), base: JSONOptions())
        return .string(try value.jsonString(options: options))
    }

    /// Ansible's `to_nice_json(indent=4, sort_keys=True, **kwargs)`: separators are always
    /// `","` and `": "`.
    static func toNiceJSON(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("to_nice_json", ["indent", "sort_keys"], extraKeywords: true).bind(arguments)
        var keywords = bound.extraKeywords.filter { $0.key != "separators" }.map { ($0.key, $0.value) }
        keywords.append(("indent", bound["indent"] ?? .int(4)))
        keywords.append(("sort_keys", bound["sort_keys"] ?? .bool(true)))
        var options = try jsonOptions(bound, keywords, base: JSONOptions())
        options.separators = (",", ": ")
        return .string(try value.jsonString(options: options))
    }

    /// Jinja2's `tojson(indent=None)`: sorted keys, and `<`, `>`, `&`, `'` escaped for HTML.
    static func tojson(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("tojson", ["indent"]).bind(arguments)
        let options = JSONOptions(indent: try bound["indent"].flatMap(jsonIndent), sortKeys: true)
        var out = ""
        for scalar in try value.jsonString(options: options).unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "'": out += "\\u0027"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return .string(out)
    }

    /// Ansible's `from_json`: Python's `json.loads`.
    static func fromJSON(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        _ = try Signature("from_json", ["profile"]).bind(arguments)
        guard case .string(let text) = value else {
            throw .type("the JSON object must be str, bytes or bytearray, not \(value.typeName)")
        }
        return try Value(json: text)
    }

    /// Ansible's `to_yaml` and `to_nice_yaml`: PyYAML's `dump` with the keyword arguments
    /// `indent`, `width`, `default_flow_style`, `sort_keys`, `explicit_start`, `explicit_end`
    /// and `allow_unicode`.
    static func toYAML(
        _ value: Value, _ arguments: Arguments, name: String, defaults: YAMLEmitOptions
    ) throws(TemplateError) -> Value {
        let bound = try Signature(name, ["indent"], extraKeywords: true).bind(arguments)
        var options = defaults
        if bound["indent"] != nil { options.indent = try bound.integer("indent", default: defaults.indent) }
        for (key, argument) in bound.extraKeywords {
            switch key {
            case "width": options.width = argument.isNone ? defaults.width : try integer(argument, key)
            case "default_flow_style":
                options.flowStyle = argument.isNone ? .automatic : (try argument.truthiness() ? .flow : .block)
            case "sort_keys": options.sortKeys = try argument.truthiness()
            case "explicit_start": options.explicitStart = try argument.truthiness()
            case "explicit_end": options.explicitEnd = try argument.truthiness()
            case "allow_unicode": options.allowUnicode = try argument.truthiness()
            case "indent": options.indent = try integer(argument, key)
            default: throw .arguments("\(name)() got an unexpected keyword argument '\(key)'")
            }
        }
        return .string(YAMLEmitter.emit(try value.yamlValue(), options: options))
    }

    private static func integer(_ value: Value, _ name: String) throws(TemplateError) -> Int {
        guard case .int(let int) = value else {
            try value.requireDefined()
            throw .type("'\(name)' must be an integer, not \(value.typeName)")
        }
        return int
    }

    /// Ansible's `from_yaml`: one document (None when empty); non-strings pass through.
    static func fromYAML(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        _ = try Signature("from_yaml").bind(arguments)
        guard case .string(let text) = value else { return value }
        let documents = try loadYAML(text)
        guard documents.count <= 1 else { throw .value("from_yaml: expected a single document in the stream") }
        return documents.first ?? .none
    }

    /// Ansible's `from_yaml_all`: every document, as a list; None gives `[]`.
    static func fromYAMLAll(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        _ = try Signature("from_yaml_all").bind(arguments)
        switch value {
        case .none: return .list([])
        case .string(let text): return .list(try loadYAML(text))
        default: return value
        }
    }

    private static func loadYAML(_ text: String) throws(TemplateError) -> [Value] {
        do throws(DiagnosticList) {
            return try YAMLLoader.loadValues(text, path: "<unicode string>").map(Value.init(yaml:))
        } catch {
            let first = error.diagnostics.first
            throw TemplateError(.value, "could not parse YAML: \(first?.summary ?? "invalid YAML")", hint: first?.hint)
        }
    }
}
