import Diagnostics
import OrderedCollections

extension Renderer {
    mutating func renderInclude(
        _ nameExpression: Expression, ignoreMissing: Bool, withContext: Bool, start: Int, into output: inout String
    ) throws(TemplateError) {
        let nameValue = try evaluate(nameExpression)
        let names: [Value] = nameValue.sequenceItems ?? [nameValue]
        for candidate in names {
            let name = try candidate.pythonString()
            let loaded: Template?
            do throws(TemplateError) {
                loaded = try environment.loadTemplate(named: name, from: template.source.path)
            } catch {
                throw error.located(at: nil).at(start)
            }
            guard let included = loaded else { continue }
            guard depth + 1 < Renderer.maximumDepth else {
                throw TemplateError(.recursion, "templates include each other too deeply ('\(name)')").at(start)
            }
            // `without context` sees no variables at all; otherwise the includer's, and the
            // loop's variables but not `loop` itself, as in Ansible.
            var renderer = Renderer(
                environment: environment, template: included, globals: withContext ? globals : VariableTable(),
                top: budget.makeScope(withContext ? top.values : [:]), depth: depth + 1, budget: budget, stack: stack)
            if withContext { renderer.scopes = scopes }
            var text = ""
            do throws(TemplateError) {
                try renderer.render(included.nodes, into: &text)
            } catch {
                var located = included.source.locate(error)
                located.notes.append(Diagnostic.Note("in '\(name)', included from here", span: template.source.span(start)))
                throw located
            }
            if renderer.emitted { emitted = true }
            output += text
            return
        }
        if ignoreMissing { return }
        let shown = names.map { (try? $0.pythonString()) ?? "?" }.joined(separator: "', '")
        let searched = environment.candidatePaths(for: (try? names.first?.pythonString()) ?? "", from: template.source.path)
        throw TemplateError(.include, "template '\(shown)' not found", hint: "searched: \(searched.joined(separator: ", "))").at(nameExpression.start)
    }

    /// Renders another template as a module: its top-level names (macros, sets) become a dict.
    mutating func importModule(_ nameExpression: Expression, start: Int) throws(TemplateError) -> Value {
        let name = try evaluate(nameExpression).pythonString()
        let loaded: Template?
        do throws(TemplateError) {
            loaded = try environment.loadTemplate(named: name, from: template.source.path)
        } catch {
            throw error.located(at: nil).at(start)
        }
        guard let module = loaded else {
            throw TemplateError(.include, "template '\(name)' not found").at(nameExpression.start)
        }
        var renderer = Renderer(environment: environment, template: module, globals: globals, top: budget.makeScope(), depth: depth + 1, budget: budget, stack: stack)
        var ignored = ""
        do throws(TemplateError) {
            try renderer.render(module.nodes, into: &ignored)
        } catch {
            throw module.source.locate(error)
        }
        var exported = OrderedDictionary<Value, Value>()
        for (key, value) in renderer.top.values.sorted(by: { $0.key < $1.key }) where !key.hasPrefix("_") {
            exported[.string(key)] = value
        }
        return .dict(exported)
    }

    mutating func importNames(_ nameExpression: Expression, _ names: [(String, String)], start: Int) throws(TemplateError) {
        guard case .dict(let module) = try importModule(nameExpression, start: start) else { return }
        for (name, alias) in names {
            guard let value = module[.string(name)] else {
                throw TemplateError(.include, "the template does not export '\(name)'").at(start)
            }
            assignName(alias, value)
        }
    }
}
