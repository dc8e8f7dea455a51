/// Filters about values themselves: `default`, `mandatory`, `ternary`, `type_debug`, `attr`,
/// `string`, `items` and the HTML-safety filters (which are plain strings here: Ansible renders
/// without autoescaping).
enum CoreFilters {
    static let all: [FilterDefinition] = [
        FilterDefinition("default", acceptsUndefined: true, body: defaultValue),
        FilterDefinition("d", acceptsUndefined: true, body: defaultValue),
        FilterDefinition("mandatory", acceptsUndefined: true, body: mandatory),
        FilterDefinition("ternary", body: ternary),
        FilterDefinition("type_debug", acceptsUndefined: true, body: typeDebug),
        FilterDefinition("attr", body: attr),
        FilterDefinition("string", body: string),
        FilterDefinition("safe", body: string),
        FilterDefinition("e", body: escape),
        FilterDefinition("escape", body: escape),
        FilterDefinition("forceescape", body: escape),
        FilterDefinition("items", acceptsUndefined: true, body: items),
        FilterDefinition("extract", body: extract),
    ]

    /// Ansible's `default(default_value='', boolean=False)`: replaces undefined values, and
    /// falsy ones too when `boolean` is true (which must be a real Boolean).
    static func defaultValue(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("default", ["default_value", "boolean"]).bind(arguments)
        let replacement = bound["default_value"] ?? .string("")
        if value.isUndefined { return replacement }
        switch bound["boolean"] {
        case nil, .bool(false)?: return value
        case .bool(true)?: return try value.truthiness() ? value : replacement
        case let other?:
            try other.requireDefined()
            throw .type("default(): 'boolean' must be a bool, not \(other.typeName)")
        }
    }

    /// Ansible's `mandatory(msg=None)`: an error for an undefined value, with `msg` when given.
    static func mandatory(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("mandatory", ["msg"]).bind(arguments)
        guard case .undefined(let undefined) = value else { return value }
        if let message = try bound.optionalString("msg") {
            throw TemplateError(.raised, message, span: site.span)
        }
        // Ansible names the variable when it knows it: "Mandatory variable 'x' not defined."
        var name = ""
        if undefined.message.hasPrefix("'"), undefined.message.hasSuffix("' is undefined") {
            name = String(undefined.message.dropLast(" is undefined".count)) + " "
        }
        throw TemplateError(
            .undefined, "mandatory variable \(name)not defined", span: undefined.span ?? site.span,
            hint: name.isEmpty ? undefined.message : nil)
    }

    /// Ansible's `ternary(true_val, false_val, none_val=None)`.
    static func ternary(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("ternary", ["true_val", "false_val", "none_val"], required: 2).bind(arguments)
        if value.isNone, let noneValue = bound["none_val"], !noneValue.isNone { return noneValue }
        return try value.truthiness() ? bound["true_val"] ?? .none : bound["false_val"] ?? .none
    }

    /// Ansible's `type_debug`: the Python type name (`UndefinedMarker` for an undefined value).
    static func typeDebug(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        _ = try Signature("type_debug").bind(arguments)
        // Ansible 2.19 reports its undefined marker by class name.
        return .string(value.isUndefined ? "UndefinedMarker" : value.typeName)
    }

    /// Jinja2's `attr(name)`: an attribute only (here: a method), never an item.
    static func attr(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("attr", ["name"], required: 1).bind(arguments)
        let name = try bound.string("name", default: "")
        if case .namespace(let namespace) = value, let attribute = namespace[name] { return attribute }
        if let method = BuiltinMethods.method(name, on: value) { return method }
        return .undefined(Undefined(message: "'\(value.typeName) object' has no attribute '\(name)'", span: site.span))
    }

    /// Jinja2's `string`, and `safe` (a plain string: Ansible does not autoescape).
    static func string(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        _ = try Signature("string").bind(arguments)
        return .string(try value.pythonString())
    }

    /// MarkupSafe's `escape`: `&`, `<`, `>`, `"` and `'` as HTML entities.
    static func escape(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        _ = try Signature("escape").bind(arguments)
        var out = ""
        for character in try value.pythonString().unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return .string(out)
    }

    /// Jinja2's `items`: the `(key, value)` pairs of a mapping; nothing for an undefined value.
    static func items(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        _ = try Signature("items").bind(arguments)
        switch value {
        case .undefined: return .list([])
        case .dict(let dict): return .list(dict.map { .tuple([$0.key, $0.value]) })
        default: throw .type("items(): can only get item pairs from a mapping, not \(value.typeName)")
        }
    }

    /// Ansible's `extract(container, morekeys=None)`: `container[value]`, then each of `morekeys`.
    static func extract(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("extract", ["container", "morekeys"], required: 1).bind(arguments)
        var keys = [value]
        switch bound["morekeys"] {
        case nil, .none?: break
        case .list(let more)?: keys += more
        case let more?: keys.append(more)
        }
        var current = bound["container"] ?? .none
        for key in keys { current = site.runtime.item(of: current, key, at: site.span) }
        return current
    }
}
