import Diagnostics
import Foundation
import OrderedCollections
import Template
import YAML

extension Runner {
    func runBlock(_ block: Block, _ section: Section) async throws {
        var inner = section
        inner.tags.formUnion(block.keywords.tags)
        let saved = variables
        if let role = block.importedRole {
            // import_role: the role's defaults and vars apply to its tasks, and only to them.
            inner.role = role
            variables.set(.roleDefaults, try values(of: role.defaults))
            variables.set(.roleVars, try values(of: role.vars))
        }
        defer {
            if block.importedRole != nil {
                let facts = variables.facts
                variables = saved
                for (name, value) in facts { variables.setFact(name, value) }
            }
        }
        let templater = NodeTemplater(environment: environment(for: nil, role: section.role), variables: lazyVariables(section.role))
        do {
            for condition in block.keywords.when where !(try templater.condition(condition)) {
                // A block's condition is inherited by its tasks: each is reported as skipped.
                skip(block.tasks, inner)
                return
            }
        } catch {
            fail(task: "block", at: block.span, error.diagnostic)
            throw Stop()
        }
        variables.pushScope(try values(of: block.keywords.vars))
        defer { variables.popScope() }
        var failure: Error?
        do {
            try await runItems(block.tasks, inner)
        } catch {
            failure = error
        }
        if failure != nil, !block.rescue.isEmpty {
            recap.failed -= 1
            recap.rescued += 1
            failure = nil
            // Ansible gives rescue tasks the failed task's result.
            var failed = OrderedDictionary<Value, Value>()
            for (key, value) in lastFailure { failed[.string(key)] = value }
            variables.pushScope(["ansible_failed_result": .dict(failed)])
            do { try await runItems(block.rescue, inner) } catch { failure = error }
            variables.popScope()
        }
        try await runItems(block.always, inner)
        if let failure { throw failure }
    }

    /// Reports every task of `items` as skipped, as Ansible does for a false block condition.
    func skip(_ items: [TaskItem], _ section: Section) {
        for item in items {
            switch item {
            case .task(let task):
                guard options.tags.runs(section.tags.union(task.keywords.tags)) else { continue }
                let name = displayName(task, variables, environment(for: task, role: section.role))
                var event = TaskEvent(task: name, status: .skipped, location: task.span, durationMilliseconds: 0)
                finish(&event, started: .now, register: task.keywords.register, result: ["skipped": .bool(true), "changed": .bool(false)])
            case .block(let block):
                var inner = section
                inner.tags.formUnion(block.keywords.tags)
                skip(block.tasks, inner)
            }
        }
    }

    /// The name Ansible prints: `role : name`, or the module when the task has no name.
    func displayName(_ task: Task, _ variables: any VariableSource, _ environment: TemplateEnvironment) -> String {
        var name = task.module.written
        if let node = task.name, let text = node.scalarText {
            name = text
            if text.mayContainTemplate, let rendered = try? NodeTemplater(environment: environment, variables: variables).value(node) {
                name = (try? rendered.pythonString()) ?? text
            }
        }
        if let role = task.role { return "\(role.name) : \(name)" }
        return name
    }

    func runTask(_ task: Task, _ section: Section, isHandler: Bool) async throws {
        let tags = section.tags.union(task.keywords.tags)
        guard options.tags.runs(tags) else { return }
        try stopIfInterrupted()
        variables.pushScope(try values(of: task.keywords.vars))
        defer { variables.popScope() }
        let environment = environment(for: task, role: section.role)
        let lazy = TemplatedVariables(variables, environment: environment)
        let templater = NodeTemplater(environment: environment, variables: lazy)
        let name = displayName(task, lazy, environment)
        currentTaskName = name
        defer { currentTaskName = nil }
        let started = ContinuousClock.now
        var event = TaskEvent(task: name, status: .ok, isHandler: isHandler, location: task.span, durationMilliseconds: 0)
        // no_log hides messages and errors; if it cannot be evaluated, hide to be safe.
        hidingOutput = task.keywords.noLog.map { (try? templater.condition($0)) ?? true } ?? false
        defer { hidingOutput = false }
        do {
            // With a loop, `when` is checked for each item, as in Ansible.
            let conditions = task.keywords.loop == nil ? task.keywords.when : []
            for condition in conditions where !(try templater.condition(condition)) {
                event.status = .skipped
                finish(&event, started: started, register: task.keywords.register, result: ["skipped": .bool(true), "changed": .bool(false)])
                return
            }
            if let loop = task.keywords.loop {
                try await runLoop(task, loop, name: name, environment: environment, section: section, event: &event, started: started)
            } else {
                var result = try await execute(task, templater: templater, section: section)
                if !task.keywords.until.isEmpty, options.mode == .apply {
                    result = try await retry(task, first: result, templater: templater, section: section)
                }
                try conclude(task, result: result, templater: templater, event: &event)
                finish(&event, started: started, register: task.keywords.register, result: result.registered)
                if result.unknownUntilApplied, let register = task.keywords.register {
                    let unknown = Undefined(message: "'\(register)' is only known when the task runs", span: task.span, isLenient: true)
                    variables.setFact(register, .undefined(unknown))
                }
            }
        } catch let error as TemplateError {
            try await failTask(task, &event, diagnostic: error.diagnostic, started: started, templater: templater)
        } catch let error as ModuleFailure {
            try await failTask(
                task, &event, diagnostic: error.diagnostic(at: task.span), started: started, templater: templater, message: error.message,
                registered: error.registered)
        } catch let stop as Stop {
            throw stop
        } catch {
            // A port's error, a process that could not start, a file that could not be read: the task fails.
            let failure = ModuleFailure.from(error)
            try await failTask(task, &event, diagnostic: failure.diagnostic(at: task.span), started: started, templater: templater, message: failure.message)
        }
    }

    /// `ignore_errors` turns a failure into `ignored`; otherwise the run stops.
    func failTask(
        _ task: Task, _ event: inout TaskEvent, diagnostic: Diagnostic, started: ContinuousClock.Instant, templater: NodeTemplater,
        message: Value? = nil, registered: OrderedDictionary<String, Value> = [:]
    ) async throws {
        var ignored = false
        if let node = task.keywords.ignoreErrors {
            ignored = (try? templater.condition(node)) ?? false
        }
        event.status = ignored ? .ignored : .failed
        event.diagnostic = diagnostic
        event.message = message ?? .string(diagnostic.summary)
        var result = registered
        result["failed"] = .bool(true)
        result["msg"] = event.message ?? .none
        if result["changed"] == nil { result["changed"] = .bool(false) }
        lastFailure = result
        finish(&event, started: started, register: task.keywords.register, result: result)
        if !ignored { throw Stop() }
    }

    /// `until`/`retries`/`delay`: runs the module again until the condition holds, with the
    /// latest result registered while the condition is checked.
    func retry(_ task: Task, first: ModuleResult, templater: NodeTemplater, section: Section) async throws -> ModuleResult {
        let retries = try task.keywords.retries.map { node throws(TemplateError) in try Int(templater.value(node).pythonString()) ?? 3 } ?? 3
        let delay = try task.keywords.delay.map { node throws(TemplateError) in try Double(templater.value(node).pythonString()) ?? 5 } ?? 5
        var result = first
        var attempt = 1
        while true {
            var dict = OrderedDictionary<Value, Value>()
            for (key, value) in result.registered { dict[.string(key)] = value }
            dict[.string("attempts")] = .int(attempt)
            variables.pushScope(task.keywords.register.map { [$0: .dict(dict)] } ?? [:])
            let after = NodeTemplater(environment: templater.environment, variables: TemplatedVariables(variables, environment: templater.environment))
            let done = try task.keywords.until.allSatisfy { node throws(TemplateError) in try after.condition(node) }
            variables.popScope()
            result.registered["attempts"] = .int(attempt)
            if done { return result }
            guard attempt <= retries else {
                throw ModuleFailure(message: .string("still not done after \(attempt) attempts (retries: \(retries))"), registered: result.registered)
            }
            try await _Concurrency.Task.sleep(for: .milliseconds(Int(delay * 1000)))
            attempt += 1
            result = try await execute(task, templater: templater, section: section)
        }
    }

    /// What no_log shows instead of a message.
    static let hiddenMessage = "the output has been hidden due to the fact that 'no_log: true' was specified for this result"

    /// The event as printed: with no_log, message, item label and error text are hidden.
    func masked(_ event: TaskEvent) -> TaskEvent {
        guard hidingOutput else { return event }
        var copy = event
        if copy.message != nil { copy.message = .string(Self.hiddenMessage) }
        if copy.item != nil { copy.item = "(censored due to no_log)" }
        if var diagnostic = copy.diagnostic {
            diagnostic.summary = Self.hiddenMessage
            diagnostic.hint = nil
            diagnostic.notes = []
            copy.diagnostic = diagnostic
        }
        return copy
    }

    func finish(_ event: inout TaskEvent, started: ContinuousClock.Instant, register: String?, result: OrderedDictionary<String, Value>) {
        event.durationMilliseconds = (ContinuousClock.now - started).wholeMilliseconds
        if options.mode == .destroy, event.status != .failed {
            // destroy's walk only collects; its report is the deletions that follow.
            if let register { registerResult(register, result) }
            return
        }
        recap.count(event.status)
        if let register {
            var dict = OrderedDictionary<Value, Value>()
            for (key, value) in result { dict[.string(key)] = value }
            variables.setFact(register, .dict(dict))
        }
        emit(.task(masked(event)))
    }

    func registerResult(_ register: String, _ result: OrderedDictionary<String, Value>) {
        var dict = OrderedDictionary<Value, Value>()
        for (key, value) in result { dict[.string(key)] = value }
        variables.setFact(register, .dict(dict))
    }

    /// `changed_when`, `failed_when`, `notify`, after the module ran.
    func conclude(_ task: Task, result: ModuleResult, templater: NodeTemplater, event: inout TaskEvent) throws {
        var result = result
        if !task.keywords.changedWhen.isEmpty || !task.keywords.failedWhen.isEmpty, let register = task.keywords.register {
            var dict = OrderedDictionary<Value, Value>()
            for (key, value) in result.registered { dict[.string(key)] = value }
            variables.pushScope([register: .dict(dict)])
        }
        defer { if (!task.keywords.changedWhen.isEmpty || !task.keywords.failedWhen.isEmpty) && task.keywords.register != nil { variables.popScope() } }
        let lazy = TemplatedVariables(variables, environment: templater.environment)
        let after = NodeTemplater(environment: templater.environment, variables: lazy)
        if !task.keywords.changedWhen.isEmpty {
            result.changed = try task.keywords.changedWhen.allSatisfy { node throws(TemplateError) in try after.condition(node) }
        }
        if !task.keywords.failedWhen.isEmpty, try task.keywords.failedWhen.contains(where: { node throws(TemplateError) in try after.condition(node) }) {
            throw ModuleFailure(message: result.registered["msg"] ?? .string("failed_when condition was true"))
        }
        event.status = result.skipped ? .skipped : (result.changed ? .changed : .ok)
        event.message = result.message
        event.changes = result.changes
        if result.changed { notified.formUnion(task.keywords.notify) }
    }
}
