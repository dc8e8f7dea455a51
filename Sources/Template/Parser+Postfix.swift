extension Parser {
    mutating func parsePostfix(_ base: Expression) throws(TemplateError) -> Expression {
        var node = base
        while true {
            if current.isOperator(".") || current.isOperator("[") {
                node = try parseSubscript(node)
            } else if current.isOperator("(") {
                let arguments = try parseCallArguments()
                node = Expression(kind: .call(node, arguments), start: node.start, end: tokens[index - 1].end)
            } else {
                return node
            }
        }
    }

    mutating func parseFilterExpr(_ base: Expression) throws(TemplateError) -> Expression {
        var node = base
        while true {
            if current.isOperator("|") {
                _ = advance()
                let (definition, arguments, _) = try parseFilterName()
                node = Expression(kind: .filter(node, definition, arguments), start: node.start, end: tokens[index - 1].end)
            } else if current.isName("is") {
                node = try parseTest(node)
            } else if current.isOperator("(") {
                let arguments = try parseCallArguments()
                node = Expression(kind: .call(node, arguments), start: node.start, end: tokens[index - 1].end)
            } else {
                return node
            }
        }
    }

    /// `name` or `name(args)` after `|`; the name token is returned for locations.
    mutating func parseFilterName() throws(TemplateError) -> (FilterDefinition, CallArguments, Token) {
        let (token, name) = try parseQualifiedName(expected: "filter name")
        let shortName = Parser.shortName(name)
        let definition =
            filters[shortName]
            ?? .unknown(fail("no filter named '\(name)'", at: token, hint: Suggestions.didYouMean(shortName, among: Array(filters.keys))))
        var arguments = CallArguments()
        if current.isOperator("(") { arguments = try parseCallArguments() }
        return (definition, arguments, token)
    }

    /// A filter or test name, possibly dotted (`ansible.builtin.to_yaml`), and its first token.
    private mutating func parseQualifiedName(expected: String) throws(TemplateError) -> (Token, String) {
        let token = try expectName()
        guard case .name(var name) = token.kind else { throw unexpected(expected: expected) }
        while current.isOperator("."), case .name(let part) = peek().kind {
            _ = advance()
            _ = advance()
            name += "." + part
        }
        return (token, name)
    }

    /// `ansible.builtin.to_yaml` and `community.general.x` resolve to their short names.
    static func shortName(_ name: String) -> String {
        for prefix in ["ansible.builtin.", "ansible.legacy.", "ansible.utils.", "community.general."] where name.hasPrefix(prefix) {
            return String(name.dropFirst(prefix.count))
        }
        return name
    }

    mutating func parseTest(_ base: Expression) throws(TemplateError) -> Expression {
        let isToken = advance()
        var negated = false
        if current.isName("not") {
            _ = advance()
            negated = true
        }
        let (token, name) = try parseQualifiedName(expected: "test name")
        let shortName = Parser.shortName(name)
        let definition =
            tests[shortName]
            ?? .unknown(fail("no test named '\(name)'", at: token, hint: Suggestions.didYouMean(shortName, among: Array(tests.keys))))
        var arguments = CallArguments()
        if current.isOperator("(") {
            arguments = try parseCallArguments()
        } else if startsTestArgument() {
            if current.isName("is") { throw fail("you cannot chain multiple tests with is", at: current) }
            let argument = try parsePostfix(try parsePrimary())
            arguments.positional = [argument]
        }
        var node = Expression(kind: .test(base, definition, arguments), start: base.start, end: tokens[index - 1].end)
        if negated { node = Expression(kind: .not(node), start: isToken.start, end: node.end) }
        return node
    }

    private func startsTestArgument() -> Bool {
        switch current.kind {
        case .name(let name): return !["else", "or", "and"].contains(name)
        case .string, .integer, .float: return true
        case .operator(let op): return op == "(" || op == "[" || op == "{"
        default: return false
        }
    }

    mutating func parseSubscript(_ base: Expression) throws(TemplateError) -> Expression {
        let token = advance()
        if token.isOperator(".") {
            let attribute = current
            switch attribute.kind {
            case .name(let name):
                _ = advance()
                return Expression(kind: .attribute(base, name), start: base.start, end: attribute.end)
            case .integer(let value):
                _ = advance()
                let key = Expression(kind: .constant(.int(value)), start: attribute.start, end: attribute.end)
                return Expression(kind: .item(base, key), start: base.start, end: attribute.end)
            default:
                throw fail("expected name or number after '.'", at: attribute)
            }
        }
        var arguments: [Expression] = []
        while !current.isOperator("]") {
            if !arguments.isEmpty { _ = try expectOperator(",") }
            arguments.append(try parseSubscribed())
        }
        let close = try expectOperator("]")
        let key: Expression
        if arguments.count == 1 {
            key = arguments[0]
        } else {
            key = Expression(kind: .tuple(arguments), start: token.start, end: close.end)
        }
        return Expression(kind: .item(base, key), start: base.start, end: close.end)
    }

    /// One subscript: an expression or a slice `start:stop:step`.
    private mutating func parseSubscribed() throws(TemplateError) -> Expression {
        let start = current.start
        var parts: [Expression?] = []
        if current.isOperator(":") {
            _ = advance()
            parts = [nil]
        } else {
            let first = try parseExpression()
            guard current.isOperator(":") else { return first }
            _ = advance()
            parts = [first]
        }
        if current.isOperator("]") || current.isOperator(",") {
            parts.append(nil)
        } else if !current.isOperator(":") {
            parts.append(try parseExpression())
        } else {
            parts.append(nil)
        }
        if current.isOperator(":") {
            _ = advance()
            if !current.isOperator("]") && !current.isOperator(",") {
                parts.append(try parseExpression())
            }
        }
        while parts.count < 3 { parts.append(nil) }
        return Expression(kind: .slice(parts[0], parts[1], parts[2]), start: start, end: tokens[index - 1].end)
    }

    mutating func parseCallArguments() throws(TemplateError) -> CallArguments {
        let open = try expectOperator("(")
        var arguments = CallArguments()
        var first = true
        while !current.isOperator(")") {
            if !first {
                _ = try expectOperator(",")
                if current.isOperator(")") { break }
            }
            first = false
            if current.isOperator("*") {
                _ = advance()
                arguments.starArgs = try parseExpression()
            } else if current.isOperator("**") {
                _ = advance()
                arguments.starKwargs = try parseExpression()
            } else if case .name(let name) = current.kind, peek().isOperator("=") {
                _ = advance()
                _ = advance()
                arguments.keyword.append((name, try parseExpression()))
            } else {
                if !arguments.keyword.isEmpty || arguments.starArgs != nil || arguments.starKwargs != nil {
                    throw fail("positional argument follows keyword argument", at: current)
                }
                arguments.positional.append(try parseExpression())
            }
            if current.kind == .endOfInput || current.kind == .variableEnd || current.kind == .blockEnd {
                throw fail("unclosed '('", at: open)
            }
        }
        _ = advance()
        return arguments
    }
}

/// "Did you mean" hints by edit distance.
package enum Suggestions {
    package static func didYouMean(_ name: String, among candidates: [String]) -> String? {
        // Closest by edit distance; among equals, one that holds every letter typed, in order
        // (a dropped letter: `taks` → `tasks`, not `tags`), then alphabetical.
        let scored = candidates.map { ($0, distance(name, $0), isSubsequence(name, of: $0) ? 0 : 1) }
            .filter { $0.1 <= max(2, name.count / 3) }
        guard let best = scored.min(by: { ($0.1, $0.2, $0.0) < ($1.1, $1.2, $1.0) }) else { return nil }
        return "did you mean '\(best.0)'?"
    }

    static func isSubsequence(_ short: String, of long: String) -> Bool {
        var rest = Substring(long)
        for character in short {
            guard let found = rest.firstIndex(of: character) else { return false }
            rest = rest[rest.index(after: found)...]
        }
        return true
    }

    package static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var row = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return previous[b.count]
    }
}
