import Diagnostics
import Template
import YAML

/// Reads a playbook and everything it names (vars files, roles, imported task files) into the
/// model, collecting every problem instead of stopping at the first.
package struct PlaybookLoader {
    let context: LoadContext
    let modules: ModuleRegistry
    /// Folders searched for roles after the playbook's own `roles/` (from `ansible.cfg`).
    let rolesPaths: [String]

    package init(context: LoadContext, modules: ModuleRegistry = ModuleRegistry(), rolesPaths: [String] = []) {
        self.context = context
        self.modules = modules
        self.rolesPaths = rolesPaths
    }

    static let playKeys: Set<String> = [
        "name", "hosts", "gather_facts", "become", "become_user", "become_method", "vars", "vars_files", "roles",
        "pre_tasks", "tasks", "post_tasks", "handlers", "tags", "connection", "environment", "any_errors_fatal",
        "collections", "module_defaults", "ignore_errors", "check_mode", "diff", "no_log", "strategy", "serial",
    ]

    /// Loads the playbook at `path`; nil when it could not be read at all.
    package func load(_ path: String) -> Playbook? {
        context.loading.append(.file(path))
        defer { context.loading.removeLast() }
        return loadFile(path, namedAt: nil)
    }

    /// Loads one playbook file; `span` is where an `import_playbook` named it.
    private func loadFile(_ path: String, namedAt span: SourceSpan?) -> Playbook? {
        guard let documents = context.loadYAML(path, namedAt: span, what: "playbook") else { return nil }
        guard let root = documents.first, !root.isNull else {
            let start = SourcePosition(line: 1, column: 1)
            context.error(
                "load.empty", "the playbook '\(path)' is empty", at: SourceSpan(path: path, start: start, end: start),
                hint: "a playbook is a list of plays, each starting with '- hosts: localhost'")
            return Playbook(path: path, plays: [])
        }
        guard let entries = root.items else {
            context.error(
                "load.playbook-shape", "a playbook must be a list of plays, not \(root.kindDescription)", at: root.span,
                hint: "start each play with '- ', as in '- hosts: localhost'")
            return nil
        }
        var plays: [Play] = []
        for entry in entries {
            if let imported = entry["import_playbook"] ?? entry["ansible.builtin.import_playbook"] {
                plays += importPlaybook(imported, from: path)
            } else if let play = loadPlay(entry, path: path) {
                plays.append(play)
            }
        }
        return Playbook(path: path, plays: plays)
    }

    private func importPlaybook(_ node: YAMLNode, from path: String) -> [Play] {
        guard let name = node.string else {
            context.error("load.type", "import_playbook takes a file name, not \(node.kindDescription)", at: node.span)
            return []
        }
        if context.rejectTemplated(name, what: "playbook names", at: node.span) { return [] }
        let target = Paths.join(Paths.directory(of: path), name)
        guard !context.loading.contains(.file(target)) else {
            context.error("load.cycle", "playbooks import each other: \(context.cycle(to: .file(target)))", at: node.span)
            return []
        }
        context.loading.append(.file(target))
        defer { context.loading.removeLast() }
        return loadFile(target, namedAt: node.span)?.plays ?? []
    }

    private func loadPlay(_ node: YAMLNode, path: String) -> Play? {
        guard let pairs = node.pairs else {
            context.error("load.play-shape", "a play must be a mapping, not \(node.kindDescription)", at: node.span)
            return nil
        }
        for pair in pairs {
            guard let key = pair.key.string else { continue }
            if !Self.playKeys.contains(key) {
                let hint = Suggestions.didYouMean(key, among: Array(Self.playKeys))
                context.error("load.unknown-key", "unknown play keyword '\(key)'", at: pair.key.span, hint: hint)
            }
        }
        checkHosts(node["hosts"], play: node)
        let directory = Paths.directory(of: path)
        let tasks = TaskListLoader(context: context, modules: modules, directory: directory, role: nil)
        var play = Play(
            name: node["name"]?.scalarText ?? "",
            span: node.span,
            vars: variablePairs(node["vars"]),
            varsFiles: varsFiles(node["vars_files"], directory: directory),
            roles: [],
            preTasks: tasks.load(node["pre_tasks"], section: "pre_tasks"),
            tasks: [],
            postTasks: [],
            handlers: [],
            tags: node["tags"]?.stringList ?? [],
            directory: directory)
        play.roles = roleInvocations(node["roles"], directory: directory)
        play.tasks = tasks.load(node["tasks"], section: "tasks")
        play.postTasks = tasks.load(node["post_tasks"], section: "post_tasks")
        play.handlers = tasks.load(node["handlers"], section: "handlers")
        return play
    }

    private func checkHosts(_ hosts: YAMLNode?, play: YAMLNode) {
        guard let hosts else {
            context.error("load.hosts", "the play has no 'hosts'", at: play.span, hint: "rig runs plays on localhost: write hosts: localhost")
            return
        }
        let local: Set<String> = ["localhost", "127.0.0.1", "::1"]
        if let items = hosts.items, !items.isEmpty {
            // Point at the first host a user has to remove, not at the whole list.
            if let remote = items.first(where: { !local.contains($0.scalarText ?? "") }) {
                reportRemoteHosts(remote.scalarText ?? remote.kindDescription, at: remote.span)
            }
            return
        }
        let names = hosts.stringList ?? []
        if names.isEmpty || !names.allSatisfy({ local.contains($0) }) {
            reportRemoteHosts(hosts.scalarText ?? names.joined(separator: ", "), at: hosts.span)
        }
    }

    private func reportRemoteHosts(_ written: String, at span: SourceSpan) {
        context.error(
            "load.hosts", "rig runs plays on localhost only, not '\(written)'", at: span,
            hint: "write hosts: localhost; rig talks to clusters and servers through their APIs")
    }

    func variablePairs(_ node: YAMLNode?) -> [YAMLNodePair] {
        guard let node else { return [] }
        if let pairs = node.pairs { return pairs }
        if case .scalar(let scalar) = node.content, scalar.value == .null { return [] }
        context.error("load.type", "vars must be a mapping, not \(node.kindDescription)", at: node.span)
        return []
    }

    private func varsFiles(_ node: YAMLNode?, directory: String) -> [LocatedPath] {
        guard let node else { return [] }
        var result: [LocatedPath] = []
        for item in node.asList {
            guard let name = item.string else {
                context.error("load.type", "vars_files entries must be file names, not \(item.kindDescription)", at: item.span)
                continue
            }
            let located = LocatedPath(written: name, resolved: Paths.join(directory, name), span: item.span)
            if !name.contains("{{"), context.fileSystem.readFile(located.resolved) == nil {
                context.error("load.missing-file", "vars file '\(name)' not found", at: item.span, hint: "looked for \(located.resolved)")
            }
            result.append(located)
        }
        return result
    }
}
