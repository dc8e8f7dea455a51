import Diagnostics
import Template

/// A deterministic stand-in for the evaluator: dispatches filters and tests to the built-in
/// tables, calls callables, and looks attributes and items up with Jinja2's rules for the value
/// kinds the filters meet (dict keys, list and string indexes with negatives, methods).
struct FakeRuntime: TemplateRuntime {
    var site: CallSite { CallSite(span: nil, runtime: self) }

    func filter(_ name: String, _ value: Value, _ arguments: Arguments, at span: SourceSpan?) throws(TemplateError) -> Value {
        guard let definition = BuiltinFilters.all[name] else {
            throw TemplateError(.unknownFilter, "no filter named '\(name)'", span: span)
        }
        if case .undefined(let undefined) = value, !definition.acceptsUndefined { throw .undefined(undefined) }
        return try definition.body(value, arguments, CallSite(span: span, runtime: self))
    }

    func test(_ name: String, _ value: Value, _ arguments: Arguments, at span: SourceSpan?) throws(TemplateError) -> Bool {
        guard let definition = BuiltinTests.all[name] else {
            throw TemplateError(.unknownTest, "no test named '\(name)'", span: span)
        }
        if case .undefined(let undefined) = value, !definition.acceptsUndefined { throw .undefined(undefined) }
        return try definition.body(value, arguments, CallSite(span: span, runtime: self))
    }

    func call(_ callee: Value, _ arguments: Arguments, at span: SourceSpan?) throws(TemplateError) -> Value {
        guard case .callable(let callable) = callee else { throw .type("'\(callee.typeName)' object is not callable") }
        return try callable.body(arguments, CallSite(span: span, runtime: self))
    }

    func attribute(of value: Value, _ name: String, at span: SourceSpan?) -> Value {
        if let method = BuiltinMethods.method(name, on: value) { return method }
        if case .namespace(let namespace) = value, let attribute = namespace[name] { return attribute }
        return item(of: value, .string(name), at: span)
    }

    func item(of value: Value, _ key: Value, at span: SourceSpan?) -> Value {
        switch (value, key) {
        case (.dict(let dict), _):
            if let found = dict[key] { return found }
        case (.list(let items), .int(let index)), (.tuple(let items), .int(let index)):
            let position = index < 0 ? items.count + index : index
            if items.indices.contains(position) { return items[position] }
        case (.string(let string), .int(let index)):
            let scalars = Array(string.unicodeScalars)
            let position = index < 0 ? scalars.count + index : index
            if scalars.indices.contains(position) { return .string(String(scalars[position])) }
        default:
            break
        }
        return .undefined(Undefined(message: "'\(value.typeName) object' has no attribute \(key.pythonRepr())", span: span))
    }
}
