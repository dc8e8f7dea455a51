/// Python methods templates call on values (`'a,b'.split(',')`, `d.items()`, `l.index(x)`).
///
/// Reading methods are bound callables. Mutating ones (`list.append`, `dict.update`) are
/// described by `MethodMutation`; called as plain methods they fail with an explanation,
/// because template values here are immutable (see `MethodMutation` for how the evaluator can
/// support them by rebinding the receiver).
package enum BuiltinMethods {
    /// The bound method `name` of `value`, or nil when Python's type has no such method here.
    package static func method(_ name: String, on value: Value) -> Value? {
        let body: Callable.Body?
        switch value {
        case .string(let string):
            body = StringMethods.method(name).map { bind(string, $0) }
        case .list(let items), .tuple(let items):
            body = CollectionMethods.sequenceMethod(name, typeName: value.typeName).map { bind(items, $0) }
        case .dict(let dict):
            body = CollectionMethods.dictMethod(name).map { bind(dict, $0) }
        default:
            body = nil
        }
        if let body { return .callable(Callable(name: name, kind: .method, body: body)) }
        guard MethodMutation.names(for: value).contains(name) else { return nil }
        let typeName = value.typeName
        return .callable(Callable(name: name, kind: .method) { _, _ throws(TemplateError) in
            throw .type(
                "\(typeName).\(name)() changes the \(typeName) in place, which is only supported on a variable"
                    + " (`{% set _ = var.\(name)(…) %}`); build a new value instead, e.g. `var + [item]` or `var | combine(other)`")
        })
    }

    /// The method body with its receiver bound.
    private static func bind<Receiver: Sendable>(
        _ receiver: Receiver, _ method: @escaping @Sendable (Receiver, Arguments, CallSite) throws(TemplateError) -> Value
    ) -> Callable.Body {
        { arguments, site throws(TemplateError) in try method(receiver, arguments, site) }
    }
}
