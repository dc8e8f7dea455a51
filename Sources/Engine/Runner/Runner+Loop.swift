import Diagnostics
import Foundation
import OrderedCollections
import Template
import YAML

extension Runner {
    /// `loop:`/`with_items:`: one result per item, then one for the task, registered as Ansible
    /// shapes it (`results`, `changed`, `msg`).
    func runLoop(
        _ task: Task, _ loop: YAMLNode, name: String, environment: TemplateEnvironment, section: Section, event: inout TaskEvent,
        started: ContinuousClock.Instant
    ) async throws {
        let templater = NodeTemplater(environment: environment, variables: TemplatedVariables(variables, environment: environment))
        let items: [Value]
        switch try templater.value(loop) {
        case .list(let values), .tuple(let values): items = values
        case .string(let text) where task.keywords.loop == loop: items = text.isEmpty ? [] : [.string(text)]
        case let other:
            throw TemplateError(.type, "loop needs a list, not \(other.typeName)", span: loop.span, hint: "use `dict2items` for a dict")
        }
        // loop_var and index_var are plain names; label is templated per item, once the item is set.
        let control = task.keywords.loopControl
        let loopVariable = control?["loop_var"]?.scalarText ?? "item"
        let indexVariable = control?["index_var"]?.scalarText
        var results: [Value] = []
        var anyChanged = false
        for (index, item) in items.enumerated() {
            var scope: [String: Value] = [loopVariable: item]
            if let indexVariable { scope[indexVariable] = .int(index) }
            variables.pushScope(scope)
            defer { variables.popScope() }
            let itemTemplater = NodeTemplater(environment: environment, variables: TemplatedVariables(variables, environment: environment))
            var itemEvent = TaskEvent(task: name, status: .ok, isHandler: event.isHandler, location: task.span, durationMilliseconds: 0)
            let label = try control?["label"].map { node throws(TemplateError) in try itemTemplater.value(node).pythonString() }
            itemEvent.item = label ?? ((try? item.pythonString()) ?? item.pythonRepr())
            var skipped = false
            for condition in task.keywords.when where !(try itemTemplater.condition(condition)) { skipped = true }
            if skipped {
                itemEvent.status = .skipped
                results.append(.dict([.string("skipped"): .bool(true), .string("changed"): .bool(false), .string(loopVariable): item]))
                emit(.task(masked(itemEvent)))
                continue
            }
            let result = try await execute(task, templater: itemTemplater, section: section)
            try conclude(task, result: result, templater: itemTemplater, event: &itemEvent)
            anyChanged = anyChanged || result.changed
            var registered = OrderedDictionary<Value, Value>()
            for (key, value) in result.registered { registered[.string(key)] = value }
            registered[.string(loopVariable)] = item
            registered[.string("ansible_loop_var")] = .string(loopVariable)
            results.append(.dict(registered))
            emit(.task(masked(itemEvent)))
        }
        let allSkipped = results.allSatisfy { $0.stringKeyed["skipped"] == .bool(true) }
        event.status = allSkipped ? .skipped : (anyChanged ? .changed : .ok)
        let summary: OrderedDictionary<String, Value> = [
            "results": .list(results), "changed": .bool(anyChanged), "msg": .string("All items completed"),
            "skipped": .bool(allSkipped),
        ]
        finish(&event, started: started, register: task.keywords.register, result: summary)
    }
}
