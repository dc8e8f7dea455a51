import OrderedCollections
import Synchronization

/// What `loop.changed` compares against; shared by every iteration of one loop.
final class LoopMemory: Sendable {
    let last = Mutex<[Value]?>(nil)
}

/// The state behind `loop.*` inside a `for` body.
struct LoopState: Sendable {
    var index0: Int
    var length: Int
    var items: [Value]
    var depth0: Int
    var previous: Value?
    var recursive: ForLoop?

    func attribute(_ name: String, at span: Int) -> Value? {
        switch name {
        case "index": .int(index0 + 1)
        case "index0": .int(index0)
        case "revindex": .int(length - index0)
        case "revindex0": .int(length - index0 - 1)
        case "first": .bool(index0 == 0)
        case "last": .bool(index0 == length - 1)
        case "length": .int(length)
        case "depth": .int(depth0 + 1)
        case "depth0": .int(depth0)
        case "previtem": previous
        case "nextitem": index0 + 1 < items.count ? items[index0 + 1] : nil
        case "cycle": .callable(cycle)
        case "changed": .callable(changed)
        default: nil
        }
    }

    var cycle: Callable {
        let index = index0
        return Callable(name: "loop.cycle", kind: .builtin) { arguments, _ throws(TemplateError) in
            guard !arguments.positional.isEmpty else { throw .arguments("no items for cycling given") }
            return arguments.positional[index % arguments.positional.count]
        }
    }

    /// Remembers the last values given to `loop.changed(…)` for the whole loop.
    let memory = LoopMemory()

    var changed: Callable {
        let memory = memory
        return Callable(name: "loop.changed", kind: .builtin) { arguments, _ throws(TemplateError) in
            let values = arguments.positional
            return .bool(
                memory.last.withLock { last in
                    defer { last = values }
                    return last != values
                })
        }
    }

    /// The `loop` object as a value, for `{% set outer = loop %}` and printing.
    var asValue: Value {
        var dict = OrderedDictionary<Value, Value>()
        for name in ["index", "index0", "revindex", "revindex0", "first", "last", "length", "depth", "depth0", "cycle"] {
            if let value = attribute(name, at: 0) { dict[.string(name)] = value }
        }
        return .dict(dict)
    }
}

extension Renderer {
    mutating func renderLoop(_ loop: ForLoop, items given: [Value]?, into output: inout String) throws(TemplateError) {
        var items: [Value]
        if let given {
            items = given
        } else {
            let iterable = try evaluate(loop.iterable)
            do throws(TemplateError) {
                items = try iterate(iterable)
            } catch {
                throw error.located(at: nil).at(loop.iterable.start)
            }
        }
        if let condition = loop.condition {
            var kept: [Value] = []
            scopes.append([:])
            for item in items {
                try bind(loop.target, item, into: &scopes[scopes.count - 1])
                if try truth(condition) { kept.append(item) }
            }
            scopes.removeLast()
            items = kept
        }
        if items.isEmpty {
            try render(loop.elseBody, into: &output)
            return
        }
        let depth0 = given == nil ? 0 : (loops.last.map { $0.depth0 + 1 } ?? 0)
        scopes.append([:])
        loops.append(LoopState(index0: 0, length: items.count, items: items, depth0: depth0, previous: nil, recursive: loop.recursive ? loop : nil))
        defer {
            scopes.removeLast()
            loops.removeLast()
        }
        for (index, item) in items.enumerated() {
            try budget.spend()
            loops[loops.count - 1].index0 = index
            loops[loops.count - 1].previous = index > 0 ? items[index - 1] : nil
            // Each iteration starts afresh: a `set` in the body does not carry over, as in Jinja2.
            scopes[scopes.count - 1] = [:]
            try bind(loop.target, item, into: &scopes[scopes.count - 1])
            try render(loop.body, into: &output)
        }
    }

    /// `loop(children)` inside a recursive loop: renders the loop body again over `children`.
    mutating func renderRecursion(_ arguments: Arguments) throws(TemplateError) -> Value {
        guard let state = loops.last, let loop = state.recursive else {
            throw TemplateError.type("'loop' is not callable outside a recursive loop")
        }
        guard let first = arguments.positional.first else { throw .arguments("loop() takes one argument") }
        var output = ""
        try renderLoop(loop, items: try iterate(first), into: &output)
        return .string(output)
    }

    /// A Python iteration over `value`: list items, dict keys, string characters.
    func iterate(_ value: Value) throws(TemplateError) -> [Value] {
        switch value {
        case .list(let items), .tuple(let items): return items
        case .dict(let dict): return Array(dict.keys)
        case .string(let string): return string.unicodeScalars.map { .string(String($0)) }
        case .undefined(let undefined): throw .undefined(undefined)
        case .namespace(let namespace): return namespace.attributes.keys.map { .string($0) }
        default: throw .type("'\(value.typeName)' object is not iterable")
        }
    }

    // MARK: macros

    func makeMacro(_ definition: MacroDefinition) -> Value {
        makeCallable(definition, captured: scopes, caller: nil)
    }

    func makeCallable(_ definition: MacroDefinition, captured: [[String: Value]], caller: Value?) -> Value {
        let environment = environment
        let template = template
        let globals = globals
        let top = top
        let depth = depth
        let loops = caller == nil ? [] : loops
        let budget = budget
        let defaultStack = stack
        let callable = Callable(name: definition.name, kind: .macro) { arguments, site throws(TemplateError) in
            try budget.spend()
            // The caller's guard belongs to the thread running now; a macro value can outlive its render.
            let stack = (site.runtime as? RenderRuntime)?.stack ?? defaultStack
            try stack.check()
            var renderer = Renderer(
                environment: environment, template: template, globals: globals, top: top, depth: depth + 1,
                budget: budget, stack: stack)
            guard renderer.depth < Renderer.maximumDepth else {
                throw TemplateError(.recursion, "macro '\(definition.name)' calls itself too deeply")
            }
            renderer.scopes = captured
            renderer.loops = loops
            var scope: [String: Value] = [:]
            if let caller { scope["caller"] = caller }
            renderer.scopes.append(scope)
            do throws(TemplateError) {
                try renderer.bindMacroArguments(definition, arguments)
                var output = ""
                try renderer.render(definition.body, into: &output)
                return .string(output)
            } catch {
                throw template.source.locate(error)
            }
        }
        return .callable(callable)
    }

    mutating func bindMacroArguments(_ definition: MacroDefinition, _ arguments: Arguments) throws(TemplateError) {
        var keyword = arguments.keyword
        var varargs: [Value] = []
        for (index, value) in arguments.positional.enumerated() {
            if index < definition.parameters.count {
                assignName(definition.parameters[index], value)
            } else {
                varargs.append(value)
            }
        }
        for (index, name) in definition.parameters.enumerated() where index >= arguments.positional.count {
            if let value = keyword.removeValue(forKey: name) {
                assignName(name, value)
            } else if let defaultExpression = definition.defaults[index] {
                assignName(name, try evaluate(defaultExpression))
            } else {
                assignName(name, .undefined(Undefined(message: "parameter '\(name)' was not provided", span: nil)))
            }
        }
        if let caller = keyword.removeValue(forKey: "caller") { assignName("caller", caller) }
        assignName("varargs", .tuple(varargs))
        var kwargs = OrderedDictionary<Value, Value>()
        for (name, value) in keyword { kwargs[.string(name)] = value }
        assignName("kwargs", .dict(kwargs))
    }

    mutating func renderCallBlock(_ call: Expression, _ definition: MacroDefinition, into output: inout String) throws(TemplateError) {
        guard case .call(let callee, let arguments) = call.kind else { return }
        let caller = makeCallable(definition, captured: scopes, caller: nil)
        var evaluated = try evaluateArguments(arguments)
        evaluated.keyword["caller"] = caller
        let function = try evaluate(callee)
        try write(try callValue(function, evaluated, start: call.start, end: call.end), call, into: &output)
    }
}
