import Diagnostics
import OrderedCollections
import Template
import YAML

extension Runner {
    /// Runs one module call (one loop item) and returns its result.
    func execute(_ task: Task, templater: NodeTemplater, section: Section) async throws -> ModuleResult {
        switch task.module.name {
        case "ansible.builtin.debug": return try debug(task, templater)
        case "ansible.builtin.set_fact": return try setFact(task, templater)
        case "ansible.builtin.assert": return try assertModule(task, templater)
        case "ansible.builtin.fail":
            let arguments = try templater.value(task.module.arguments).stringKeyed
            throw ModuleFailure(message: arguments["msg"] ?? .string("Failed as requested from task"))
        default:
            let arguments = try templater.value(task.module.arguments)
            if options.mode == .apply, let applied = try await AppliedModules(runner: self).run(task, arguments: arguments, section: section) {
                return applied
            }
            if options.mode == .apply {
                throw ModuleFailure(
                    message: .string("rig cannot apply \(task.module.written) yet: its client is still to come; `rig render` shows what it would apply"),
                    code: "task.unsupported")
            }
            return try await RenderedModules(runner: self).run(task, arguments: arguments, section: section)
        }
    }

    private func debug(_ task: Task, _ templater: NodeTemplater) throws -> ModuleResult {
        let node = task.module.arguments
        if let variable = node["var"], let name = variable.scalarText {
            var plain = templater.environment
            plain.options.escapeBackslashes = false
            let value = try plain.evaluate(expression: name, path: variable.span.path, origin: variable.span.start, variables: templater.variables)
            return ModuleResult(message: value, registered: [name: value])
        }
        let message = try node["msg"].map { node throws(TemplateError) in try templater.value(node) } ?? .string("Hello world!")
        return ModuleResult(message: message)
    }

    private func setFact(_ task: Task, _ templater: NodeTemplater) throws -> ModuleResult {
        guard let pairs = task.module.arguments.pairs else { return ModuleResult() }
        var facts: OrderedDictionary<String, Value> = [:]
        for pair in pairs {
            guard let key = pair.key.scalarText, key != "cacheable" else { continue }
            facts[key] = try templater.value(pair.value)
        }
        for (key, value) in facts { variables.setFact(key, value) }
        var dict = OrderedDictionary<Value, Value>()
        for (key, value) in facts { dict[.string(key)] = value }
        return ModuleResult(registered: ["ansible_facts": .dict(dict)])
    }

    private func assertModule(_ task: Task, _ templater: NodeTemplater) throws -> ModuleResult {
        let node = task.module.arguments
        guard let that = node["that"] else { return ModuleResult() }
        for condition in that.asList where !(try templater.condition(condition)) {
            let message = try (node["fail_msg"] ?? node["msg"]).map { node throws(TemplateError) in try templater.value(node) }
            throw ModuleFailure(message: message ?? .string("Assertion failed: \(condition.scalarText ?? "")"), code: "task.assertion")
        }
        let success = try node["success_msg"].map { node throws(TemplateError) in try templater.value(node) }
        return ModuleResult(message: success ?? .string("All assertions passed"))
    }
}
