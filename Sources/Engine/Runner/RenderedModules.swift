import Diagnostics
import OrderedCollections
import Template
import YAML

/// The offline side of the modules that touch the machine or a cluster: in `render` mode they
/// report what they would apply as documents and change nothing.
struct RenderedModules {
    let runner: Runner

    func run(_ task: Task, arguments: Value, section: Runner.Section) async throws -> ModuleResult {
        let options = arguments.stringKeyed
        // The name as the task line shows it, templated with the task's variables.
        let name = runner.currentTaskName ?? task.module.written
        switch task.module.name {
        case "ansible.builtin.shell", "ansible.builtin.command":
            let command = (try? (options["cmd"] ?? options["_raw_params"] ?? arguments).pythonString()) ?? ""
            var result = ModuleResult(skipped: true, message: .string("not run offline: \(command)"))
            result.unknownUntilApplied = true
            return result
        case "ansible.builtin.template":
            return try template(task, options, name: name, section: section)
        case "kubernetes.core.helm":
            return try helm(task, options, name: name, section: section)
        case "kubernetes.core.helm_repository":
            let repository = try (options["repo_name"] ?? options["name"] ?? .none).pythonString()
            let url = try (options["repo_url"] ?? options["url"] ?? .none).pythonString()
            let state = try (options["repo_state"] ?? options["state"] ?? .string("present")).pythonString()
            let document: Value = .dict(["helmRepository": .string(repository), "url": .string(url), "state": .string(state)])
            emit(task, name, title: "helm repository \(repository) → \(url)", document, file: "helm-repository-\(repository)")
            return ModuleResult(changed: true)
        case "rig.nats.nats_stream", "rig.nats.nats_consumer":
            return try nats(task, options, name: name)
        default:
            throw ModuleFailure(message: .string("module \(task.module.written) cannot run offline"))
        }
    }

    func emit(_ task: Task, _ name: String, title: String, _ value: Value, file: String) {
        var document = RenderedDocument(task: name, location: task.span, title: title, value: value, fileName: file)
        if runner.hidingOutput { document.masked = .string(Runner.hiddenMessage) }
        runner.emit(.rendered(document))
    }

    private func template(_ task: Task, _ options: [String: Value], name: String, section: Runner.Section) throws -> ModuleResult {
        let source = try (options["src"] ?? .none).pythonString()
        let destination = try (options["dest"] ?? .none).pythonString()
        let output = try renderTemplateFile(task, options, section: section).text
        let file = "file-" + (destination.split(separator: "/").last.map(String.init) ?? "template")
        emit(task, name, title: "file \(destination) from template \(source)", .string(output), file: file)
        return ModuleResult(changed: true)
    }

    /// The `template` module's output: `src` found in the role's `templates/`, beside the task
    /// file, or in the playbook's `templates/`, rendered with the template module's semantics.
    func renderTemplateFile(_ task: Task, _ options: [String: Value], section: Runner.Section) throws -> (path: String, text: String) {
        let source = try (options["src"] ?? .none).pythonString()
        let environment = runner.environment(for: task, role: section.role)
        let candidates = section.role.map { [$0.templatesPath + "/" + source] } ?? []
        let paths = candidates + [Paths.join(task.directory, source), Paths.join(runner.playbookDirectory, "templates/" + source)]
        guard let (path, text) = runner.fileSystem.readFirst(paths) else {
            throw ModuleFailure(message: .string("could not find template '\(source)' (looked in \(paths.joined(separator: ", ")))"))
        }
        runner.context.remember(SourceFile(path: path, text: text))
        var fileEnvironment = environment
        fileEnvironment.options.escapeBackslashes = false
        let output = try AnsibleTemplate.render(
            text: text, path: path, environment: fileEnvironment, variables: TemplatedVariables(runner.variables, environment: environment))
        return (path, output)
    }

    /// A release with its complete values: `values_files`, `values` and `set_values` merged as helm merges them.
    private func helm(_ task: Task, _ options: [String: Value], name: String, section: Runner.Section) throws -> ModuleResult {
        let release = try (options["release_name"] ?? options["name"] ?? .none).pythonString()
        let namespace = try (options["release_namespace"] ?? options["namespace"] ?? .none).pythonString()
        let chart = try (options["chart_ref"] ?? .string("")).pythonString()
        let version = try options["chart_version"].map { try $0.pythonString() }
        let state = try (options["release_state"] ?? options["state"] ?? .string("present")).pythonString()
        var document = OrderedDictionary<Value, Value>()
        document[.string("release")] = .string(release)
        document[.string("namespace")] = .string(namespace)
        document[.string("chart")] = .string(chart)
        if let version { document[.string("version")] = .string(version) }
        if state != "present" { document[.string("state")] = .string(state) }
        let request = try HelmRequest(options, chartFile: HelmModule.files(runner: runner, task: task, section: section))
        document[.string("values")] = Value(yaml: request.values)
        let title = "helm release \(release) (\(chart)\(version.map { " " + $0 } ?? "")) in namespace \(namespace)\(state == "absent" ? ": would be uninstalled" : "")"
        emit(task, name, title: title, .dict(document), file: "helm-release-\(release)")
        return ModuleResult(changed: true)
    }

    private func nats(_ task: Task, _ options: [String: Value], name: String) throws -> ModuleResult {
        let connection: Set<String> = ["servers", "creds", "nkey", "user", "password", "token", "tls", "state", "recreate", "delete_on_destroy", "request_timeout"]
        let isStream = task.module.name == "rig.nats.nats_stream"
        var spec = OrderedDictionary<Value, Value>()
        if case .dict(let all) = task.module.arguments.value.asTemplateValue {
            for (key, _) in all {
                guard case .string(let option) = key, !connection.contains(option), let value = options[option] else { continue }
                // NACK's Consumer names the durable and its stream durableName and streamName.
                let renamed = isStream ? option : (["name": "durableName", "stream": "streamName"][option] ?? option)
                spec[.string(renamed)] = value
            }
        }
        let objectName = try (options["name"] ?? options["durableName"] ?? .none).pythonString()
        let kind = isStream ? "Stream" : "Consumer"
        let resourceName = objectName.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let resource: Value = .dict([
            "apiVersion": .string("jetstream.nats.io/v1beta2"), "kind": .string(kind),
            "metadata": .dict(["name": .string(String(resourceName))]), "spec": .dict(spec),
        ])
        emit(task, name, title: "JetStream \(kind.lowercased()) \(objectName) (as the equivalent NACK \(kind) resource)", resource, file: "\(kind.lowercased())-\(objectName)")
        return ModuleResult(changed: true)
    }
}

extension YAMLValue {
    /// The value as a template value, for reading option names in written order.
    var asTemplateValue: Value { Value(yaml: self) }
}
