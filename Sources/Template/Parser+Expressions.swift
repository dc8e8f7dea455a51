/// Expression parsing; each method is the namesake of one in `jinja2/parser.py`, so the
/// precedence levels can be compared with the reference line by line.
extension Parser {
    mutating func parseExpression(withCondition: Bool = true) throws(TemplateError) -> Expression {
        try enter()
        defer { leave() }
        return withCondition ? try parseCondexpr() : try parseOr()
    }

    /// `a if cond else b`
    mutating func parseCondexpr() throws(TemplateError) -> Expression {
        var expr1 = try parseOr()
        while current.isName("if") {
            _ = advance()
            let condition = try parseOr()
            var otherwise: Expression?
            if current.isName("else") {
                _ = advance()
                otherwise = try parseCondexpr()
            }
            expr1 = Expression(kind: .conditional(expr1, condition, otherwise), start: expr1.start, end: (otherwise ?? condition).end)
        }
        return expr1
    }

    mutating func parseOr() throws(TemplateError) -> Expression {
        var left = try parseAnd()
        while current.isName("or") {
            _ = advance()
            let right = try parseAnd()
            left = Expression(kind: .or(left, right), start: left.start, end: right.end)
        }
        return left
    }

    mutating func parseAnd() throws(TemplateError) -> Expression {
        var left = try parseNot()
        while current.isName("and") {
            _ = advance()
            let right = try parseNot()
            left = Expression(kind: .and(left, right), start: left.start, end: right.end)
        }
        return left
    }

    mutating func parseNot() throws(TemplateError) -> Expression {
        if current.isName("not") {
            try enter()
            defer { leave() }
            let start = advance().start
            let operand = try parseNot()
            return Expression(kind: .not(operand), start: start, end: operand.end)
        }
        return try parseCompare()
    }

    mutating func parseCompare() throws(TemplateError) -> Expression {
        let expr = try parseMath1()
        var operations: [(CompareOperator, Expression)] = []
        while true {
            if case .operator(let op) = current.kind, let compare = CompareOperator(rawValue: op), op != "in" {
                _ = advance()
                operations.append((compare, try parseMath1()))
            } else if current.isName("in") {
                _ = advance()
                operations.append((.in, try parseMath1()))
            } else if current.isName("not"), peek().isName("in") {
                _ = advance()
                _ = advance()
                operations.append((.notIn, try parseMath1()))
            } else {
                break
            }
        }
        guard let last = operations.last else { return expr }
        return Expression(kind: .compare(expr, operations), start: expr.start, end: last.1.end)
    }

    mutating func parseMath1() throws(TemplateError) -> Expression {
        var left = try parseConcat()
        while current.isOperator("+") || current.isOperator("-") {
            let op: BinaryOperator = advance().isOperator("+") ? .add : .subtract
            let right = try parseConcat()
            left = Expression(kind: .binary(op, left, right), start: left.start, end: right.end)
        }
        return left
    }

    mutating func parseConcat() throws(TemplateError) -> Expression {
        var parts = [try parseMath2()]
        while current.isOperator("~") {
            _ = advance()
            parts.append(try parseMath2())
        }
        if parts.count == 1 { return parts[0] }
        return Expression(kind: .concat(parts), start: parts[0].start, end: parts[parts.count - 1].end)
    }

    mutating func parseMath2() throws(TemplateError) -> Expression {
        var left = try parsePow()
        while case .operator(let op) = current.kind, ["*", "/", "//", "%"].contains(op) {
            _ = advance()
            let right = try parsePow()
            left = Expression(kind: .binary(BinaryOperator(rawValue: op) ?? .multiply, left, right), start: left.start, end: right.end)
        }
        return left
    }

    mutating func parsePow() throws(TemplateError) -> Expression {
        var left = try parseUnary()
        while current.isOperator("**") {
            _ = advance()
            let right = try parseUnary()
            left = Expression(kind: .binary(.power, left, right), start: left.start, end: right.end)
        }
        return left
    }

    mutating func parseUnary(withFilter: Bool = true) throws(TemplateError) -> Expression {
        var node: Expression
        if current.isOperator("-") || current.isOperator("+") {
            try enter()
            defer { leave() }
            let token = advance()
            let operand = try parseUnary(withFilter: false)
            node = Expression(kind: .unary(token.isOperator("-") ? .negate : .plus, operand), start: token.start, end: operand.end)
        } else {
            node = try parsePrimary()
        }
        node = try parsePostfix(node)
        if withFilter { node = try parseFilterExpr(node) }
        return node
    }

    mutating func parsePrimary() throws(TemplateError) -> Expression {
        let token = current
        switch token.kind {
        case .name(let name):
            _ = advance()
            switch name {
            case "true", "True": return Expression(kind: .constant(.bool(true)), start: token.start, end: token.end)
            case "false", "False": return Expression(kind: .constant(.bool(false)), start: token.start, end: token.end)
            case "none", "None": return Expression(kind: .constant(.none), start: token.start, end: token.end)
            default: return Expression(kind: .name(name), start: token.start, end: token.end)
            }
        case .string(var text):
            _ = advance()
            var end = token.end
            while case .string(let more) = current.kind {
                text += more
                end = advance().end
            }
            return Expression(kind: .constant(.string(text)), start: token.start, end: end)
        case .integer(let value):
            _ = advance()
            return Expression(kind: .constant(.int(value)), start: token.start, end: token.end)
        case .float(let value):
            _ = advance()
            return Expression(kind: .constant(.float(value)), start: token.start, end: token.end)
        case .operator("("):
            _ = advance()
            var node = try parseTuple(withCondition: true, explicitParentheses: true)
            let close = try expectOperator(")")
            node.start = token.start
            node.end = close.end
            return node
        case .operator("["):
            return try parseList()
        case .operator("{"):
            return try parseDict()
        default:
            if token.kind == .endOfInput { throw unexpected(expected: "an expression") }
            throw fail("unexpected \(token.describe)", at: token)
        }
    }

    /// A comma-separated expression list; a tuple when there is a comma or it is `()`.
    mutating func parseTuple(
        withCondition: Bool, extraEnd: Set<String> = [], explicitParentheses: Bool = false
    ) throws(TemplateError) -> Expression {
        let start = current.start
        var items: [Expression] = []
        var isTuple = false
        while true {
            if !items.isEmpty { _ = try expectOperator(",") }
            if isTupleEnd(extraEnd) { break }
            items.append(try parseExpression(withCondition: withCondition))
            if current.isOperator(",") {
                isTuple = true
            } else {
                break
            }
        }
        if !isTuple {
            if let only = items.first { return only }
            if !explicitParentheses {
                throw fail("expected an expression, got \(current.describe)", at: current)
            }
        }
        return Expression(kind: .tuple(items), start: start, end: items.last?.end ?? current.start)
    }

    private func isTupleEnd(_ extraEnd: Set<String>) -> Bool {
        switch current.kind {
        case .variableEnd, .blockEnd, .endOfInput: return true
        case .operator(let op): return op == ")" || op == "]" || op == "}"
        case .name(let name): return extraEnd.contains(name)
        default: return false
        }
    }

    mutating func parseList() throws(TemplateError) -> Expression {
        let start = try expectOperator("[").start
        var items: [Expression] = []
        while !current.isOperator("]") {
            if !items.isEmpty { _ = try expectOperator(",") }
            if current.isOperator("]") { break }
            items.append(try parseExpression())
        }
        let end = try expectOperator("]").end
        return Expression(kind: .list(items), start: start, end: end)
    }

    mutating func parseDict() throws(TemplateError) -> Expression {
        let start = try expectOperator("{").start
        var pairs: [(Expression, Expression)] = []
        while !current.isOperator("}") {
            if !pairs.isEmpty { _ = try expectOperator(",") }
            if current.isOperator("}") { break }
            let key = try parseExpression()
            _ = try expectOperator(":")
            pairs.append((key, try parseExpression()))
        }
        let end = try expectOperator("}").end
        return Expression(kind: .dict(pairs), start: start, end: end)
    }
}
