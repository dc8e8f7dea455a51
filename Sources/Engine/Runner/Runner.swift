import Diagnostics
import Foundation
import OrderedCollections
import Template
import YAML

/// Walks a loaded playbook in order and reports each task's result: the engine's one loop.
///
/// Runtime stops at the first failure that is not ignored or rescued; the failure is reported
/// as a task event with its diagnostic, and the recap closes the run.
package final class Runner {
    let playbook: Playbook
    let options: RunOptions
    let fileSystem: any EngineFileSystem
    let context: LoadContext
    let emit: (RunEvent) -> Void
    var recap = Recap()
    var variables = VariableLayers()
    var notified: OrderedSet<String> = []
    /// The running task's name as printed, for the documents it renders.
    var currentTaskName: String?
    /// Whether the running task has `no_log`.
    var hidingOutput = false
    /// The result of the last task that failed, for `ansible_failed_result` in `rescue`.
    var lastFailure: OrderedDictionary<String, Value> = [:]
    /// In `plan`: namespaces that earlier tasks would create.
    var plannedNamespaces: Set<String> = []
    /// In `plan`: `group/Kind` of CRDs earlier tasks would create, and whether the kind is namespaced.
    var plannedKinds: [String: Bool] = [:]
    /// In `destroy`: what the walk collected from every module, in task order.
    var destroySteps: [DestroyStep] = []
    /// In `plan`: JetStream streams that earlier tasks would create.
    var plannedStreams: Set<String> = []
    /// In `plan`: helm repositories earlier tasks would add or repoint.
    var plannedHelmRepositories: Set<String> = []
    /// Whether `helm repo update` already ran in this run.
    var helmRepositoriesUpdated = false
    /// Whether the run stopped because the user asked it to.
    package internal(set) var wasInterrupted = false

    package init(
        playbook: Playbook, options: RunOptions, context: LoadContext, emit: @escaping (RunEvent) -> Void
    ) {
        self.playbook = playbook
        self.options = options
        self.fileSystem = context.fileSystem
        self.context = context
        self.emit = emit
    }

    /// Runs every play; returns false when a task failed.
    @discardableResult
    package func run() async -> Bool {
        var succeeded = true
        for play in playbook.plays {
            emit(.play(play.name))
            do {
                try await runPlay(play)
            } catch {
                succeeded = false
                break
            }
        }
        if options.mode == .destroy, succeeded, !options.interrupted() {
            recap = Recap()
            succeeded = await destroy()
        }
        emit(.recap(recap))
        return succeeded && recap.failed == 0
    }

    /// Thrown to stop the run after a failure has been reported.
    struct Stop: Error {}

    /// Stops the run before the next task when the user asked to stop.
    func stopIfInterrupted() throws {
        guard options.interrupted() else { return }
        wasInterrupted = true
        throw Stop()
    }

    func runPlay(_ play: Play) async throws {
        variables = VariableLayers()
        variables.set(.extraVars, options.extraVariables)
        var magic: [String: Value] = ["playbook_dir": .string(play.directory), "ansible_check_mode": .bool(options.mode != .apply)]
        if let name = options.environmentName { magic["env"] = .string(name) }
        variables.set(.magic, magic)
        variables.set(.playVars, try values(of: play.vars))
        var files: [String: Value] = [:]
        for file in play.varsFiles {
            guard let nodes = context.loadYAML(file.resolved, namedAt: file.span, what: "vars file"), let first = nodes.first else {
                if let diagnostic = context.diagnostics.last { fail(task: "vars_files", at: file.span, diagnostic) }
                throw Stop()
            }
            files = DeepMerge.merge(files, Value(yaml: first.value).stringKeyed)
        }
        variables.set(.varsFiles, DeepMerge.merge(files, options.environmentProperties))
        let section = Section(play: play, tags: Set(play.tags))
        try await runSection(play.preTasks, section, handlers: play.handlers)
        for invocation in play.roles {
            try await runRole(invocation, section)
        }
        try await runSection(play.tasks, section, handlers: play.handlers + play.roles.flatMap(\.role.handlers))
        try await runSection(play.postTasks, section, handlers: play.handlers)
    }

    /// What tasks inherit from where they are written.
    struct Section {
        var play: Play
        var tags: Set<String>
        var role: Role?
    }

    func runRole(_ invocation: RoleInvocation, _ section: Section) async throws {
        for dependency in invocation.role.dependencies { try await runRole(dependency, section) }
        var roleSection = section
        roleSection.role = invocation.role
        roleSection.tags.formUnion(invocation.tags)
        let saved = variables
        defer { variables = saved }
        variables.set(.roleDefaults, try values(of: invocation.role.defaults))
        variables.set(.roleVars, try values(of: invocation.role.vars))
        variables.set(.roleParameters, try values(of: invocation.parameters))
        if !invocation.when.isEmpty {
            let templater = NodeTemplater(environment: environment(for: nil, role: invocation.role), variables: lazyVariables(invocation.role))
            for condition in invocation.when where !(try templater.condition(condition)) { return }
        }
        try await runItems(invocation.role.tasks, roleSection)
    }

    func runSection(_ items: [TaskItem], _ section: Section, handlers: [TaskItem]) async throws {
        notified = []
        try await runItems(items, section)
        try await runHandlers(handlers, section)
    }

    func runHandlers(_ handlers: [TaskItem], _ section: Section) async throws {
        guard !notified.isEmpty else { return }
        for case .task(let handler) in handlers {
            let name = handler.name?.scalarText ?? handler.module.written
            if notified.contains(name) {
                try await runTask(handler, section, isHandler: true)
            }
        }
        notified = []
    }

    func runItems(_ items: [TaskItem], _ section: Section) async throws {
        for item in items {
            switch item {
            case .task(let task): try await runTask(task, section, isHandler: false)
            case .block(let block): try await runBlock(block, section)
            }
        }
    }

    /// Raw YAML pairs to values (templated later, when used).
    func values(of pairs: [YAMLNodePair]) throws -> [String: Value] {
        var result: [String: Value] = [:]
        for pair in pairs {
            guard let key = pair.key.scalarText else { continue }
            result[key] = Value(yaml: pair.value.value)
        }
        return result
    }

    func lazyVariables(_ role: Role?) -> TemplatedVariables {
        TemplatedVariables(variables, environment: environment(for: nil, role: role))
    }

    /// The template environment for a task: Ansible's settings for task arguments, and the
    /// role's and playbook's folders for `lookup('template')`, `lookup('file')` and includes.
    func environment(for task: Task?, role: Role?) -> TemplateEnvironment {
        var paths: [String] = []
        if let role { paths.append(role.templatesPath) }
        paths.append(Paths.join(playbookDirectory, "templates"))
        var environment = TemplateEnvironment(
            fileSystem: TemplateFiles(fileSystem: fileSystem), searchPaths: paths, environmentVariables: options.processEnvironment)
        environment.options.escapeBackslashes = true
        return environment
    }

    var playbookDirectory: String { Paths.directory(of: playbook.path) }

    func fail(task: String, at span: SourceSpan, _ diagnostic: Diagnostic) {
        recap.count(.failed)
        emit(.task(TaskEvent(task: task, status: .failed, location: span, durationMilliseconds: 0, diagnostic: diagnostic)))
    }
}

/// The engine's file access seen by the template engine.
struct TemplateFiles: TemplateFileSystem {
    let fileSystem: any EngineFileSystem

    func readFile(_ path: String) -> String? { fileSystem.readFile(path) }
    func listDirectory(_ path: String) -> [String]? { fileSystem.listDirectory(path) }
}
