import Foundation

/// Python's operators on template values: `+ - * / // % **`, comparisons, `in`, slicing.
enum Operators {
    static func unary(_ op: UnaryOperator, _ value: Value) throws(TemplateError) -> Value {
        if case .undefined(let undefined) = value { throw .undefined(undefined) }
        guard let number = value.number else {
            throw .type("bad operand type for unary \(op == .negate ? "-" : "+"): '\(value.typeName)'")
        }
        switch (op, number) {
        case (.plus, .int(let int)): return .int(int)
        case (.plus, .float(let double)): return .float(double)
        case (.negate, .int(let int)):
            let (result, overflow) = Int(0).subtractingReportingOverflow(int)
            if overflow { throw TemplateError(.overflow, "integer overflow") }
            return .int(result)
        case (.negate, .float(let double)): return .float(-double)
        }
    }

    static func binary(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value) throws(TemplateError) -> Value {
        if case .undefined(let undefined) = lhs { throw .undefined(undefined) }
        if case .undefined(let undefined) = rhs { throw .undefined(undefined) }
        if let a = lhs.number, let b = rhs.number { return try arithmetic(op, a, b) }
        switch (op, lhs, rhs) {
        case (.add, .string(let a), .string(let b)): return .string(a + b)
        case (.add, .list(let a), .list(let b)): return .list(a + b)
        case (.add, .tuple(let a), .tuple(let b)): return .tuple(a + b)
        case (.multiply, .string(let text), _), (.multiply, _, .string(let text)):
            guard let count = (lhs.stringValue == nil ? lhs : rhs).number, case .int(let times) = count else { break }
            return .string(times <= 0 ? "" : try repeated(text, times))
        case (.multiply, .list(let items), _), (.multiply, _, .list(let items)):
            guard let count = (lhs.sequenceItems == nil ? lhs : rhs).number, case .int(let times) = count else { break }
            guard times > 0 else { return .list([]) }
            guard items.count.multipliedReportingOverflow(by: times).partialValue < 10_000_000 else {
                throw TemplateError(.overflow, "list repetition is too large")
            }
            return .list(Array([[Value]](repeating: items, count: times).joined()))
        case (.modulo, .string(let format), _):
            return .string(try PercentFormat.format(format, rhs))
        default:
            break
        }
        throw .type("unsupported operand type(s) for \(op.rawValue): '\(lhs.typeName)' and '\(rhs.typeName)'")
    }

    private static func repeated(_ text: String, _ times: Int) throws(TemplateError) -> String {
        guard text.utf8.count.multipliedReportingOverflow(by: times).partialValue < 100_000_000 else {
            throw TemplateError(.overflow, "string repetition is too large")
        }
        return String(repeating: text, count: times)
    }

    private static func arithmetic(_ op: BinaryOperator, _ a: Value.Number, _ b: Value.Number) throws(TemplateError) -> Value {
        if case .int(let x) = a, case .int(let y) = b { return try integerArithmetic(op, x, y) }
        let x = a.double
        let y = b.double
        switch op {
        case .add: return .float(x + y)
        case .subtract: return .float(x - y)
        case .multiply: return .float(x * y)
        case .divide:
            guard y != 0 else { throw TemplateError(.zeroDivision, "float division by zero") }
            return .float(x / y)
        case .floorDivide:
            guard y != 0 else { throw TemplateError(.zeroDivision, "float floor division by zero") }
            return .float((x / y).rounded(.down))
        case .modulo:
            guard y != 0 else { throw TemplateError(.zeroDivision, "float modulo") }
            return .float(pythonFloatModulo(x, y))
        case .power:
            if x == 0, y < 0 { throw TemplateError(.zeroDivision, "0.0 cannot be raised to a negative power") }
            return .float(Foundation.pow(x, y))
        }
    }

    private static func integerArithmetic(_ op: BinaryOperator, _ x: Int, _ y: Int) throws(TemplateError) -> Value {
        func checked(_ result: (partialValue: Int, overflow: Bool)) throws(TemplateError) -> Value {
            if result.overflow { throw TemplateError(.overflow, "integer overflow", hint: "rig's integers are 64-bit") }
            return .int(result.partialValue)
        }
        switch op {
        case .add: return try checked(x.addingReportingOverflow(y))
        case .subtract: return try checked(x.subtractingReportingOverflow(y))
        case .multiply: return try checked(x.multipliedReportingOverflow(by: y))
        case .divide:
            guard y != 0 else { throw TemplateError(.zeroDivision, "division by zero") }
            return .float(Double(x) / Double(y))
        case .floorDivide:
            guard y != 0 else { throw TemplateError(.zeroDivision, "integer division or modulo by zero") }
            if x == Int.min, y == -1 { throw TemplateError(.overflow, "integer overflow") }
            let quotient = x / y
            return .int((x % y != 0) && ((x < 0) != (y < 0)) ? quotient - 1 : quotient)
        case .modulo:
            guard y != 0 else { throw TemplateError(.zeroDivision, "integer division or modulo by zero") }
            if y == -1 { return .int(0) }
            let remainder = x % y
            return .int(remainder != 0 && ((remainder < 0) != (y < 0)) ? remainder + y : remainder)
        case .power:
            if y < 0 {
                if x == 0 { throw TemplateError(.zeroDivision, "0.0 cannot be raised to a negative power") }
                return .float(Foundation.pow(Double(x), Double(y)))
            }
            var result = 1
            var base = x
            var exponent = y
            while exponent > 0 {
                if exponent & 1 == 1 {
                    let (product, overflow) = result.multipliedReportingOverflow(by: base)
                    if overflow { throw TemplateError(.overflow, "integer overflow", hint: "rig's integers are 64-bit") }
                    result = product
                }
                exponent >>= 1
                if exponent > 0 {
                    let (square, overflow) = base.multipliedReportingOverflow(by: base)
                    if overflow { throw TemplateError(.overflow, "integer overflow", hint: "rig's integers are 64-bit") }
                    base = square
                }
            }
            return .int(result)
        }
    }

    static func pythonFloatModulo(_ x: Double, _ y: Double) -> Double {
        let remainder = x.truncatingRemainder(dividingBy: y)
        if remainder != 0, (remainder < 0) != (y < 0) { return remainder + y }
        return remainder == 0 ? (y < 0 ? -0.0 : 0.0) : remainder
    }

    static func compare(_ op: CompareOperator, _ lhs: Value, _ rhs: Value) throws(TemplateError) -> Bool {
        switch op {
        case .equal, .notEqual:
            // A lenient undefined (Jinja2's plain Undefined) equals nothing but itself.
            if case .undefined(let undefined) = lhs, !undefined.isLenient { throw .undefined(undefined) }
            if case .undefined(let undefined) = rhs, !undefined.isLenient { throw .undefined(undefined) }
            return (lhs == rhs) == (op == .equal)
        case .in: return try contains(rhs, lhs)
        case .notIn: return !(try contains(rhs, lhs))
        case .less: return try orderable(lhs, rhs, op) < 0
        case .lessEqual: return try orderable(lhs, rhs, op) <= 0
        case .greater: return try orderable(lhs, rhs, op) > 0
        case .greaterEqual: return try orderable(lhs, rhs, op) >= 0
        }
    }

    private static func orderable(_ lhs: Value, _ rhs: Value, _ op: CompareOperator) throws(TemplateError) -> Int {
        do {
            return try Value.compare(lhs, rhs)
        } catch where error.code == .type {
            throw .type("'\(op.rawValue)' not supported between instances of '\(lhs.typeName)' and '\(rhs.typeName)'")
        }
    }

    /// Python's `needle in container`.
    static func contains(_ container: Value, _ needle: Value) throws(TemplateError) -> Bool {
        if case .undefined(let undefined) = needle { throw .undefined(undefined) }
        switch container {
        case .list(let items), .tuple(let items): return items.contains(needle)
        case .dict(let dict): return dict[needle] != nil
        case .string(let haystack):
            guard case .string(let part) = needle else {
                throw .type("'in <string>' requires string as left operand, not \(needle.typeName)")
            }
            return ByteSearch.contains(haystack, part)
        case .undefined(let undefined): throw .undefined(undefined)
        case .namespace(let namespace):
            guard case .string(let name) = needle else { return false }
            return namespace[name] != nil
        default: throw .type("argument of type '\(container.typeName)' is not iterable")
        }
    }

    /// Python slicing of lists, tuples and strings (by Unicode scalar).
    static func slice(_ value: Value, start: Int?, stop: Int?, step: Int) throws(TemplateError) -> Value {
        guard step != 0 else { throw .value("slice step cannot be zero") }
        switch value {
        case .list(let items): return .list(slice(items, start, stop, step))
        case .tuple(let items): return .tuple(slice(items, start, stop, step))
        case .string(let string):
            let scalars = Array(string.unicodeScalars)
            return .string(String(String.UnicodeScalarView(slice(scalars, start, stop, step))))
        case .undefined(let undefined): throw .undefined(undefined)
        default: throw .type("'\(value.typeName)' object is not subscriptable")
        }
    }

    static func slice<T>(_ items: [T], _ start: Int?, _ stop: Int?, _ step: Int) -> [T] {
        let count = items.count
        func clamp(_ index: Int?, _ fallback: Int, low: Int, high: Int) -> Int {
            guard var index else { return fallback }
            if index < 0 { index += count }
            return min(max(index, low), high)
        }
        var result: [T] = []
        if step > 0 {
            let from = clamp(start, 0, low: 0, high: count)
            let to = clamp(stop, count, low: 0, high: count)
            var index = from
            while index < to {
                result.append(items[index])
                index += step
            }
        } else {
            let from = clamp(start, count - 1, low: -1, high: count - 1)
            let to = clamp(stop, -1, low: -1, high: count - 1)
            var index = from
            while index > to {
                result.append(items[index])
                index += step
            }
        }
        return result
    }
}
