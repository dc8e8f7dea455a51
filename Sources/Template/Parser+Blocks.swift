extension Parser {
    mutating func parseMacro() throws(TemplateError) -> Node {
        let start = advance().start
        let name = try expectName()
        guard case .name(let macroName) = name.kind else { throw unexpected(expected: "name") }
        let (parameters, defaults) = try parseSignature()
        let body = try parseBody("macro", until: ["endmacro"], drop: true)
        return .macro(MacroDefinition(name: macroName, parameters: parameters, defaults: defaults, body: body, start: start))
    }

    mutating func parseCallBlock() throws(TemplateError) -> Node {
        let start = advance().start
        var parameters: [String] = []
        var defaults: [Expression?] = []
        if current.isOperator("(") {
            (parameters, defaults) = try parseSignature()
        }
        let call = try parseExpression()
        guard case .call = call.kind else {
            throw fail("expected call", at: tokens[max(index - 1, 0)])
        }
        let body = try parseBody("call", until: ["endcall"], drop: true)
        return .callBlock(call, MacroDefinition(name: "caller", parameters: parameters, defaults: defaults, body: body, start: start))
    }

    /// `(a, b=1, c='x')` of a macro or call block.
    private mutating func parseSignature() throws(TemplateError) -> ([String], [Expression?]) {
        _ = try expectOperator("(")
        var parameters: [String] = []
        var defaults: [Expression?] = []
        while !current.isOperator(")") {
            if !parameters.isEmpty { _ = try expectOperator(",") }
            if current.isOperator(")") { break }
            let token = try expectName()
            guard case .name(let name) = token.kind else { throw unexpected(expected: "name") }
            parameters.append(name)
            if current.isOperator("=") {
                _ = advance()
                defaults.append(try parseExpression())
            } else {
                if defaults.contains(where: { $0 != nil }) {
                    throw fail("non-default argument follows default argument", at: token)
                }
                defaults.append(nil)
            }
        }
        _ = advance()
        return (parameters, defaults)
    }

    mutating func parseFilterBlock() throws(TemplateError) -> Node {
        _ = advance()
        let filters = try parseFilterChain(requireFirst: true)
        return .filterBlock(filters, try parseBody("filter", until: ["endfilter"], drop: true))
    }

    /// `name(args) | other(args)` after `{% filter` or `{% set x |`.
    mutating func parseFilterChain(requireFirst: Bool = false) throws(TemplateError) -> [(FilterDefinition, CallArguments, Int, Int)] {
        var chain: [(FilterDefinition, CallArguments, Int, Int)] = []
        var first = requireFirst
        while first || current.isOperator("|") {
            if !first { _ = advance() }
            first = false
            let (definition, arguments, token) = try parseFilterName()
            chain.append((definition, arguments, token.start, token.end))
        }
        return chain
    }

    mutating func parseInclude() throws(TemplateError) -> Node {
        let start = advance().start
        let name = try parseExpression()
        var ignoreMissing = false
        if current.isName("ignore"), peek().isName("missing") {
            _ = advance()
            _ = advance()
            ignoreMissing = true
        }
        let withContext = try parseContextModifier(default: true)
        return .include(name, ignoreMissing: ignoreMissing, withContext: withContext, start: start)
    }

    /// `with context` / `without context` after include and import.
    private mutating func parseContextModifier(default fallback: Bool) throws(TemplateError) -> Bool {
        if current.isName("with") || current.isName("without"), peek().isName("context") {
            let with = advance().isName("with")
            _ = advance()
            return with
        }
        return fallback
    }

    private mutating func skipContextModifier() throws(TemplateError) {
        _ = try parseContextModifier(default: false)
    }

    mutating func parseImport() throws(TemplateError) -> Node {
        let start = advance().start
        let name = try parseExpression()
        guard current.isName("as") else { throw unexpected(expected: "'as'") }
        _ = advance()
        let alias = try expectName()
        guard case .name(let aliasName) = alias.kind else { throw unexpected(expected: "name") }
        try skipContextModifier()
        return .importTemplate(name, alias: aliasName, start: start)
    }

    mutating func parseFromImport() throws(TemplateError) -> Node {
        let start = advance().start
        let name = try parseExpression()
        guard current.isName("import") else { throw unexpected(expected: "'import'") }
        _ = advance()
        var names: [(String, String)] = []
        while true {
            if current.isName("with") || current.isName("without"), peek().isName("context") { break }
            let token = try expectName()
            guard case .name(let imported) = token.kind else { throw unexpected(expected: "name") }
            var alias = imported
            if current.isName("as") {
                _ = advance()
                guard case .name(let aliasName) = try expectName().kind else { throw unexpected(expected: "name") }
                alias = aliasName
            }
            names.append((imported, alias))
            guard current.isOperator(",") else { break }
            _ = advance()
        }
        try skipContextModifier()
        return .fromImport(name, names: names, start: start)
    }

    /// A name, `a, b`, `(a, b)`, or with `withNamespace` `ns.attr`.
    mutating func parseAssignTarget(extraEnd: Set<String> = [], withNamespace: Bool = false) throws(TemplateError) -> AssignTarget {
        var targets: [AssignTarget] = []
        var sawComma = false
        while true {
            if current.isOperator("(") {
                _ = advance()
                targets.append(try parseAssignTarget())
                _ = try expectOperator(")")
            } else {
                let token = try expectName()
                guard case .name(let name) = token.kind else { throw unexpected(expected: "name") }
                if ["true", "false", "none", "True", "False", "None"].contains(name) {
                    throw fail("can't assign to '\(name)'", at: token)
                }
                if withNamespace, current.isOperator(".") {
                    _ = advance()
                    guard case .name(let attribute) = try expectName().kind else { throw unexpected(expected: "name") }
                    return .namespaceAttribute(name, attribute, start: token.start)
                }
                targets.append(.name(name))
            }
            guard current.isOperator(",") else { break }
            sawComma = true
            _ = advance()
            if case .name(let name) = current.kind, extraEnd.contains(name) { break }
        }
        if !sawComma, targets.count == 1 { return targets[0] }
        return .tuple(targets)
    }
}
