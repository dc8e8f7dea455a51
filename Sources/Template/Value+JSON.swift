import OrderedCollections

/// How `Value.jsonString` lays JSON out: the options of Python's `json.dumps` that Ansible's
/// `to_json`, `to_nice_json` and Jinja2's `tojson` use.
package struct JSONOptions: Sendable, Hashable {
    /// Python's `indent`: nil for one line, otherwise the text repeated per nesting level.
    package var indent: String?
    /// Python's `separators` (item, key); nil picks `json.dumps`' default for the indent.
    package var separators: (item: String, key: String)?
    package var sortKeys: Bool
    /// Escape every non-ASCII code point as `\uXXXX`, as Python does by default.
    package var ensureASCII: Bool
    /// Write NaN and infinities as `NaN`/`Infinity` (Python's default) instead of failing.
    package var allowNaN: Bool

    package init(
        indent: String? = nil, separators: (item: String, key: String)? = nil, sortKeys: Bool = false,
        ensureASCII: Bool = true, allowNaN: Bool = true
    ) {
        self.indent = indent
        self.separators = separators
        self.sortKeys = sortKeys
        self.ensureASCII = ensureASCII
        self.allowNaN = allowNaN
    }

    package static func == (lhs: JSONOptions, rhs: JSONOptions) -> Bool {
        lhs.indent == rhs.indent && lhs.separators?.item == rhs.separators?.item
            && lhs.separators?.key == rhs.separators?.key && lhs.sortKeys == rhs.sortKeys
            && lhs.ensureASCII == rhs.ensureASCII && lhs.allowNaN == rhs.allowNaN
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(indent)
        hasher.combine(separators?.item)
        hasher.combine(separators?.key)
        hasher.combine(sortKeys)
        hasher.combine(ensureASCII)
        hasher.combine(allowNaN)
    }

    var itemSeparator: String { separators?.item ?? (indent == nil ? ", " : ",") }
    var keySeparator: String { separators?.key ?? ": " }
}

extension Value {
    /// Python's `json.dumps(value, …)`: insertion order unless sorting, floats by `repr`,
    /// tuples as arrays, and Python's rules for non-string keys.
    package func jsonString(options: JSONOptions = JSONOptions()) throws(TemplateError) -> String {
        var out = ""
        try writeJSON(into: &out, options: options, level: 0)
        return out
    }

    private func writeJSON(into out: inout String, options: JSONOptions, level: Int) throws(TemplateError) {
        switch self {
        case .none: out += "null"
        case .bool(let bool): out += bool ? "true" : "false"
        case .int(let int): out += String(int)
        case .float(let double): out += try Value.jsonFloat(double, options: options)
        case .string(let string): Value.writeJSONString(string, into: &out, ensureASCII: options.ensureASCII)
        case .list(let items), .tuple(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "["
            for (index, item) in items.enumerated() {
                Value.writeSeparator(first: index == 0, into: &out, options: options, level: level + 1)
                try item.writeJSON(into: &out, options: options, level: level + 1)
            }
            Value.writeClosingIndent(into: &out, options: options, level: level)
            out += "]"
        case .dict(let dict):
            try Value.writeJSONObject(dict, into: &out, options: options, level: level)
        case .undefined(let undefined):
            throw .undefined(undefined)
        case .callable, .namespace:
            throw .type("Object of type \(typeName) is not JSON serializable")
        }
    }

    private static func writeJSONObject(
        _ dict: OrderedDictionary<Value, Value>, into out: inout String, options: JSONOptions, level: Int
    ) throws(TemplateError) {
        guard !dict.isEmpty else {
            out += "{}"
            return
        }
        var pairs = Array(dict)
        if options.sortKeys { pairs = try PythonSort.sorted(pairs) { $0.key } }
        out += "{"
        for (index, pair) in pairs.enumerated() {
            writeSeparator(first: index == 0, into: &out, options: options, level: level + 1)
            writeJSONString(try jsonKey(pair.key, options: options), into: &out, ensureASCII: options.ensureASCII)
            out += options.keySeparator
            try pair.value.writeJSON(into: &out, options: options, level: level + 1)
        }
        writeClosingIndent(into: &out, options: options, level: level)
        out += "}"
    }

    private static func writeSeparator(first: Bool, into out: inout String, options: JSONOptions, level: Int) {
        if !first { out += options.itemSeparator }
        if let indent = options.indent { out += "\n" + String(repeating: indent, count: level) }
    }

    private static func writeClosingIndent(into out: inout String, options: JSONOptions, level: Int) {
        if let indent = options.indent { out += "\n" + String(repeating: indent, count: level) }
    }

    private static func jsonKey(_ key: Value, options: JSONOptions) throws(TemplateError) -> String {
        switch key {
        case .string(let string): return string
        case .bool(let bool): return bool ? "true" : "false"
        case .none: return "null"
        case .int(let int): return String(int)
        case .float(let double): return try jsonFloat(double, options: options)
        default: throw .type("keys must be str, int, float, bool or None, not \(key.typeName)")
        }
    }

    private static func jsonFloat(_ double: Double, options: JSONOptions) throws(TemplateError) -> String {
        if double.isFinite { return PythonFloat.repr(double) }
        guard options.allowNaN else {
            throw .value("Out of range float values are not JSON compliant: \(PythonFloat.repr(double))")
        }
        if double.isNaN { return "NaN" }
        return double < 0 ? "-Infinity" : "Infinity"
    }

    /// A JSON string literal with Python's escapes: `\n`-style for the common controls,
    /// `\u00XX` for the rest, and `\uXXXX` (surrogate pairs above U+FFFF) for non-ASCII when
    /// `ensureASCII`.
    package static func writeJSONString(_ string: String, into out: inout String, ensureASCII: Bool) {
        out += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || (ensureASCII && scalar.value > 0x7E) {
                    for unit in String(scalar).utf16 { out += "\\u" + hex4(unit) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    private static func hex4(_ unit: UInt16) -> String {
        let hex = String(unit, radix: 16)
        return String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// Python's `json.loads(text)`: integers stay integers, `1.0` stays a float, `NaN` and
    /// `Infinity` are accepted, and a repeated key keeps its first position and last value.
    package init(json text: String) throws(TemplateError) {
        var parser = PythonJSONParser(text)
        self = try parser.parseDocument()
    }
}
