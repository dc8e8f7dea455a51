extension CallSite {
    /// Jinja2's `make_attrgetter`: looks `attribute` up in each item (a dotted path whose digit
    /// parts index lists, or an integer index); nil or None means the item itself.
    ///
    /// `default` replaces an undefined result; `ignoreCase` lowercases string results, as the
    /// case-insensitive `sort`, `unique`, `min`, `max` and `groupby` do.
    package func attributeGetter(
        _ attribute: Value?, ignoreCase: Bool = false, default fallback: Value? = nil
    ) throws(TemplateError) -> @Sendable (Value) -> Value {
        let path = try AttributePath(attribute)
        return { item in
            var result = path.resolve(item, site: self)
            if let fallback, !fallback.isNone, result.isUndefined { result = fallback }
            return ignoreCase ? result.ignoringCase : result
        }
    }

    /// Jinja2's `make_multi_attrgetter`: `"age,name"` looks up each comma-separated path and
    /// returns the list of results, for sorting by several keys.
    package func multiAttributeGetter(
        _ attribute: Value?, ignoreCase: Bool
    ) throws(TemplateError) -> @Sendable (Value) -> Value {
        guard case .string(let text) = attribute else {
            let single = try attributeGetter(attribute, ignoreCase: ignoreCase)
            return { .list([single($0)]) }
        }
        var paths: [AttributePath] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            paths.append(try AttributePath(.string(String(part))))
        }
        let resolvedPaths = paths
        return { item in
            .list(resolvedPaths.map { path in
                let result = path.resolve(item, site: self)
                return ignoreCase ? result.ignoringCase : result
            })
        }
    }
}

/// The parsed `attribute=` argument of `map`, `sort`, `selectattr` and friends.
private struct AttributePath: Sendable {
    private enum Step: Sendable {
        case path(String)
        case index(Int)
    }

    private let step: Step?

    init(_ attribute: Value?) throws(TemplateError) {
        switch attribute {
        case nil, .none?: step = nil
        case .string(let path)?: step = .path(path)
        case .int(let index)?: step = .index(index)
        case .undefined(let undefined)?: throw .undefined(undefined)
        case let other?: throw .type("attribute must be a string or an integer, not \(other.typeName)")
        }
    }

    func resolve(_ item: Value, site: CallSite) -> Value {
        switch step {
        case nil: item
        case .path(let path): site.lookup(item, path: path)
        case .index(let index): site.runtime.item(of: item, .int(index), at: site.span)
        }
    }
}
