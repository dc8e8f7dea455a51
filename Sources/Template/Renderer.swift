import Diagnostics
import Synchronization

/// Walks a parsed template and writes its output: the evaluator of the engine.
///
/// A renderer lives for one render. Its top-level scope is shared by reference with the macros
/// it defines, so a macro sees names set after it was defined, as in Jinja2.
struct Renderer {
    let environment: TemplateEnvironment
    let template: Template
    let globals: any VariableSource
    let top: Scope
    let budget: RenderBudget
    let stack: StackGuard
    /// What filters and tests call back into, shared by every call in this renderer.
    let runtime: RenderRuntime
    var scopes: [[String: Value]] = []
    var loops: [LoopState] = []
    /// Whether any data or output node ran. Ansible 2.19 turns a render that produced no node
    /// at all into None, an empty file without its trailing newline restored.
    var emitted = false
    /// Block implementations inherited from templates that extend this one, most derived first.
    var blockChains: [String: [[Node]]] = [:]
    /// Nesting of macro calls and includes, to stop runaway recursion with a diagnostic.
    var depth: Int

    static let maximumDepth = 200

    init(
        environment: TemplateEnvironment, template: Template, globals: any VariableSource, top: Scope? = nil, depth: Int = 0,
        budget: RenderBudget? = nil, stack: StackGuard? = nil
    ) {
        let budget = budget ?? RenderBudget(steps: environment.options.renderBudget)
        self.budget = budget
        let stack = stack ?? StackGuard.current()
        self.stack = stack
        self.runtime = RenderRuntime(environment: environment, template: template, stack: stack)
        self.environment = environment
        self.template = template
        self.globals = globals
        self.top = top ?? budget.makeScope()
        self.depth = depth
    }

    /// Renders the whole template; as the outermost render, releases its scopes afterwards.
    mutating func renderTemplate() throws(TemplateError) -> String {
        defer { budget.releaseScopes() }
        var output = ""
        output.reserveCapacity(template.source.text.utf8.count)
        do throws(TemplateError) {
            try render(template.nodes, into: &output)
        } catch {
            throw template.source.locate(error)
        }
        return output
    }

    mutating func evaluateTopLevel(_ expression: Expression) throws(TemplateError) -> Value {
        defer { budget.releaseScopes() }
        do throws(TemplateError) {
            let value = try evaluate(expression)
            if case .undefined(let undefined) = value {
                // A lenient undefined (`x if False`, a result only known after apply) is None.
                if undefined.isLenient { return .none }
                throw TemplateError.undefined(undefined)
            }
            return value
        } catch {
            throw template.source.locate(error)
        }
    }

    mutating func render(_ nodes: [Node], into output: inout String) throws(TemplateError) {
        try stack.check()
        for node in nodes {
            switch node {
            case .data(let text):
                emitted = true
                output += text
            case .output(let expression):
                try write(try evaluate(expression), expression, into: &output)
            case .if(let branches, let elseBody):
                var taken = false
                for (condition, body) in branches {
                    guard try truth(condition) else { continue }
                    taken = true
                    try render(body, into: &output)
                    break
                }
                if !taken { try render(elseBody, into: &output) }
            case .for(let loop):
                try renderLoop(loop, items: nil, into: &output)
            case .set(let target, let expression):
                try assign(target, try evaluate(expression))
            case .setBlock(let target, let body, let filters):
                var captured = ""
                scopes.append([:])
                try render(body, into: &captured)
                scopes.removeLast()
                try assign(target, try applyFilters(filters, to: .string(captured)))
            case .macro(let definition):
                assignName(definition.name, makeMacro(definition))
            case .callBlock(let call, let definition):
                try renderCallBlock(call, definition, into: &output)
            case .filterBlock(let filters, let body):
                var captured = ""
                scopes.append([:])
                try render(body, into: &captured)
                scopes.removeLast()
                try write(try applyFilters(filters, to: .string(captured)), nil, into: &output)
            case .include(let name, let ignoreMissing, let withContext, let start):
                try renderInclude(name, ignoreMissing: ignoreMissing, withContext: withContext, start: start, into: &output)
            case .importTemplate(let name, let alias, let start):
                assignName(alias, try importModule(name, start: start))
            case .fromImport(let name, let names, let start):
                try importNames(name, names, start: start)
            case .with(let assignments, let body):
                var scope: [String: Value] = [:]
                for (target, expression) in assignments {
                    try bind(target, try evaluate(expression), into: &scope)
                }
                scopes.append(scope)
                try render(body, into: &output)
                scopes.removeLast()
            case .block(let name, let body):
                try renderBlock(name, own: body, into: &output)
            case .extends(let expression, let start):
                try renderExtends(expression, start: start, into: &output)
                return
            }
        }
    }

    /// Writes an output node's value as Ansible 2.19 finalizes it: `None` prints nothing, and
    /// tuples print as lists, at any depth.
    mutating func write(_ value: Value, _ expression: Expression?, into output: inout String) throws(TemplateError) {
        emitted = true
        switch value {
        case .string(let text): output += text
        case .none: break
        case .undefined(let undefined):
            if !undefined.isLenient { throw TemplateError.undefined(undefined) }
        default:
            if let undefined = value.nestedUndefined { throw TemplateError.undefined(undefined) }
            output += value.pythonRepr(tuplesAsLists: true)
        }
    }

    mutating func truth(_ expression: Expression) throws(TemplateError) -> Bool {
        try evaluate(expression).truthiness()
    }

    mutating func applyFilters(_ filters: [(FilterDefinition, CallArguments, Int, Int)], to input: Value) throws(TemplateError) -> Value {
        var value = input
        for (definition, arguments, start, end) in filters {
            value = try applyFilter(definition, to: value, arguments: try evaluateArguments(arguments), start: start, end: end)
        }
        return value
    }

    // MARK: scopes

    func lookup(_ name: String) throws(TemplateError) -> Value? {
        for scope in scopes.reversed() {
            if let value = scope[name] { return value }
        }
        if let value = top[name] { return value }
        if name == "self" { return selfObject() }
        if let value = try globals.value(named: name) { return value }
        return Globals.value(named: name) ?? lookupFunction(named: name)
    }

    mutating func assignName(_ name: String, _ value: Value) {
        if scopes.isEmpty {
            top[name] = value
        } else {
            scopes[scopes.count - 1][name] = value
        }
    }

    /// Sets `name` where it is currently bound (innermost scope first), else at the top level.
    mutating func rebind(_ name: String, _ value: Value) {
        for index in scopes.indices.reversed() where scopes[index][name] != nil {
            scopes[index][name] = value
            return
        }
        top[name] = value
    }

    mutating func assign(_ target: AssignTarget, _ value: Value) throws(TemplateError) {
        switch target {
        case .name(let name):
            assignName(name, value)
        case .tuple:
            var scope: [String: Value] = [:]
            try bind(target, value, into: &scope)
            for (name, item) in scope { assignName(name, item) }
        case .namespaceAttribute(let name, let attribute, let start):
            guard case .namespace(let namespace) = try lookup(name) else {
                throw TemplateError.type("cannot assign attribute on non-namespace object").at(start)
            }
            namespace[attribute] = value
        }
    }

    /// Unpacks `value` into the names of `target`, as a `for` or `set` with a tuple does.
    func bind(_ target: AssignTarget, _ value: Value, into scope: inout [String: Value]) throws(TemplateError) {
        switch target {
        case .name(let name):
            scope[name] = value
        case .tuple(let targets):
            let items = try iterate(value)
            guard items.count == targets.count else {
                let problem = items.count > targets.count ? "too many values to unpack" : "not enough values to unpack"
                throw TemplateError.value("\(problem) (expected \(targets.count), got \(items.count))")
            }
            for (target, item) in zip(targets, items) { try bind(target, item, into: &scope) }
        case .namespaceAttribute:
            throw TemplateError.syntax("cannot assign to a namespace attribute here", span: nil)
        }
    }
}

/// The top-level names of one render, shared with the macros defined in it.
final class Scope: Sendable {
    private let storage: Mutex<[String: Value]>

    init(_ values: [String: Value] = [:]) {
        storage = Mutex(values)
    }

    subscript(name: String) -> Value? {
        get { storage.withLock { $0[name] } }
        set { storage.withLock { $0[name] = newValue } }
    }

    var values: [String: Value] { storage.withLock { $0 } }

    func removeAll() { storage.withLock { $0.removeAll() } }
}
