import Diagnostics
import Template
import YAML

extension PlaybookLoader {
    /// `roles:` entries: a name, or a mapping with `role:`/`name:` plus tags, when and parameters.
    func roleInvocations(_ node: YAMLNode?, directory: String) -> [RoleInvocation] {
        guard let node else { return [] }
        guard let items = node.items else {
            context.error("load.type", "roles must be a list, not \(node.kindDescription)", at: node.span)
            return []
        }
        return items.compactMap { roleInvocation($0, directory: directory) }
    }

    func roleInvocation(_ item: YAMLNode, directory: String) -> RoleInvocation? {
        var name: YAMLNode? = item.string == nil ? nil : item
        var parameters: [YAMLNodePair] = []
        var tags: [String] = []
        var when: [YAMLNode] = []
        if let pairs = item.pairs {
            for pair in pairs {
                switch pair.key.string {
                case "role", "name": name = pair.value
                case "tags": tags = pair.value.stringList ?? []
                case "when": when = pair.value.asList
                case "vars": parameters += variablePairs(pair.value)
                case "become", "become_user", "ignore_errors": break
                case "delegate_to":
                    context.error(
                        "load.unsupported", "'delegate_to' is not supported", at: pair.key.span,
                        hint: TaskListLoader.unsupported["delegate_to"])
                default: parameters.append(pair)
                }
            }
        }
        guard let nameNode = name, let roleName = nameNode.string else {
            context.error("load.role", "a role entry needs the role's name", at: item.span, hint: "write - role: NAME or - NAME")
            return nil
        }
        if context.rejectTemplated(roleName, what: "role names", at: nameNode.span) { return nil }
        guard let role = loadRole(roleName, at: nameNode.span, directory: directory) else { return nil }
        return RoleInvocation(role: role, parameters: parameters, tags: tags, when: when, span: item.span)
    }

    /// Finds a role folder: the playbook's `roles/`, the playbook's folder, then `roles_path`.
    func findRole(_ name: String, directory: String) -> String? {
        if name.contains("/") {
            let path = Paths.join(directory, name)
            return context.fileSystem.isDirectory(path) ? path : nil
        }
        let candidates = [Paths.join(directory, "roles/" + name), Paths.join(directory, name)]
            + rolesPaths.map { Paths.join($0, name) }
        return candidates.first { context.fileSystem.isDirectory($0) }
    }

    func loadRole(_ name: String, at span: SourceSpan, directory: String, tasksFrom: RoleTaskFile = .main) -> Role? {
        guard let path = findRole(name, directory: directory) else {
            let searched = ([Paths.join(directory, "roles"), directory] + rolesPaths).joined(separator: ", ")
            context.error("load.missing-role", "role '\(name)' not found", at: span, hint: "searched \(searched)")
            return nil
        }
        let step = LoadingStep.role(path: path, taskFile: tasksFrom.name)
        guard !context.loading.contains(step) else {
            context.error("load.cycle", "role '\(name)' depends on itself: \(context.cycle(to: step))", at: span)
            return nil
        }
        context.loading.append(step)
        defer { context.loading.removeLast() }
        let roleContext = RoleContext(name: name, path: path)
        let tasks = TaskListLoader(context: context, modules: modules, directory: path + "/tasks", role: roleContext, loader: self)
        var role = Role(
            name: name, path: path,
            defaults: mainFile(path + "/defaults", main: "main").map { variablePairs($0) } ?? [],
            vars: mainFile(path + "/vars", main: "main").map { variablePairs($0) } ?? [],
            tasks: [], handlers: [], dependencies: [])
        if let meta = mainFile(path + "/meta", main: "main"), let dependencies = meta["dependencies"] {
            role.dependencies = roleInvocations(dependencies, directory: Paths.directory(of: path))
        }
        if let taskFile = mainFile(path + "/tasks", main: tasksFrom.name, required: tasksFrom.isRequired, span: tasksFrom.span ?? span) {
            role.tasks = tasks.load(taskFile, section: "tasks")
        }
        if let handlerFile = mainFile(path + "/handlers", main: "main") {
            role.handlers = tasks.load(handlerFile, section: "handlers")
        }
        return role
    }

    /// `main.yaml`, `main.yml` or `main` in `folder`, as Ansible looks for them.
    func mainFile(_ folder: String, main: String, required: Bool = false, span: SourceSpan? = nil) -> YAMLNode? {
        if let found = context.fileSystem.readFirst([main + ".yaml", main + ".yml", main].map { folder + "/" + $0 }) {
            return context.parseYAML(found.text, path: found.path)?.first
        }
        if required {
            context.error("load.missing-file", "'\(main)' not found in \(folder)", at: span, hint: "looked for \(main).yaml, \(main).yml and \(main)")
        }
        return nil
    }
}
