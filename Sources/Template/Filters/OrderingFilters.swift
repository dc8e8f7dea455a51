/// Filters that compare items: `sort`, `unique`, `min`, `max`, `sum` and `groupby`.
///
/// Jinja2 compares strings case-insensitively unless `case_sensitive=True`, and keys come
/// from `attribute=` paths looked up with the template engine's item rules.
enum OrderingFilters {
    static let all: [FilterDefinition] = [
        FilterDefinition("sort", body: sort),
        FilterDefinition("unique", body: unique),
        FilterDefinition("min") { value, arguments, site throws(TemplateError) in
            try extreme(value, arguments, site, name: "min", pick: PythonSort.minimum)
        },
        FilterDefinition("max") { value, arguments, site throws(TemplateError) in
            try extreme(value, arguments, site, name: "max", pick: PythonSort.maximum)
        },
        FilterDefinition("sum", body: sum),
        FilterDefinition("groupby", body: groupby),
    ]

    /// Jinja2's `sort(reverse=False, case_sensitive=False, attribute=None)`: stable; `attribute`
    /// may list several comma-separated keys.
    static func sort(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("sort", ["reverse", "case_sensitive", "attribute"]).bind(arguments)
        let key = try site.multiAttributeGetter(
            bound["attribute"], ignoreCase: !(try bound.bool("case_sensitive", default: false)))
        let sorted = try PythonSort.sorted(try value.iterated(), reverse: try bound.bool("reverse", default: false)) {
            (item: Value) throws(TemplateError) -> Value in key(item)
        }
        return .list(sorted)
    }

    /// Ansible's `unique(case_sensitive=None, attribute=None)`: Jinja2's case-insensitive
    /// `unique`, falling back to Ansible's `==`-based version (case-sensitive) when an item
    /// cannot be hashed, unless `case_sensitive=False` or `attribute` was given explicitly.
    static func unique(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("unique", ["case_sensitive", "attribute"]).bind(arguments)
        let caseSensitive = try bound.bool("case_sensitive", default: false)
        let attribute = bound["attribute"].flatMap { $0.isNone ? nil : $0 }
        let items = try value.iterated()
        let key = try site.attributeGetter(attribute, ignoreCase: !caseSensitive)
        var seen = Set<Value>()
        var result: [Value] = []
        var hashable = true
        for item in items {
            let itemKey = key(item)
            try itemKey.requireDefined()
            guard itemKey.isPythonHashable else {
                hashable = false
                break
            }
            if seen.insert(itemKey).inserted { result.append(item) }
        }
        if hashable { return .list(result) }
        if bound["case_sensitive"] == .bool(false) || attribute != nil {
            throw .type("unique(): unhashable items cannot be compared with case_sensitive=False or attribute")
        }
        return .list(uniqueByEquality(items))
    }

    /// The items without repeats, by Python `==`, in first-seen order.
    static func uniqueByEquality(_ items: [Value]) -> [Value] {
        var result: [Value] = []
        for item in items where !result.contains(item) { result.append(item) }
        return result
    }

    private static func extreme(
        _ value: Value, _ arguments: Arguments, _ site: CallSite, name: String,
        pick: ([Value], (Value) throws(TemplateError) -> Value) throws(TemplateError) -> Value?
    ) throws(TemplateError) -> Value {
        let bound = try Signature(name, ["case_sensitive", "attribute"]).bind(arguments)
        let key = try site.attributeGetter(
            bound["attribute"], ignoreCase: !(try bound.bool("case_sensitive", default: false)))
        let items = try value.iterated()
        let chosen = try pick(items) { (item: Value) throws(TemplateError) -> Value in key(item) }
        return chosen ?? .undefined(Undefined(message: "No aggregated item, sequence was empty.", span: site.span))
    }

    /// Jinja2's `sum(attribute=None, start=0)`: Python's `sum`.
    static func sum(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("sum", ["attribute", "start"]).bind(arguments)
        var total = bound["start"] ?? .int(0)
        if case .string = total { throw .type("sum() can't sum strings [use ''.join(seq) instead]") }
        let key = try site.attributeGetter(bound["attribute"])
        for item in try value.iterated() { total = try add(total, key(item)) }
        return total
    }

    /// Python's `a + b` for the types `sum` meets: numbers, lists, tuples and strings.
    static func add(_ lhs: Value, _ rhs: Value) throws(TemplateError) -> Value {
        try lhs.requireDefined()
        try rhs.requireDefined()
        switch (lhs, rhs) {
        case (.list(let a), .list(let b)): return .list(a + b)
        case (.tuple(let a), .tuple(let b)): return .tuple(a + b)
        case (.string(let a), .string(let b)): return .string(a + b)
        default: break
        }
        switch (lhs.number, rhs.number) {
        case (.int(let a)?, .int(let b)?):
            let (sum, overflow) = a.addingReportingOverflow(b)
            guard !overflow else { throw TemplateError(.overflow, "integer overflow in sum") }
            return .int(sum)
        case (let a?, let b?):
            return .float(a.double + b.double)
        default:
            throw .type("unsupported operand type(s) for +: '\(lhs.typeName)' and '\(rhs.typeName)'")
        }
    }

    /// Jinja2's `groupby(attribute, default=None, case_sensitive=False)`: sorted `(grouper, list)`
    /// tuples; with case-insensitive grouping the grouper keeps the case of the group's first item.
    /// Jinja2 returns named tuples whose `.grouper`/`.list` attributes the engine does not know.
    static func groupby(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("groupby", ["attribute", "default", "case_sensitive"], required: 1).bind(arguments)
        let caseSensitive = try bound.bool("case_sensitive", default: false)
        // Ansible 2.19 trips over the undefined lookup before `default` can replace it, so a
        // missing attribute is an error there even with `default`; this keeps that behaviour.
        let lookup = try site.attributeGetter(bound["attribute"], ignoreCase: !caseSensitive)
        let key = { (item: Value) throws(TemplateError) -> Value in
            let result = lookup(item)
            try result.requireDefined()
            return result
        }
        let output = try site.attributeGetter(bound["attribute"])
        let sorted = try PythonSort.sorted(try value.iterated(), key: key)
        var groups: [(key: Value, items: [Value])] = []
        for item in sorted {
            let itemKey = try key(item)
            if let last = groups.last, last.key == itemKey {
                groups[groups.count - 1].items.append(item)
            } else {
                groups.append((itemKey, [item]))
            }
        }
        return .list(groups.map { group in
            let grouper = caseSensitive ? group.key : group.items.first.map(output) ?? group.key
            return .tuple([grouper, .list(group.items)])
        })
    }
}
