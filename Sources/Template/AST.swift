/// A parsed expression with the UTF-8 offsets it was written at.
struct Expression: Sendable {
    indirect enum Kind: Sendable {
        case constant(Value)
        case name(String)
        /// `value.name` (Jinja2's `Getattr`).
        case attribute(Expression, String)
        /// `value[key]` (Jinja2's `Getitem`).
        case item(Expression, Expression)
        case slice(Expression?, Expression?, Expression?)
        case call(Expression, CallArguments)
        case filter(Expression, FilterDefinition, CallArguments)
        case test(Expression, TestDefinition, CallArguments)
        case unary(UnaryOperator, Expression)
        case binary(BinaryOperator, Expression, Expression)
        case compare(Expression, [(CompareOperator, Expression)])
        case and(Expression, Expression)
        case or(Expression, Expression)
        case not(Expression)
        /// `a if condition else b`; `b` may be absent (then undefined).
        case conditional(Expression, Expression, Expression?)
        case concat([Expression])
        case list([Expression])
        case tuple([Expression])
        case dict([(Expression, Expression)])
    }

    var kind: Kind
    var start: Int
    var end: Int
}

struct CallArguments: Sendable {
    var positional: [Expression] = []
    var keyword: [(String, Expression)] = []
    var starArgs: Expression?
    var starKwargs: Expression?

    var isEmpty: Bool { positional.isEmpty && keyword.isEmpty && starArgs == nil && starKwargs == nil }
}

enum UnaryOperator: Sendable { case negate, plus }

enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", modulo = "%", power = "**"
}

enum CompareOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case `in` = "in", notIn = "not in"
}

/// Where an assignment writes: a name, a tuple of targets, or `namespace.attribute`.
indirect enum AssignTarget: Sendable {
    case name(String)
    case tuple([AssignTarget])
    case namespaceAttribute(String, String, start: Int)
}

/// A statement of the template body.
indirect enum Node: Sendable {
    case data(String)
    case output(Expression)
    case `if`([(Expression, [Node])], else: [Node])
    case `for`(ForLoop)
    case set(AssignTarget, Expression)
    case setBlock(AssignTarget, [Node], filters: [(FilterDefinition, CallArguments, Int, Int)])
    case macro(MacroDefinition)
    case callBlock(Expression, MacroDefinition)
    case filterBlock([(FilterDefinition, CallArguments, Int, Int)], [Node])
    case include(Expression, ignoreMissing: Bool, withContext: Bool, start: Int)
    case importTemplate(Expression, alias: String, start: Int)
    case fromImport(Expression, names: [(String, String)], start: Int)
    case with([(AssignTarget, Expression)], [Node])
    /// `{% block name %}`: rendered in place, unless a template that extends this one overrides it.
    case block(String, [Node])
    /// `{% extends 'base.j2' %}`: the rest renders through the parent's layout.
    case extends(Expression, start: Int)
}

struct ForLoop: Sendable {
    var target: AssignTarget
    var iterable: Expression
    var condition: Expression?
    var body: [Node]
    var elseBody: [Node]
    var recursive: Bool
    var start: Int
}

struct MacroDefinition: Sendable {
    var name: String
    var parameters: [String]
    var defaults: [Expression?]
    var body: [Node]
    var start: Int
}
