import Diagnostics
import OrderedCollections

extension Renderer {
    mutating func evaluate(_ expression: Expression) throws(TemplateError) -> Value {
        switch expression.kind {
        case .constant(let value):
            return value
        case .name, .attribute, .item, .slice, .call, .filter, .test, .unary, .binary, .compare, .and, .or, .not,
            .conditional, .concat, .list, .tuple, .dict:
            try stack.check()
            return try evaluateCompound(expression)
        }
    }

    private mutating func evaluateCompound(_ expression: Expression) throws(TemplateError) -> Value {
        switch expression.kind {
        case .constant(let value):
            return value
        case .name(let name):
            if let value = try lookup(name) { return value }
            if name == "loop", let state = loops.last { return state.asValue }
            return .undefined(Undefined(message: "'\(name)' is undefined", span: span(expression)))
        case .attribute(let base, let name):
            if case .name("loop") = base.kind, let state = loops.last, try lookup("loop") == nil {
                if let value = state.attribute(name, at: expression.start) { return value }
            }
            let value = try evaluate(base)
            let nameStart = expression.end - name.utf8.count
            return Access.attribute(of: value, name, span: template.source.span(nameStart, expression.end))
        case .item(let base, let keyExpression):
            let value = try evaluate(base)
            if case .slice(let start, let stop, let step) = keyExpression.kind {
                return try slice(value, start, stop, step, at: expression)
            }
            return item(of: value, try evaluate(keyExpression), at: expression)
        case .slice:
            throw TemplateError.syntax("a slice is only allowed inside []", span: nil).at(expression.start)
        case .call(let callee, let arguments):
            return try evaluateCall(callee, arguments, expression)
        case .filter(let base, let definition, let arguments):
            let input = try evaluate(base)
            return try applyFilter(definition, to: input, arguments: try evaluateArguments(arguments), start: expression.start, end: expression.end, nameOffset: filterNameOffset(expression, base))
        case .test(let base, let definition, let arguments):
            let input = try evaluate(base)
            return .bool(try applyTest(definition, to: input, arguments: try evaluateArguments(arguments), expression))
        case .unary(let op, let operand):
            let value = try evaluate(operand)
            return try located(expression) { () throws(TemplateError) in try Operators.unary(op, value) }
        case .binary(let op, let left, let right):
            let lhs = try evaluate(left)
            let rhs = try evaluate(right)
            return try located(expression) { () throws(TemplateError) in try Operators.binary(op, lhs, rhs) }
        case .compare(let first, let operations):
            var left = try evaluate(first)
            for (op, rightExpression) in operations {
                let right = try evaluate(rightExpression)
                let result = try located(expression) { () throws(TemplateError) in try Operators.compare(op, left, right) }
                if !result { return .bool(false) }
                left = right
            }
            return .bool(true)
        case .and(let left, let right):
            let lhs = try evaluate(left)
            return try lhs.truthiness() ? try evaluate(right) : lhs
        case .or(let left, let right):
            let lhs = try evaluate(left)
            return try lhs.truthiness() ? lhs : try evaluate(right)
        case .not(let operand):
            return .bool(!(try evaluate(operand).truthiness()))
        case .conditional(let value, let condition, let otherwise):
            if try truth(condition) { return try evaluate(value) }
            if let otherwise { return try evaluate(otherwise) }
            return .undefined(Undefined(message: "the inline if-expression on line \(span(expression).start.line) evaluated to false and no else section was defined", span: span(expression), isLenient: true))
        case .concat(let parts):
            var text = ""
            for part in parts {
                let value = try evaluate(part)
                do {
                    text += try value.pythonString()
                } catch {
                    throw error.located(at: span(part))
                }
            }
            return .string(text)
        case .list(let items):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try evaluate(item)) }
            return .list(values)
        case .tuple(let items):
            var values: [Value] = []
            for item in items { values.append(try evaluate(item)) }
            return .tuple(values)
        case .dict(let pairs):
            var dict = OrderedDictionary<Value, Value>()
            for (keyExpression, valueExpression) in pairs {
                let key = try evaluate(keyExpression)
                if case .undefined(let undefined) = key { throw TemplateError.undefined(undefined) }
                dict[key] = try evaluate(valueExpression)
            }
            return .dict(dict)
        }
    }

    func span(_ expression: Expression) -> SourceSpan {
        template.source.span(expression.start, expression.end)
    }

    /// Runs `body`; an error from it without a location gets the expression's.
    func located<T>(_ expression: Expression, _ body: () throws(TemplateError) -> T) throws(TemplateError) -> T {
        do {
            return try body()
        } catch {
            if error.span != nil || error.offset != nil { throw error }
            var copy = error.at(expression.start)
            copy.offsetEnd = expression.end
            throw copy
        }
    }

    /// Offset of the filter's name, for errors raised by the filter itself.
    private func filterNameOffset(_ expression: Expression, _ base: Expression) -> Int {
        let bytes = template.source.text.utf8
        var offset = base.end
        let end = min(expression.end, bytes.count)
        var index = bytes.index(bytes.startIndex, offsetBy: offset)
        while offset < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "|") || bytes[index] == UInt8(ascii: ")") {
            offset += 1
            index = bytes.index(after: index)
        }
        return offset
    }

    mutating func evaluateArguments(_ arguments: CallArguments) throws(TemplateError) -> Arguments {
        if arguments.isEmpty { return Arguments() }
        var result = Arguments()
        for expression in arguments.positional { result.positional.append(try evaluate(expression)) }
        if let star = arguments.starArgs {
            let value = try evaluate(star)
            result.positional += try located(star) { () throws(TemplateError) in try iterate(value) }
        }
        for (name, expression) in arguments.keyword { result.keyword[name] = try evaluate(expression) }
        if let starStar = arguments.starKwargs {
            guard case .dict(let dict) = try evaluate(starStar) else {
                throw TemplateError.type("argument after ** must be a mapping").at(starStar.start)
            }
            for (key, value) in dict { result.keyword[try key.pythonString()] = value }
        }
        return result
    }


    mutating func applyFilter(
        _ definition: FilterDefinition, to input: Value, arguments: Arguments, start: Int, end: Int, nameOffset: Int? = nil
    ) throws(TemplateError) -> Value {
        if !definition.acceptsUndefined, case .undefined(let undefined) = input {
            throw TemplateError.undefined(undefined)
        }
        let at = nameOffset ?? start
        let site = CallSite(source: template.source, start: at, end: end, runtime: runtime)
        do {
            return try definition.body(input, arguments, site)
        } catch {
            if error.span != nil || error.offset != nil { throw error }
            var copy = error.at(at)
            copy.offsetEnd = end
            throw copy
        }
    }

    mutating func applyTest(_ definition: TestDefinition, to input: Value, arguments: Arguments, _ expression: Expression) throws(TemplateError) -> Bool {
        if !definition.acceptsUndefined, case .undefined(let undefined) = input {
            throw TemplateError.undefined(undefined)
        }
        let site = CallSite(source: template.source, start: expression.start, end: expression.end, runtime: runtime)
        return try located(expression) { () throws(TemplateError) in try definition.body(input, arguments, site) }
    }

    mutating func evaluateCall(_ callee: Expression, _ arguments: CallArguments, _ expression: Expression) throws(TemplateError) -> Value {
        if case .name("loop") = callee.kind, try lookup("loop") == nil, loops.last?.recursive != nil {
            return try renderRecursion(try evaluateArguments(arguments))
        }
        if case .attribute(let base, let method) = callee.kind, let mutated = try callMutatingMethod(base, method, arguments, expression) {
            return mutated
        }
        let function = try evaluate(callee)
        let evaluated = try evaluateArguments(arguments)
        return try callValue(function, evaluated, start: expression.start, end: expression.end)
    }

    /// `names.append(x)`, `config.update(d)`: Python mutates the object in place. Values are
    /// immutable here, so the variable (or namespace attribute) is rebound to the new value,
    /// which is what templates that use `{% set _ = names.append(x) %}` rely on.
    private mutating func callMutatingMethod(_ base: Expression, _ method: String, _ arguments: CallArguments, _ expression: Expression) throws(TemplateError) -> Value? {
        let receiver: Value
        let rebind: (inout Renderer, Value) -> Void
        switch base.kind {
        case .name(let name):
            guard let value = try lookup(name) else { return nil }
            receiver = value
            rebind = { renderer, value in renderer.rebind(name, value) }
        case .attribute(let owner, let attribute):
            guard case .name(let ownerName) = owner.kind, case .namespace(let namespace) = try lookup(ownerName),
                let value = namespace[attribute]
            else { return nil }
            receiver = value
            rebind = { _, value in namespace[attribute] = value }
        default:
            return nil
        }
        guard MethodMutation.names(for: receiver).contains(method) else { return nil }
        let evaluated = try evaluateArguments(arguments)
        let mutation = try located(expression) { () throws(TemplateError) in try MethodMutation.apply(method, to: receiver, evaluated) }
        guard let mutation else { return nil }
        rebind(&self, mutation.receiver)
        return mutation.result
    }

    func callValue(_ function: Value, _ arguments: Arguments, start: Int, end: Int) throws(TemplateError) -> Value {
        switch function {
        case .callable(let callable):
            let site = CallSite(source: template.source, start: start, end: end, runtime: runtime)
            do {
                return try callable.body(arguments, site)
            } catch {
                if error.span != nil || error.offset != nil { throw error }
                var copy = error.at(start)
                copy.offsetEnd = end
                throw copy
            }
        case .undefined(let undefined):
            throw TemplateError.undefined(undefined)
        default:
            throw TemplateError.type("'\(function.typeName)' object is not callable").at(start)
        }
    }
}
