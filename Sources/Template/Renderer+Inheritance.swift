import OrderedCollections

extension Renderer {
    /// Renders block `name`: the most derived implementation, with `super()` reaching the next.
    mutating func renderBlock(_ name: String, own body: [Node], into output: inout String) throws(TemplateError) {
        let chain = (blockChains[name] ?? []) + [body]
        output += try renderChain(chain, name: name)
    }

    func renderChain(_ chain: [[Node]], name: String) throws(TemplateError) -> String {
        guard let first = chain.first else { return "" }
        var renderer = Renderer(
            environment: environment, template: template, globals: globals, top: top, depth: depth + 1, budget: budget,
            stack: stack)
        renderer.scopes = scopes
        renderer.blockChains = blockChains
        var scope: [String: Value] = [:]
        if chain.count > 1 {
            let parent = self
            let rest = Array(chain.dropFirst())
            scope["super"] = .callable(
                Callable(name: "super", kind: .builtin) { _, _ throws(TemplateError) in
                    .string(try parent.renderChain(rest, name: name))
                })
        }
        renderer.scopes.append(scope)
        var text = ""
        try renderer.render(first, into: &text)
        return text
    }

    /// `self`: the template's blocks as functions, for `{{ self.title() }}`.
    func selfObject() -> Value {
        var names = Set(template.blocks.keys)
        names.formUnion(blockChains.keys)
        var dict = OrderedDictionary<Value, Value>()
        for name in names.sorted() {
            let chain = (blockChains[name] ?? []) + (template.blocks[name].map { [$0] } ?? [])
            let renderer = self
            dict[.string(name)] = .callable(
                Callable(name: name, kind: .builtin) { _, _ throws(TemplateError) in
                    .string(try renderer.renderChain(chain, name: name))
                })
        }
        return .dict(dict)
    }

    /// `{% extends %}`: the child's own output stops; its blocks override the parent's, and the
    /// parent renders in its place.
    mutating func renderExtends(_ expression: Expression, start: Int, into output: inout String) throws(TemplateError) {
        let name = try evaluate(expression).pythonString()
        let loaded: Template?
        do throws(TemplateError) {
            loaded = try environment.loadTemplate(named: name, from: template.source.path)
        } catch {
            throw error.located(at: nil).at(start)
        }
        guard let parent = loaded else {
            throw TemplateError(.include, "template '\(name)' not found").at(expression.start)
        }
        guard depth + 1 < Renderer.maximumDepth else {
            throw TemplateError(.recursion, "templates extend each other too deeply ('\(name)')").at(start)
        }
        var chains = blockChains
        for (block, body) in template.blocks { chains[block, default: []].append(body) }
        var renderer = Renderer(
            environment: environment, template: parent, globals: globals, top: top, depth: depth + 1, budget: budget,
            stack: stack)
        renderer.blockChains = chains
        do throws(TemplateError) {
            try renderer.render(parent.nodes, into: &output)
        } catch {
            throw parent.source.locate(error)
        }
        if renderer.emitted { emitted = true }
    }
}
