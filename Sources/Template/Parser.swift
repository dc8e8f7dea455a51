/// Builds the AST from tokens; the statement methods mirror `jinja2/parser.py`.
///
/// Filters and tests are resolved here, so an unknown name is reported before anything renders,
/// with a "did you mean" hint.
struct Parser {
    var tokens: [Token]
    var index = 0
    let filters: [String: FilterDefinition]
    let tests: [String: TestDefinition]
    /// Names of the blocks being parsed, innermost last, for "expected 'endfor'" messages.
    var openBlocks: [(name: String, token: Token)] = []
    /// How deeply expressions and blocks nest right now; bounded so hostile input cannot
    /// exhaust the stack.
    var nesting = 0
    let stack = StackGuard.current()
    /// UTF-8 offsets of the line breaks in the source, for messages about unclosed tags.
    var newlineOffsets: [Int] = []
    /// Every `{% block %}` of the template by name, for inheritance and `self.name()`.
    var blocks: [String: [Node]] = [:]
    static let maximumNesting = 150

    /// Counts one level of nesting; call `leave()` when done.
    mutating func enter() throws(TemplateError) {
        nesting += 1
        if nesting > Parser.maximumNesting || (try? stack.check()) == nil {
            throw fail("the template nests too deeply (more than \(Parser.maximumNesting) levels)", at: current)
        }
    }

    mutating func leave() { nesting -= 1 }

    init(tokens: [Token], filters: [String: FilterDefinition], tests: [String: TestDefinition]) {
        self.tokens = tokens
        self.filters = filters
        self.tests = tests
    }

    var current: Token { tokens[min(index, tokens.count - 1)] }

    func peek(_ offset: Int = 1) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func fail(_ message: String, at token: Token, hint: String? = nil) -> TemplateError {
        var error = TemplateError.syntax(message, span: nil, hint: hint).at(token.start)
        error.offsetEnd = token.end
        return error
    }

    mutating func expectOperator(_ op: String) throws(TemplateError) -> Token {
        guard current.isOperator(op) else {
            throw unexpected(expected: "'\(op)'")
        }
        return advance()
    }

    mutating func expectName() throws(TemplateError) -> Token {
        guard case .name = current.kind else { throw unexpected(expected: "name") }
        return advance()
    }

    mutating func expectBlockEnd() throws(TemplateError) {
        guard current.kind == .blockEnd else { throw unexpected(expected: "end of statement block") }
        _ = advance()
    }

    /// Whether a line break separates two tokens (the lexer keeps no line numbers).
    func spansLines(from first: Token, to second: Token) -> Bool {
        guard first.end <= second.start else { return false }
        return newlineOffsets.contains { $0 >= first.end && $0 < second.start }
    }

    /// The name token of the innermost `{% block %}` tag named `block` before the cursor.
    func openingTag(of block: String) -> Token {
        var position = index
        while position > 0 {
            position -= 1
            if tokens[position].isName(block), position > 0, tokens[position - 1].kind == .blockBegin {
                return tokens[position]
            }
        }
        return current
    }

    func unexpected(expected: String) -> TemplateError {
        if current.kind == .endOfInput {
            return fail("unexpected end of template, expected \(expected)", at: current)
        }
        return fail("expected token \(expected), got \(current.describe)", at: current)
    }

    // MARK: statements

    static let endTokens: Set<String> = [
        "endfor", "else", "elif", "endif", "endmacro", "endcall", "endfilter", "endset", "endwith", "endraw",
        "endblock",
    ]

    mutating func parseTemplate() throws(TemplateError) -> [Node] {
        let body = try subparse(until: [])
        if current.kind != .endOfInput { throw unexpected(expected: "end of template") }
        if let error = UnknownNameCheck.firstHardError(in: body) { throw error }
        return body
    }

    /// Parses nodes until a block whose first name is in `end` (left unconsumed) or the end.
    mutating func subparse(until end: Set<String>) throws(TemplateError) -> [Node] {
        var body: [Node] = []
        while true {
            let token = current
            switch token.kind {
            case .data(let text):
                _ = advance()
                body.append(.data(text))
            case .variableBegin:
                _ = advance()
                let expression = try parseTuple(withCondition: true)
                guard current.kind == .variableEnd else {
                    if spansLines(from: token, to: current) {
                        throw fail(
                            "this '{{' is never closed", at: token,
                            hint: "rig expected '}}' but found \(current.describe) on a later line")
                    }
                    throw unexpected(expected: "end of print statement")
                }
                _ = advance()
                body.append(.output(expression))
            case .blockBegin:
                _ = advance()
                if case .name(let name) = current.kind, end.contains(name) { return body }
                if let node = try parseStatement() { body.append(node) }
                try expectBlockEnd()
            case .endOfInput:
                if let block = openBlocks.last {
                    let wanted = end.sorted().map { "'\($0)'" }.joined(separator: " or ")
                    throw fail(
                        "the '\(block.name)' block opened here is never closed", at: block.token,
                        hint: "the template ended while rig was looking for \(wanted)")
                }
                return body
            default:
                throw fail("unexpected \(token.describe)", at: token)
            }
        }
    }

    /// Parses the block body after a statement's tag; the end tag's name is consumed when `drop`.
    mutating func parseBody(_ block: String, until end: Set<String>, drop: Bool, opening given: Token? = nil) throws(TemplateError) -> [Node] {
        let opening = given ?? openingTag(of: block)
        try expectBlockEnd()
        openBlocks.append((block, opening))
        try enter()
        let body = try subparse(until: end)
        leave()
        openBlocks.removeLast()
        if drop { _ = advance() }
        return body
    }

    mutating func parseStatement() throws(TemplateError) -> Node? {
        let token = current
        guard case .name(let name) = token.kind else {
            throw fail("tag name expected", at: token)
        }
        switch name {
        case "for": return try parseFor()
        case "if": return try parseIf()
        case "set": return try parseSet()
        case "macro": return try parseMacro()
        case "call": return try parseCallBlock()
        case "filter": return try parseFilterBlock()
        case "include": return try parseInclude()
        case "import": return try parseImport()
        case "from": return try parseFromImport()
        case "with": return try parseWith()
        case "do", "break", "continue":
            // Ansible enables no Jinja2 extensions, so `do` and the loop controls do not exist.
            throw fail(
                "encountered unknown tag '\(name)'", at: token,
                hint: name == "do" ? "Ansible does not enable jinja2.ext.do; use {% set _ = … %}" : "Ansible does not enable jinja2.ext.loopcontrols; filter the loop instead (for x in xs if …)")
        case "autoescape":
            _ = advance()
            _ = try parseExpression()
            return .with([], try parseBody("autoescape", until: ["endautoescape"], drop: true))
        case "block":
            return try parseBlock()
        case "extends":
            let start = advance().start
            return .extends(try parseExpression(), start: start)
        default:
            if Parser.endTokens.contains(name) || name.hasPrefix("end") {
                if let block = openBlocks.last {
                    throw fail("unexpected '\(name)': the innermost block that needs to be closed is '\(block.name)'", at: token)
                }
                throw fail("unexpected '\(name)': no block to close here", at: token)
            }
            throw fail("encountered unknown tag '\(name)'", at: token)
        }
    }

    mutating func parseFor() throws(TemplateError) -> Node {
        let forToken = advance()
        let start = forToken.start
        let target = try parseAssignTarget(extraEnd: ["in"])
        guard current.isName("in") else { throw unexpected(expected: "'in'") }
        _ = advance()
        let iterable = try parseTuple(withCondition: false, extraEnd: ["recursive"])
        var condition: Expression?
        if current.isName("if") {
            _ = advance()
            condition = try parseExpression()
        }
        var recursive = false
        if current.isName("recursive") {
            _ = advance()
            recursive = true
        }
        let body = try parseBody("for", until: ["endfor", "else"], drop: false, opening: forToken)
        var elseBody: [Node] = []
        if advance().isName("else") {
            elseBody = try parseBody("for", until: ["endfor"], drop: true, opening: forToken)
        }
        let loop = ForLoop(
            target: target, iterable: iterable, condition: condition, body: body, elseBody: elseBody,
            recursive: recursive, start: start)
        return .for(loop)
    }

    mutating func parseIf() throws(TemplateError) -> Node {
        let ifToken = advance()
        var branches: [(Expression, [Node])] = []
        var elseBody: [Node] = []
        var condition = try parseTuple(withCondition: false)
        while true {
            let body = try parseBody("if", until: ["elif", "else", "endif"], drop: false, opening: ifToken)
            branches.append((condition, body))
            let token = advance()
            if token.isName("elif") {
                condition = try parseTuple(withCondition: false)
                continue
            }
            if token.isName("else") {
                elseBody = try parseBody("if", until: ["endif"], drop: true, opening: ifToken)
            }
            break
        }
        return .if(branches, else: elseBody)
    }

    mutating func parseSet() throws(TemplateError) -> Node {
        _ = advance()
        let target = try parseAssignTarget(withNamespace: true)
        if current.isOperator("=") {
            _ = advance()
            return .set(target, try parseTuple(withCondition: true))
        }
        let filters = try parseFilterChain()
        let body = try parseBody("set", until: ["endset"], drop: true)
        return .setBlock(target, body, filters: filters)
    }

    mutating func parseBlock() throws(TemplateError) -> Node {
        let blockToken = advance()
        guard case .name(let name) = try expectName().kind else { throw unexpected(expected: "block name") }
        while current.isName("scoped") || current.isName("required") { _ = advance() }
        if blocks[name] != nil { throw fail("block '\(name)' defined twice", at: blockToken) }
        let body = try parseBody("block", until: ["endblock"], drop: true, opening: blockToken)
        if case .name(let closing) = current.kind, current.kind != .blockEnd {
            guard closing == name else { throw fail("'endblock' names '\(closing)', but the open block is '\(name)'", at: current) }
            _ = advance()
        }
        blocks[name] = body
        return .block(name, body)
    }

    mutating func parseWith() throws(TemplateError) -> Node {
        _ = advance()
        var assignments: [(AssignTarget, Expression)] = []
        while current.kind != .blockEnd {
            if !assignments.isEmpty { _ = try expectOperator(",") }
            let target = try parseAssignTarget()
            _ = try expectOperator("=")
            assignments.append((target, try parseExpression()))
        }
        return .with(assignments, try parseBody("with", until: ["endwith"], drop: true))
    }
}
