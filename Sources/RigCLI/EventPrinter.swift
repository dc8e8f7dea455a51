import Diagnostics
import Engine
import Foundation
import Template

/// Prints run events as text (Ansible's words, one line per task, the recap) or as JSON lines.
package struct EventPrinter {
    let console: Console
    let format: OutputFormat
    let verbosity: Int
    let files: () -> [String: SourceFile]

    package init(console: Console, format: OutputFormat, verbosity: Int, files: @escaping () -> [String: SourceFile]) {
        self.console = console
        self.format = format
        self.verbosity = verbosity
        self.files = files
    }

    /// The text line(s) for one event, without colour; what the golden tests compare.
    package static func plainText(_ event: RunEvent) -> String {
        let printer = EventPrinter(console: Console(noColor: true), format: .text, verbosity: 0) { [:] }
        return printer.textLines(event)
    }

    package func print(_ event: RunEvent) {
        switch format {
        case .json: console.out(json(event) + "\n")
        case .text: text(event)
        }
    }

    private func text(_ event: RunEvent) {
        console.out(textLines(event))
        if case .task(let task) = event, let diagnostic = task.diagnostic { console.report([diagnostic], files: files()) }
    }

    func textLines(_ event: RunEvent) -> String {
        switch event {
        case .play(let name):
            return console.paint("PLAY [\(name)]", "1") + "\n"
        case .task(let task):
            var line = console.paint(task.status.rawValue, color(task.status)) + ": " + (task.isHandler ? "handler: " : "") + task.task
            if let item = task.item { line += " (item=\(item))" }
            if let message = task.message, task.status != .skipped || verbosity > 0 {
                let text = (try? message.pythonString()) ?? message.pythonRepr()
                if !text.isEmpty, task.status != .failed { line += " => " + text }
            }
            if verbosity > 0 { line += console.paint("  [\(task.location)] \(task.durationMilliseconds) ms", "2") }
            return line + "\n" + changeLines(task.changes)
        case .rendered:
            return ""
        case .recap(let recap):
            let counts = "ok=\(recap.ok) changed=\(recap.changed) failed=\(recap.failed) skipped=\(recap.skipped) rescued=\(recap.rescued) ignored=\(recap.ignored)"
            return console.paint("PLAY RECAP", "1") + " localhost : " + counts + "\n"
        }
    }

    private func color(_ status: TaskStatus) -> String {
        switch status {
        case .ok: "32"
        case .changed: "33"
        case .skipped: "36"
        case .failed: "31;1"
        case .ignored: "35"
        case .rescued: "35"
        }
    }

    /// `{"play": …}`, `{"task": …, "status": …, …}`, `{"recap": {…}, "rc": N}`.
    func json(_ event: RunEvent, rc: Int = 0) -> String {
        var fields: [(String, String)] = []
        func add(_ key: String, _ value: String?) {
            if let value { fields.append((key, value)) }
        }
        switch event {
        case .play(let name):
            add("play", quote(name))
        case .task(let task):
            add("task", quote(task.task))
            add("status", quote(task.status.rawValue))
            add("item", task.item.map(quote))
            add("msg", task.message.flatMap { try? $0.jsonString() })
            if task.isHandler { add("handler", "true") }
            add("location", quote(task.location.description))
            add("duration_ms", String(task.durationMilliseconds))
            if let diagnostic = task.diagnostic { add("error", quote(diagnostic.summary)) }
            if !task.changes.isEmpty { add("diff", Self.changesJSON(task.changes)) }
        case .rendered(let document):
            add("rendered", quote(document.title))
            add("task", quote(document.task))
            add("location", quote(document.location.description))
        case .recap(let recap):
            add("recap", "{\"ok\": \(recap.ok), \"changed\": \(recap.changed), \"failed\": \(recap.failed), \"skipped\": \(recap.skipped), \"rescued\": \(recap.rescued), \"ignored\": \(recap.ignored)}")
            add("rc", String(rc))
        }
        return "{" + fields.map { "\(quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    private func quote(_ text: String) -> String {
        var out = ""
        Value.writeJSONString(text, into: &out, ensureASCII: false)
        return out
    }
}
