/// Filters that apply other filters and tests through the engine: `map`, `select`, `reject`,
/// `selectattr` and `rejectattr`.
///
/// Like Jinja2 they produce nothing for a falsy input (`None|map('upper')` is `[]`), and like
/// Ansible 2.19 they return lists rather than generators.
enum HigherOrderFilters {
    static let all: [FilterDefinition] = [
        FilterDefinition("map", body: map),
        FilterDefinition("select") { value, arguments, site throws(TemplateError) in
            try selectOrReject(value, arguments, site, .select)
        },
        FilterDefinition("reject") { value, arguments, site throws(TemplateError) in
            try selectOrReject(value, arguments, site, .reject)
        },
        FilterDefinition("selectattr") { value, arguments, site throws(TemplateError) in
            try selectOrReject(value, arguments, site, .selectAttribute)
        },
        FilterDefinition("rejectattr") { value, arguments, site throws(TemplateError) in
            try selectOrReject(value, arguments, site, .rejectAttribute)
        },
    ]

    /// Jinja2's `map(filter, *args, **kwargs)` or `map(attribute=…, default=None)`.
    static func map(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        guard try value.truthiness() else { return .list([]) }
        let items = try value.iterated()
        if arguments.positional.isEmpty, let attribute = arguments.keyword["attribute"] {
            var keywords = arguments.keyword
            keywords["attribute"] = nil
            let fallback = keywords.removeValue(forKey: "default")
            if let unexpected = keywords.keys.first {
                throw .arguments("map(): unexpected keyword argument '\(unexpected)'")
            }
            let getter = try site.attributeGetter(attribute, default: fallback)
            return .list(items.map(getter))
        }
        guard let nameValue = arguments.positional.first else { throw .arguments("map requires a filter argument") }
        let name = try filterOrTestName(nameValue, kind: "filter")
        let rest = Arguments(Array(arguments.positional.dropFirst()), keyword: arguments.keyword)
        var result: [Value] = []
        for item in items { result.append(try site.runtime.filter(name, item, rest, at: site.span)) }
        return .list(result)
    }

    private static func filterOrTestName(_ value: Value, kind: String) throws(TemplateError) -> String {
        guard case .string(let name) = value else {
            try value.requireDefined()
            throw .type("the \(kind) name must be a string, not \(value.typeName)")
        }
        return name
    }

    /// Which of the four filters `selectOrReject` runs as.
    private enum Selection {
        case select, reject, selectAttribute, rejectAttribute

        /// Whether items passing the test are kept (`select`) or dropped (`reject`).
        var keepsPassing: Bool { self == .select || self == .selectAttribute }
        /// Whether the test applies to an attribute of each item rather than the item.
        var testsAttribute: Bool { self == .selectAttribute || self == .rejectAttribute }
    }

    /// Jinja2's `select_or_reject`: keeps the items (or their attribute) for which the test (or
    /// plain truthiness) passes or fails, depending on `selection`.
    private static func selectOrReject(
        _ value: Value, _ arguments: Arguments, _ site: CallSite, _ selection: Selection
    ) throws(TemplateError) -> Value {
        guard try value.truthiness() else { return .list([]) }
        var positional = arguments.positional[...]
        var transform: (Value) -> Value = { $0 }
        if selection.testsAttribute {
            guard let attribute = positional.popFirst() else {
                throw .arguments("missing parameter for attribute name")
            }
            transform = try site.attributeGetter(attribute)
        }
        let testName = try positional.popFirst().map { (name: Value) throws(TemplateError) -> String in
            try filterOrTestName(name, kind: "test")
        }
        let rest = Arguments(Array(positional), keyword: arguments.keyword)
        var result: [Value] = []
        for item in try value.iterated() {
            let subject = transform(item)
            let passed: Bool
            if let testName {
                passed = try site.runtime.test(testName, subject, rest, at: site.span)
            } else {
                passed = try subject.truthiness()
            }
            if passed == selection.keepsPassing { result.append(item) }
        }
        return .list(result)
    }
}
