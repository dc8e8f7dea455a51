import Diagnostics
import OrderedCollections

/// The `TemplateRuntime` filters call back into: immutable, made once per renderer, and a class
/// so handing it to every filter call costs one reference, not a copy of the environment.
final class RenderRuntime: TemplateRuntime {
    let environment: TemplateEnvironment
    let template: Template
    let stack: StackGuard

    init(environment: TemplateEnvironment, template: Template, stack: StackGuard) {
        self.environment = environment
        self.template = template
        self.stack = stack
    }

    func filter(_ name: String, _ value: Value, _ arguments: Arguments, at span: SourceSpan?) throws(TemplateError) -> Value {
        guard let definition = environment.filters[Parser.shortName(name)] else {
            throw TemplateError(.unknownFilter, "no filter named '\(name)'", span: span, hint: Suggestions.didYouMean(name, among: Array(environment.filters.keys)))
        }
        if !definition.acceptsUndefined, case .undefined(let undefined) = value { throw .undefined(undefined) }
        return try definition.body(value, arguments, CallSite(span: span, runtime: self))
    }

    func test(_ name: String, _ value: Value, _ arguments: Arguments, at span: SourceSpan?) throws(TemplateError) -> Bool {
        guard let definition = environment.tests[Parser.shortName(name)] else {
            throw TemplateError(.unknownTest, "no test named '\(name)'", span: span, hint: Suggestions.didYouMean(name, among: Array(environment.tests.keys)))
        }
        if !definition.acceptsUndefined, case .undefined(let undefined) = value { throw .undefined(undefined) }
        return try definition.body(value, arguments, CallSite(span: span, runtime: self))
    }

    func call(_ callee: Value, _ arguments: Arguments, at span: SourceSpan?) throws(TemplateError) -> Value {
        switch callee {
        case .callable(let callable): return try callable.body(arguments, CallSite(span: span, runtime: self))
        case .undefined(let undefined): throw .undefined(undefined)
        default: throw .type("'\(callee.typeName)' object is not callable", span: span)
        }
    }

    func attribute(of value: Value, _ name: String, at span: SourceSpan?) -> Value {
        Access.attribute(of: value, name, span: span)
    }

    func item(of value: Value, _ key: Value, at span: SourceSpan?) -> Value {
        Access.item(of: value, key, span: span)
    }
}

/// Jinja2's `getattr` and `getitem` on Python values.
enum Access {
    /// `value.name`: a method or attribute first, then the item.
    static func attribute(of value: Value, _ name: String, span: SourceSpan?) -> Value {
        switch value {
        case .undefined:
            return value
        case .namespace(let namespace):
            if let found = namespace[name] { return found }
        case .dict(let dict):
            if let method = BuiltinMethods.method(name, on: value) { return method }
            if let found = dict[.string(name)] { return found }
        case .tuple(let items) where items.count == 2 && (name == "grouper" || name == "list"):
            // `groupby` yields Python namedtuples (grouper, list); ours are plain pairs.
            return name == "grouper" ? items[0] : items[1]
        default:
            if let method = BuiltinMethods.method(name, on: value) { return method }
        }
        return .undefined(Undefined(message: "object of type '\(value.typeName)' has no attribute '\(name)'", span: span))
    }

    /// `value[key]`: the item first, then an attribute of that name.
    static func item(of value: Value, _ key: Value, span: SourceSpan?) -> Value {
        switch value {
        case .undefined:
            return value
        case .dict(let dict):
            if let found = dict[key] { return found }
        case .list(let items), .tuple(let items):
            if let index = integerIndex(key), let position = normalized(index, count: items.count) {
                return items[position]
            }
        case .string(let string):
            if let index = integerIndex(key) {
                let scalars = Array(string.unicodeScalars)
                if let position = normalized(index, count: scalars.count) { return .string(String(scalars[position])) }
            }
        case .namespace(let namespace):
            if case .string(let name) = key, let found = namespace[name] { return found }
        default:
            break
        }
        if case .string(let name) = key, case .dict = value {
            if let method = BuiltinMethods.method(name, on: value) { return method }
        } else if case .string(let name) = key, let method = BuiltinMethods.method(name, on: value) {
            return method
        }
        let message: String
        switch value {
        case .dict: message = "object of type 'dict' has no attribute \(key.pythonRepr())"
        case .list, .tuple, .string:
            message = integerIndex(key) != nil ? "\(value.typeName) index out of range" : "\(value.typeName) indices must be integers or slices, not \(key.typeName)"
        default: message = "object of type '\(value.typeName)' has no attribute \(key.pythonRepr())"
        }
        return .undefined(Undefined(message: message, span: span))
    }

    static func integerIndex(_ key: Value) -> Int? {
        switch key {
        case .int(let int): int
        case .bool(let bool): bool ? 1 : 0
        default: nil
        }
    }

    static func normalized(_ index: Int, count: Int) -> Int? {
        let position = index < 0 ? index + count : index
        return position >= 0 && position < count ? position : nil
    }
}

extension Renderer {
    func attribute(of value: Value, _ name: String, at expression: Expression) -> Value {
        Access.attribute(of: value, name, span: span(expression))
    }

    func item(of value: Value, _ key: Value, at expression: Expression) -> Value {
        if case .undefined = key { return key }
        return Access.item(of: value, key, span: span(expression))
    }

    mutating func slice(_ value: Value, _ start: Expression?, _ stop: Expression?, _ step: Expression?, at expression: Expression) throws(TemplateError) -> Value {
        func bound(_ part: Expression?) throws(TemplateError) -> Int? {
            guard let part else { return nil }
            let value = try evaluate(part)
            if value.isNone { return nil }
            guard let int = Access.integerIndex(value) else {
                throw TemplateError.type("slice indices must be integers or None").at(part.start)
            }
            return int
        }
        let from = try bound(start)
        let to = try bound(stop)
        let by = try bound(step) ?? 1
        return try located(expression) { () throws(TemplateError) in
            try Operators.slice(value, start: from, stop: to, step: by)
        }
    }
}
