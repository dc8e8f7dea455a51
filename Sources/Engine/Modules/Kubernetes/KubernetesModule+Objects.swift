import Kube
import OrderedCollections
import Template
import YAML

extension KubernetesModule {
    /// The objects the task declares: a dict, a list, or YAML text (one or more documents) in
    /// `definition`; a file from `src`; a rendered `template`; or the `kind`/`name` shorthand.
    func declaredObjects() async throws -> [Value] {
        let options = invocation.options
        if let definition = options["resource_definition"] ?? options["definition"] ?? options["inline"] {
            return try documents(definition)
        }
        if let source = options["src"] {
            let path = try source.pythonString()
            if path.hasPrefix("http://") || path.hasPrefix("https://") {
                return try await fetched(path)
            }
            let task = invocation.task
            let candidates =
                (invocation.section.role.map { [$0.filesPath + "/" + path] } ?? [])
                + [Paths.join(task.directory, path), Paths.join(runner.playbookDirectory, path)]
            guard let found = runner.fileSystem.readFirst(candidates) else {
                throw ModuleFailure(message: .string("k8s src '\(path)' not found (looked in \(candidates.joined(separator: ", ")))"))
            }
            return try documents(.string(found.text), path: found.path)
        }
        if let template = options["template"] {
            // The same search and semantics as the template module.
            let source = template.stringKeyed["path"] ?? template
            let rendered = try RenderedModules(runner: runner).renderTemplateFile(invocation.task, ["src": source], section: invocation.section)
            return try documents(.string(rendered.text), path: rendered.path)
        }
        return [try shorthand(options)]
    }

    /// `src: https://…`: fetched in plan, apply and destroy; `render` uses no network, so it
    /// shows where the objects will come from instead.
    private func fetched(_ url: String) async throws -> [Value] {
        guard runner.options.mode != .render else {
            invocation.emit(title: "objects from \(url) (fetched by plan and apply; render uses no network)", .string(""), file: "src-url")
            return []
        }
        guard let fetch = runner.options.fetch else {
            throw ModuleFailure(message: .string("k8s src '\(url)' is a URL and this run cannot fetch URLs"))
        }
        do {
            return try documents(.string(try await fetch(url)), path: url)
        } catch let failure as ModuleFailure {
            throw failure
        } catch {
            throw ModuleFailure(
                message: .string("could not fetch k8s src \(url): \(error)"),
                hint: "vendor the file into the role's files/ folder so runs need no network")
        }
    }

    private func documents(_ value: Value, path: String? = nil) throws -> [Value] {
        switch value {
        case .dict: return [value]
        case .list(let items), .tuple(let items): return try items.flatMap { try documents($0, path: path) }
        case .string(let text):
            let documents: [YAMLValue]
            do {
                documents = try YAMLLoader.loadValues(text, path: path ?? invocation.task.span.path)
            } catch {
                throw ModuleFailure(message: .string(error.diagnostics.first?.description ?? "invalid YAML in the definition"))
            }
            return documents.map { Value(yaml: $0) }.filter { !$0.isNone }
        case .none: return []
        default:
            throw ModuleFailure(message: .string("a k8s definition must be a mapping, a list or YAML text, not \(value.typeName)"))
        }
    }

    private func shorthand(_ options: [String: Value]) throws -> Value {
        guard let kind = options["kind"], let objectName = options["name"] else {
            throw ModuleFailure(message: .string("k8s needs resource_definition, src, template, or kind and name"))
        }
        var metadata = OrderedDictionary<Value, Value>()
        metadata[.string("name")] = objectName
        var object = OrderedDictionary<Value, Value>()
        object[.string("apiVersion")] = options["api_version"] ?? options["version"] ?? .string("v1")
        object[.string("kind")] = kind
        object[.string("metadata")] = .dict(metadata)
        return .dict(object)
    }
}
