/// Jinja2 3.1's built-in tests (`x is defined`, `x is divisibleby(3)`, `x is eq(y)`).
enum JinjaTests {
    static let all: [TestDefinition] = typeTests + comparisonTests + [
        TestDefinition("defined", acceptsUndefined: true) { value, arguments, _ throws(TemplateError) in
            _ = try Signature("defined").bind(arguments)
            return !value.isUndefined
        },
        TestDefinition("undefined", acceptsUndefined: true) { value, arguments, _ throws(TemplateError) in
            _ = try Signature("undefined").bind(arguments)
            return value.isUndefined
        },
        TestDefinition("odd") { value, arguments, _ throws(TemplateError) in
            try remainder(value, arguments, "odd", divisor: .int(2)) == .int(1)
        },
        TestDefinition("even") { value, arguments, _ throws(TemplateError) in
            try remainder(value, arguments, "even", divisor: .int(2)) == .int(0)
        },
        TestDefinition("divisibleby") { value, arguments, _ throws(TemplateError) in
            let bound = try Signature("divisibleby", ["num"], required: 1).bind(arguments)
            return try remainder(value, Arguments(), "divisibleby", divisor: bound["num"] ?? .none) == .int(0)
        },
        TestDefinition("lower") { value, arguments, _ throws(TemplateError) in
            _ = try Signature("lower").bind(arguments)
            return PythonText.isLower(try value.pythonString())
        },
        TestDefinition("upper") { value, arguments, _ throws(TemplateError) in
            _ = try Signature("upper").bind(arguments)
            return PythonText.isUpper(try value.pythonString())
        },
        TestDefinition("sameas") { value, arguments, _ throws(TemplateError) in
            let bound = try Signature("sameas", ["other"], required: 1).bind(arguments)
            return isSameObject(value, bound["other"] ?? .none)
        },
        TestDefinition("in") { value, arguments, _ throws(TemplateError) in
            let bound = try Signature("in", ["seq"], required: 1).bind(arguments)
            return try (bound["seq"] ?? .none).pythonContains(value)
        },
        TestDefinition("filter") { value, arguments, _ throws(TemplateError) in
            _ = try Signature("filter").bind(arguments)
            return value.stringValue.map { BuiltinFilters.all[$0] != nil } ?? false
        },
        TestDefinition("test") { value, arguments, _ throws(TemplateError) in
            _ = try Signature("test").bind(arguments)
            return value.stringValue.map { BuiltinTests.all[$0] != nil } ?? false
        },
    ]

    private static func typeTest(_ name: String, _ predicate: @escaping @Sendable (Value) -> Bool) -> TestDefinition {
        TestDefinition(name) { value, arguments, _ throws(TemplateError) in
            _ = try Signature(name).bind(arguments)
            return predicate(value)
        }
    }

    private static let typeTests: [TestDefinition] = [
        typeTest("none") { $0.isNone },
        typeTest("boolean") { if case .bool = $0 { true } else { false } },
        typeTest("true") { $0 == .bool(true) && $0.isBool },
        typeTest("false") { $0 == .bool(false) && $0.isBool },
        typeTest("integer") { if case .int = $0 { true } else { false } },
        typeTest("float") { if case .float = $0 { true } else { false } },
        typeTest("number") { $0.number != nil },
        typeTest("string") { $0.stringValue != nil },
        typeTest("mapping") { if case .dict = $0 { true } else { false } },
        typeTest("iterable") { value in
            switch value {
            case .string, .list, .tuple, .dict: true
            default: false
            }
        },
        typeTest("sequence") { value in
            switch value {
            case .string, .list, .tuple, .dict: true
            default: false
            }
        },
        typeTest("callable") { if case .callable = $0 { true } else { false } },
        typeTest("escaped") { _ in false },
    ]

    private static func comparison(
        _ names: [String], _ holds: @escaping @Sendable (Value, Value) throws(TemplateError) -> Bool
    ) -> [TestDefinition] {
        names.map { name in
            TestDefinition(name) { value, arguments, _ throws(TemplateError) in
                let bound = try Signature(name, ["other"], required: 1).bind(arguments)
                return try holds(value, bound["other"] ?? .none)
            }
        }
    }

    private static let comparisonTests: [TestDefinition] =
        comparison(["==", "eq", "equalto"]) { (a: Value, b: Value) throws(TemplateError) -> Bool in
            try b.requireDefined()
            return a == b
        }
        + comparison(["!=", "ne"]) { (a: Value, b: Value) throws(TemplateError) -> Bool in
            try b.requireDefined()
            return a != b
        }
        + comparison(["<", "lt", "lessthan"]) { (a: Value, b: Value) throws(TemplateError) -> Bool in
            try Value.compare(a, b) < 0
        }
        + comparison(["<=", "le"]) { (a: Value, b: Value) throws(TemplateError) -> Bool in
            try Value.compare(a, b) <= 0
        }
        + comparison([">", "gt", "greaterthan"]) { (a: Value, b: Value) throws(TemplateError) -> Bool in
            try Value.compare(a, b) > 0
        }
        + comparison([">=", "ge"]) { (a: Value, b: Value) throws(TemplateError) -> Bool in
            try Value.compare(a, b) >= 0
        }

    /// Python's `value % divisor` for the numeric tests, as a number value.
    private static func remainder(
        _ value: Value, _ arguments: Arguments, _ name: String, divisor: Value
    ) throws(TemplateError) -> Value {
        _ = try Signature(name).bind(arguments)
        try divisor.requireDefined()
        guard let dividend = value.number, let modulus = divisor.number else {
            throw .type("unsupported operand type(s) for %: '\(value.typeName)' and '\(divisor.typeName)'")
        }
        switch (dividend, modulus) {
        case (.int(let a), .int(let b)):
            guard b != 0 else { throw TemplateError(.zeroDivision, "integer division or modulo by zero") }
            let result = a % b
            return .int(result != 0 && (result < 0) != (b < 0) ? result + b : result)
        default:
            let b = modulus.double
            guard b != 0 else { throw TemplateError(.zeroDivision, "float modulo") }
            let result = dividend.double.truncatingRemainder(dividingBy: b)
            return .float(result != 0 && (result < 0) != (b < 0) ? result + b : result)
        }
    }

    /// Python's `is` for the values where identity is observable: the singletons, small
    /// integers, and the reference types.
    static func isSameObject(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y && (-5...256).contains(x)
        case (.callable(let x), .callable(let y)): return x === y
        case (.namespace(let x), .namespace(let y)): return x === y
        case (.undefined(let x), .undefined(let y)): return x == y
        default: return false
        }
    }
}

extension Value {
    /// Whether this is a Boolean (not merely equal to one, as `1 == True` in Python).
    package var isBool: Bool {
        if case .bool = self { return true }
        return false
    }
}
