import Diagnostics
import OrderedCollections
import Template
import YAML

extension RenderedModules {
    /// `kubernetes.core.k8s`: the objects from `definition`, `src`, `template` or the
    /// `kind`/`name` shorthand, with the task's `namespace` filled in where missing.
    func k8s(_ task: Task, _ options: [String: Value], name: String, section: Runner.Section) throws -> ModuleResult {
        var objects: [Value] = []
        if let definition = options["resource_definition"] ?? options["definition"] {
            objects = try documents(definition, task: task)
        } else if let source = options["src"] {
            let path = try source.pythonString()
            let candidates = (section.role.map { [$0.filesPath + "/" + path] } ?? []) + [Paths.join(task.directory, path), Paths.join(runner.playbookDirectory, path)]
            guard let found = runner.fileSystem.readFirst(candidates) else {
                throw ModuleFailure(message: .string("k8s src '\(path)' not found (looked in \(candidates.joined(separator: ", ")))"))
            }
            objects = try documents(.string(found.text), task: task, path: found.path)
        } else if let template = options["template"] {
            // The same search and semantics as the template module.
            let source = (template.stringKeyed["path"] ?? template)
            let rendered = try renderTemplateFile(task, ["src": source], section: section)
            objects = try documents(.string(rendered.text), task: task, path: rendered.path)
        } else {
            objects = [try shorthand(options)]
        }
        let namespace = try options["namespace"].map { try $0.pythonString() }
        let state = try (options["state"] ?? .string("present")).pythonString()
        for object in objects {
            let filled = fillNamespace(object, namespace)
            let fields = filled.stringKeyed
            let kind = (try? fields["kind"]?.pythonString()) ?? "object"
            let metadata = fields["metadata"]?.stringKeyed ?? [:]
            let objectName = (try? metadata["name"]?.pythonString()) ?? "?"
            let objectNamespace = try? metadata["namespace"]?.pythonString()
            let place = objectNamespace.map { "\($0)/" } ?? ""
            let verb = state == "absent" ? " (would be deleted)" : ""
            emit(task, name, title: "\(kind) \(place)\(objectName)\(verb)", filled, file: "\(kind.lowercased())-\(objectName)")
        }
        return ModuleResult(changed: !objects.isEmpty)
    }

    /// A dict, a list of dicts, or YAML text with one or more documents.
    private func documents(_ value: Value, task: Task, path: String? = nil) throws -> [Value] {
        switch value {
        case .dict: return [value]
        case .list(let items), .tuple(let items): return try items.flatMap { try documents($0, task: task, path: path) }
        case .string(let text):
            let documents: [YAMLValue]
            do {
                documents = try YAMLLoader.loadValues(text, path: path ?? task.span.path)
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
        object[.string("apiVersion")] = options["api_version"] ?? .string("v1")
        object[.string("kind")] = kind
        object[.string("metadata")] = .dict(metadata)
        return .dict(object)
    }

    /// Kinds that are never namespaced, so the task's `namespace` is not added to them.
    static let clusterScoped: Set<String> = [
        "Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding", "PersistentVolume", "StorageClass",
        "Node", "PriorityClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService",
        "IngressClass", "RuntimeClass", "CSIDriver",
    ]

    private func fillNamespace(_ object: Value, _ namespace: String?) -> Value {
        guard let namespace, case .dict(var dict) = object, let kind = dict[.string("kind")]?.stringValue,
            !Self.clusterScoped.contains(kind), case .dict(var metadata) = dict[.string("metadata")] ?? Value.dict(OrderedDictionary<Value, Value>()),
            metadata[.string("namespace")] == nil
        else { return object }
        metadata[.string("namespace")] = .string(namespace)
        dict[.string("metadata")] = .dict(metadata)
        return .dict(dict)
    }
}
