import Diagnostics
import YAML

extension TaskListLoader {
    /// `import_tasks: file.yaml` (and `include_tasks` with a literal name): the file's tasks,
    /// wrapped in a block that carries the entry's keywords.
    func importTasks(_ target: YAMLNode, entry: YAMLNode, pairs: [YAMLNodePair]) -> [TaskItem] {
        let fileNode = target["file"] ?? target
        guard let name = fileNode.string else {
            context.error("load.type", "import_tasks takes a file name, not \(fileNode.kindDescription)", at: fileNode.span)
            return []
        }
        if context.rejectTemplated(name, what: "task file names", at: fileNode.span) { return [] }
        let path = Paths.join(directory, name)
        guard !context.loading.contains(.file(path)) else {
            context.error("load.cycle", "task files include each other: \(context.cycle(to: .file(path)))", at: fileNode.span)
            return []
        }
        context.loading.append(.file(path))
        defer { context.loading.removeLast() }
        guard let documents = context.loadYAML(path, namedAt: fileNode.span, what: "task file") else { return [] }
        let nested = TaskListLoader(context: context, modules: modules, directory: Paths.directory(of: path), role: role, loader: loader)
        let tasks = nested.load(documents.first, section: "tasks")
        return wrap(tasks, entry: entry, pairs: pairs, consumed: ["import_tasks", "include_tasks", "ansible.builtin.import_tasks", "ansible.builtin.include_tasks"])
    }

    /// `import_role: {name: x, tasks_from: y}`: the role's tasks inline.
    func importRole(_ target: YAMLNode, entry: YAMLNode, pairs: [YAMLNodePair]) -> [TaskItem] {
        guard let nameNode = target["name"] ?? target["role"], let name = nameNode.string else {
            context.error("load.role", "import_role needs the role's name", at: target.span)
            return []
        }
        if context.rejectTemplated(name, what: "role names", at: nameNode.span) { return [] }
        var tasksFrom = RoleTaskFile.main
        if let fileNode = target["tasks_from"] {
            guard let file = fileNode.string else {
                context.error("load.type", "tasks_from takes a file name, not \(fileNode.kindDescription)", at: fileNode.span)
                return []
            }
            if context.rejectTemplated(file, what: "task file names", at: fileNode.span) { return [] }
            tasksFrom = RoleTaskFile(name: file, span: fileNode.span)
        }
        let roleDirectory = role.map { Paths.directory(of: $0.path) } ?? directory
        guard let loader, let loaded = loader.loadRole(name, at: nameNode.span, directory: roleDirectory, tasksFrom: tasksFrom) else {
            return []
        }
        var items: [TaskItem] = []
        for dependency in loaded.dependencies { items += dependency.role.tasks }
        items += loaded.tasks
        return wrap(
            items, entry: entry, pairs: pairs,
            consumed: ["import_role", "include_role", "ansible.builtin.import_role", "ansible.builtin.include_role"],
            importedRole: loaded)
    }

    private func wrap(
        _ tasks: [TaskItem], entry: YAMLNode, pairs: [YAMLNodePair], consumed: Set<String>, importedRole: Role? = nil
    ) -> [TaskItem] {
        var blockKeywords = TaskKeywords()
        let rest = keywords(pairs.filter { !consumed.contains($0.key.string ?? "") }, into: &blockKeywords, allowed: [])
        for pair in rest {
            context.error("load.unknown-key", "'\(pair.key.string ?? "")' is not allowed on an import", at: pair.key.span)
        }
        return [
            .block(
                Block(
                    name: entry["name"], tasks: tasks, rescue: [], always: [], keywords: blockKeywords, span: entry.span, role: role,
                    importedRole: importedRole))
        ]
    }
}
