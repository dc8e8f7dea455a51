import Diagnostics
import OrderedCollections
import Template

/// What a module reports: whether it changed anything, what it says, and what `register` keeps.
package struct ModuleResult: Sendable {
    package var changed = false
    package var skipped = false
    package var message: Value?
    /// Ansible's result dict (`changed`, `msg`, `rc`, `stdout`…), in order.
    package var registered: OrderedDictionary<String, Value> = [:]

    package init(changed: Bool = false, skipped: Bool = false, message: Value? = nil, registered: OrderedDictionary<String, Value> = [:]) {
        self.changed = changed
        self.skipped = skipped
        self.message = message
        self.registered = registered
        self.registered["changed"] = .bool(changed)
        if skipped { self.registered["skipped"] = .bool(true) }
        if let message, self.registered["msg"] == nil { self.registered["msg"] = message }
    }
}

/// A module's own failure (`fail`, a failed `assert`, a non-zero `shell`).
package struct ModuleFailure: Error, Sendable {
    package var message: Value
    package var code = "task.failed"

    package func diagnostic(at span: SourceSpan) -> Diagnostic {
        let text = (try? message.pythonString()) ?? message.pythonRepr()
        return Diagnostic(code: code, summary: text, span: span)
    }
}
