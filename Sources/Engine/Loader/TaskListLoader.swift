import Diagnostics
import Template
import YAML

/// Turns a YAML task list into tasks and blocks; `import_tasks` and `import_role` are inlined
/// here, with their tags and conditions inherited, as Ansible's static imports are.
struct TaskListLoader {
    let context: LoadContext
    let modules: ModuleRegistry
    /// The folder task files are found in (`roles/x/tasks`, or the playbook's folder).
    let directory: String
    let role: RoleContext?
    var loader: PlaybookLoader?

    init(context: LoadContext, modules: ModuleRegistry, directory: String, role: RoleContext?, loader: PlaybookLoader? = nil) {
        self.context = context
        self.modules = modules
        self.directory = directory
        self.role = role
        self.loader = loader ?? PlaybookLoader(context: context, modules: modules)
    }

    static let keywords: Set<String> = [
        "name", "when", "loop", "with_items", "with_list", "with_dict", "with_fileglob", "with_sequence",
        "loop_control", "register", "changed_when", "failed_when", "ignore_errors", "tags", "vars", "no_log",
        "until", "retries", "delay", "notify", "become", "become_user", "become_method", "check_mode", "diff",
        "environment", "args", "listen", "run_once", "throttle", "timeout", "collections", "module_defaults",
        "any_errors_fatal", "ignore_unreachable", "debugger", "connection", "delegate_facts",
    ]

    static let unsupported: [String: String] = [
        "delegate_to": "rig runs every task on this machine; drop delegate_to",
        "async": "rig does not run tasks in the background; drop async/poll",
        "poll": "rig does not run tasks in the background; drop async/poll",
    ]

    func load(_ node: YAMLNode?, section: String) -> [TaskItem] {
        guard let node else { return [] }
        if case .scalar(let scalar) = node.content, scalar.value == .null { return [] }
        guard let items = node.items else {
            context.error("load.type", "\(section) must be a list of tasks, not \(node.kindDescription)", at: node.span)
            return []
        }
        return items.flatMap { loadEntry($0) }
    }

    private func loadEntry(_ node: YAMLNode) -> [TaskItem] {
        guard let pairs = node.pairs else {
            context.error("load.task-shape", "a task must be a mapping, not \(node.kindDescription)", at: node.span)
            return []
        }
        if node["block"] != nil { return loadBlock(node, pairs).map { [.block($0)] } ?? [] }
        for key in ["import_tasks", "include_tasks", "ansible.builtin.import_tasks", "ansible.builtin.include_tasks"] {
            if let target = node[key] { return importTasks(target, entry: node, pairs: pairs) }
        }
        for key in ["import_role", "include_role", "ansible.builtin.import_role", "ansible.builtin.include_role"] {
            if let target = node[key] { return importRole(target, entry: node, pairs: pairs) }
        }
        return loadTask(node, pairs).map { [.task($0)] } ?? []
    }

    /// Reads the keywords of a task or block; returns the pairs that are not keywords.
    func keywords(_ pairs: [YAMLNodePair], into keywords: inout TaskKeywords, allowed extra: Set<String>) -> [YAMLNodePair] {
        var rest: [YAMLNodePair] = []
        for pair in pairs {
            guard let key = pair.key.string else {
                context.error("load.type", "task keys must be strings", at: pair.key.span)
                continue
            }
            if let reason = Self.unsupported[key] {
                context.error("load.unsupported", "'\(key)' is not supported", at: pair.key.span, hint: reason)
                continue
            }
            let value = pair.value
            switch key {
            case "when": keywords.when += value.asList
            case "tags": keywords.tags += value.stringList ?? []
            case "vars": keywords.vars += loader?.variablePairs(value) ?? []
            case "ignore_errors": keywords.ignoreErrors = value
            case "no_log": keywords.noLog = value
            case "notify": keywords.notify += value.stringList ?? []
            case "register": keywords.register = value.string
            case "changed_when": keywords.changedWhen = value.asList
            case "failed_when": keywords.failedWhen = value.asList
            case "loop", "with_items", "with_list": keywords.loop = value
            case "loop_control": keywords.loopControl = value
            case "until": keywords.until = value.asList
            case "retries": keywords.retries = value
            case "delay": keywords.delay = value
            default:
                if Self.keywords.contains(key) || extra.contains(key) { continue }
                rest.append(pair)
            }
        }
        return rest
    }

    private func loadTask(_ node: YAMLNode, _ pairs: [YAMLNodePair]) -> Task? {
        var taskKeywords = TaskKeywords()
        let rest = keywords(pairs, into: &taskKeywords, allowed: [])
        guard let actionPair = rest.first else {
            context.error("load.no-action", "this task has no module", at: node.span, hint: "add the module to run, e.g. debug: msg=…")
            return nil
        }
        if rest.count > 1 {
            let names = rest.compactMap(\.key.string)
            let known = names.filter { modules.spec(named: $0) != nil }
            if known.count > 1 {
                context.error(
                    "load.conflicting-actions", "conflicting modules in one task: \(known.joined(separator: ", "))", at: rest[1].key.span,
                    hint: "a task runs one module; split it into one task per module")
            } else {
                for pair in rest where modules.spec(named: pair.key.string ?? "") == nil {
                    let name = pair.key.string ?? ""
                    let hint = Suggestions.didYouMean(name, among: Array(Self.keywords) + modules.allNames)
                    context.error("load.unknown-key", "'\(name)' is neither a task keyword nor a module", at: pair.key.span, hint: hint)
                }
            }
            return nil
        }
        guard let written = actionPair.key.string else { return nil }
        guard let spec = modules.spec(named: written) else {
            let hint = Suggestions.didYouMean(written, among: modules.allNames + Array(Self.keywords))
            context.error("load.unknown-module", "unknown module '\(written)'", at: actionPair.key.span, hint: hint)
            return nil
        }
        var arguments = actionPair.value
        if case .scalar = arguments.content {
            arguments = FreeFormArguments.mapping(arguments, spec: spec, extra: node["args"]?.pairs ?? [])
        } else if let args = node["args"], let extra = args.pairs {
            arguments = YAMLNode(content: .mapping((arguments.pairs ?? []) + extra), span: arguments.span)
        }
        ArgumentValidator(context: context).validate(arguments, spec: spec, written: written, at: actionPair.key.span)
        let call = ModuleCall(name: spec.name, written: written, arguments: arguments, span: actionPair.key.span)
        return Task(name: node["name"], module: call, keywords: taskKeywords, span: node.span, role: role, directory: directory)
    }

    private func loadBlock(_ node: YAMLNode, _ pairs: [YAMLNodePair]) -> Block? {
        var blockKeywords = TaskKeywords()
        let rest = keywords(pairs, into: &blockKeywords, allowed: ["block", "rescue", "always"])
        for pair in rest {
            let name = pair.key.string ?? ""
            context.error("load.unknown-key", "'\(name)' is not allowed on a block", at: pair.key.span, hint: "a block takes block, rescue, always and task keywords")
        }
        return Block(
            name: node["name"], tasks: load(node["block"], section: "block"), rescue: load(node["rescue"], section: "rescue"),
            always: load(node["always"], section: "always"), keywords: blockKeywords, span: node.span, role: role)
    }
}
