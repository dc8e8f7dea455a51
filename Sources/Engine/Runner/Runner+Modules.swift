import Diagnostics
import Kube
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
            let invocation = ModuleInvocation(runner: self, task: task, arguments: arguments, section: section)
            if let module = Self.taskModule(for: invocation) {
                return try await module.run(in: options.mode)
            }
            // The local modules: run for real in apply, rendered (and not run) in the other modes.
            if options.mode == .apply, let applied = try await AppliedModules(runner: self).run(task, arguments: arguments, section: section) {
                return applied
            }
            let rendered = try await RenderedModules(runner: self).run(task, arguments: arguments, section: section)
            return options.mode == .destroy ? ModuleResult() : rendered
        }
    }

    /// The modules that implement `TaskModule`, by name.
    static func taskModule(for invocation: ModuleInvocation) -> (any TaskModule)? {
        switch invocation.task.module.name {
        case "kubernetes.core.k8s": KubernetesModule(invocation: invocation)
        case "rig.nats.nats_stream", "rig.nats.nats_consumer": NatsModule(invocation: invocation, kind: invocation.task.module.name == "rig.nats.nats_stream" ? .stream : .consumer)
        case "kubernetes.core.helm": HelmModule(invocation: invocation)
        case "kubernetes.core.helm_repository": HelmRepositoryModule(invocation: invocation)
        default: nil
        }
    }

    /// The client for a task's cluster; the command line's `--kubeconfig`/`--context` win.
    func kubeClient(kubeconfig: String?, context: String?) async throws -> any KubeClient {
        guard let kube = options.kube else {
            throw ModuleFailure(message: .string("no cluster connection: this run was started without one"), code: "kube.config")
        }
        do {
            return try await kube.provider.client(kubeconfig: kube.kubeconfig ?? kubeconfig, context: kube.context ?? context)
        } catch {
            throw ModuleFailure(error)
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
