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
    /// Set when the module did not run (offline) so its result is unknown: `register` then holds
    /// a lenient undefined value, and later tasks that use it render with blanks instead of failing.
    package var unknownUntilApplied = false
    /// What the task did (or in `plan` would do) to each object it manages.
    package var changes: [ObjectChange] = []

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
    /// How to fix it, when known.
    package var hint: String?
    /// What `register` keeps for the failed task (`rc`, `stdout`…), beyond `failed` and `msg`.
    package var registered: OrderedDictionary<String, Value> = [:]

    package init(
        message: Value, code: String = "task.failed", registered: OrderedDictionary<String, Value> = [:], hint: String? = nil
    ) {
        self.message = message
        self.code = code
        self.registered = registered
        self.hint = hint
    }

    package func diagnostic(at span: SourceSpan) -> Diagnostic {
        let text = (try? message.pythonString()) ?? message.pythonRepr()
        var diagnostic = Diagnostic(code: code, summary: text, span: span)
        diagnostic.hint = hint
        return diagnostic
    }
}

extension Duration {
    /// Whole milliseconds, for the durations task events report.
    var wholeMilliseconds: Int { Int(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000) }
}
