import Diagnostics

/// What filters, tests and callables may ask of the template engine while they run.
///
/// The evaluator implements it; filters such as `map`, `select` and `sort(attribute=)` use it to
/// apply other filters and tests and to look attributes up with Jinja2's rules.
package protocol TemplateRuntime: Sendable {
    /// Applies the filter `name` to `value`, as `value | name(arguments)` would.
    func filter(_ name: String, _ value: Value, _ arguments: Arguments, at span: SourceSpan?) throws(TemplateError) -> Value
    /// Runs the test `name` on `value`, as `value is name(arguments)` would.
    func test(_ name: String, _ value: Value, _ arguments: Arguments, at span: SourceSpan?) throws(TemplateError) -> Bool
    /// Calls a callable value (a macro, a method, a global function).
    func call(_ callee: Value, _ arguments: Arguments, at span: SourceSpan?) throws(TemplateError) -> Value
    /// `value.name`: Jinja2's `getattr` — an attribute or method first, then the item; undefined when neither exists.
    func attribute(of value: Value, _ name: String, at span: SourceSpan?) -> Value
    /// `value[key]`: Jinja2's `getitem` — the item first, then the attribute; undefined when neither exists.
    func item(of value: Value, _ key: Value, at span: SourceSpan?) -> Value
}

/// Where a filter, test or function was called from, and the engine to call back into.
package struct CallSite: Sendable {
    package var runtime: any TemplateRuntime
    /// A span given directly, or where in a template source the call was written; the span is
    /// worked out only when a filter asks for it (almost only when it fails).
    private var givenSpan: SourceSpan?
    private var location: (source: TemplateSource, start: Int, end: Int)?

    package init(span: SourceSpan?, runtime: any TemplateRuntime) {
        self.givenSpan = span
        self.runtime = runtime
    }

    init(source: TemplateSource, start: Int, end: Int, runtime: any TemplateRuntime) {
        self.location = (source, start, end)
        self.runtime = runtime
    }

    package var span: SourceSpan? {
        get {
            if let givenSpan { return givenSpan }
            guard let location else { return nil }
            return location.source.span(location.start, location.end)
        }
        set {
            givenSpan = newValue
            location = nil
        }
    }

    /// `item[path]` with a dotted path such as `metadata.name`, as `attribute=` arguments use it;
    /// path parts that are digits also index lists.
    package func lookup(_ value: Value, path: String) -> Value {
        var current = value
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            let key: Value = Int(part).map { .int($0) } ?? .string(String(part))
            current = runtime.item(of: current, key, at: span)
            if case .undefined = current {
                if case .int = key { current = runtime.item(of: value, .string(String(part)), at: span) }
                if current.isUndefined { return current }
            }
        }
        return current
    }
}

/// A filter: its name, whether it may receive an undefined input, and its body.
package struct FilterDefinition: Sendable {
    package typealias Body = @Sendable (Value, Arguments, CallSite) throws(TemplateError) -> Value

    package var name: String
    /// `default`, `mandatory` and a few others handle undefined input themselves; for every other
    /// filter, an undefined input is an error before the body runs.
    package var acceptsUndefined: Bool
    package var body: Body
    /// Set on the stand-in the parser makes for an unknown filter: the error it raises when it
    /// runs, or at parse time when it does not sit in a conditional branch (Jinja2's rule).
    package var unknownError: TemplateError?

    package init(_ name: String, acceptsUndefined: Bool = false, body: @escaping Body) {
        self.name = name
        self.acceptsUndefined = acceptsUndefined
        self.body = body
    }

    /// A stand-in for an unknown filter that fails with `error` when used.
    static func unknown(_ error: TemplateError) -> FilterDefinition {
        var definition = FilterDefinition("?", acceptsUndefined: true) { _, _, _ throws(TemplateError) in throw error }
        definition.unknownError = error
        return definition
    }
}

/// A test (`x is defined`): like a filter, but answers a Boolean.
package struct TestDefinition: Sendable {
    package typealias Body = @Sendable (Value, Arguments, CallSite) throws(TemplateError) -> Bool

    package var name: String
    package var acceptsUndefined: Bool
    package var body: Body
    /// As for filters: set on the stand-in for an unknown test.
    package var unknownError: TemplateError?

    package init(_ name: String, acceptsUndefined: Bool = false, body: @escaping Body) {
        self.name = name
        self.acceptsUndefined = acceptsUndefined
        self.body = body
    }

    static func unknown(_ error: TemplateError) -> TestDefinition {
        var definition = TestDefinition("?", acceptsUndefined: true) { _, _, _ throws(TemplateError) in throw error }
        definition.unknownError = error
        return definition
    }
}
