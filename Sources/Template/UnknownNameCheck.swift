/// Jinja2's rule for unknown filters and tests: an error when the template is compiled, unless
/// the use sits in a branch of `{% if %}` or of `a if c else b`, where it fails only if it runs.
enum UnknownNameCheck {
    static func firstHardError(in nodes: [Node]) -> TemplateError? {
        var errors: [TemplateError] = []
        visit(nodes, soft: false, into: &errors)
        return errors.min { ($0.offset ?? 0) < ($1.offset ?? 0) }
    }

    private static func visit(_ nodes: [Node], soft: Bool, into errors: inout [TemplateError]) {
        for node in nodes {
            switch node {
            case .data, .macro:
                if case .macro(let definition) = node {
                    visit(definition.body, soft: soft, into: &errors)
                    for expression in definition.defaults.compactMap({ $0 }) { visit(expression, soft: soft, into: &errors) }
                }
            case .output(let expression), .set(_, let expression):
                visit(expression, soft: soft, into: &errors)
            case .if(let branches, let elseBody):
                for (index, (condition, body)) in branches.enumerated() {
                    visit(condition, soft: soft || index > 0, into: &errors)
                    visit(body, soft: true, into: &errors)
                }
                visit(elseBody, soft: true, into: &errors)
            case .for(let loop):
                visit(loop.iterable, soft: soft, into: &errors)
                if let condition = loop.condition { visit(condition, soft: soft, into: &errors) }
                visit(loop.body, soft: soft, into: &errors)
                visit(loop.elseBody, soft: soft, into: &errors)
            case .setBlock(_, let body, let filters), .filterBlock(let filters, let body):
                for (definition, arguments, _, _) in filters {
                    if !soft, let error = definition.unknownError { errors.append(error) }
                    visit(arguments, soft: soft, into: &errors)
                }
                visit(body, soft: soft, into: &errors)
            case .callBlock(let call, let definition):
                visit(call, soft: soft, into: &errors)
                visit(definition.body, soft: soft, into: &errors)
            case .include(let expression, _, _, _), .importTemplate(let expression, _, _), .fromImport(let expression, _, _):
                visit(expression, soft: soft, into: &errors)
            case .block(_, let body):
                visit(body, soft: soft, into: &errors)
            case .extends(let expression, _):
                visit(expression, soft: soft, into: &errors)
            case .with(let assignments, let body):
                for (_, expression) in assignments { visit(expression, soft: soft, into: &errors) }
                visit(body, soft: soft, into: &errors)
            }
        }
    }

    private static func visit(_ arguments: CallArguments, soft: Bool, into errors: inout [TemplateError]) {
        for expression in arguments.positional { visit(expression, soft: soft, into: &errors) }
        for (_, expression) in arguments.keyword { visit(expression, soft: soft, into: &errors) }
        if let star = arguments.starArgs { visit(star, soft: soft, into: &errors) }
        if let star = arguments.starKwargs { visit(star, soft: soft, into: &errors) }
    }

    private static func visit(_ expression: Expression, soft: Bool, into errors: inout [TemplateError]) {
        switch expression.kind {
        case .constant, .name:
            break
        case .attribute(let base, _), .unary(_, let base), .not(let base):
            visit(base, soft: soft, into: &errors)
        case .item(let base, let key), .binary(_, let base, let key), .and(let base, let key), .or(let base, let key):
            visit(base, soft: soft, into: &errors)
            visit(key, soft: soft, into: &errors)
        case .slice(let a, let b, let c):
            for part in [a, b, c].compactMap({ $0 }) { visit(part, soft: soft, into: &errors) }
        case .call(let callee, let arguments):
            visit(callee, soft: soft, into: &errors)
            visit(arguments, soft: soft, into: &errors)
        case .filter(let base, let definition, let arguments):
            if !soft, let error = definition.unknownError { errors.append(error) }
            visit(base, soft: soft, into: &errors)
            visit(arguments, soft: soft, into: &errors)
        case .test(let base, let definition, let arguments):
            if !soft, let error = definition.unknownError { errors.append(error) }
            visit(base, soft: soft, into: &errors)
            visit(arguments, soft: soft, into: &errors)
        case .compare(let first, let rest):
            visit(first, soft: soft, into: &errors)
            for (_, expression) in rest { visit(expression, soft: soft, into: &errors) }
        case .conditional(let value, let condition, let otherwise):
            visit(value, soft: true, into: &errors)
            visit(condition, soft: soft, into: &errors)
            if let otherwise { visit(otherwise, soft: true, into: &errors) }
        case .concat(let items), .list(let items), .tuple(let items):
            for item in items { visit(item, soft: soft, into: &errors) }
        case .dict(let pairs):
            for (key, value) in pairs {
                visit(key, soft: soft, into: &errors)
                visit(value, soft: soft, into: &errors)
            }
        }
    }
}
