import Diagnostics
import Template

/// What a task ended as, in Ansible's words.
package enum TaskStatus: String, Sendable, Hashable {
    case ok, changed, skipped, failed, ignored, rescued
}

/// One task's (or one loop item's) result, as the output layer prints it.
package struct TaskEvent: Sendable {
    /// As Ansible prints it: `role : name` inside roles.
    package var task: String
    package var status: TaskStatus
    package var item: String?
    package var message: Value?
    package var isHandler = false
    package var location: SourceSpan
    package var durationMilliseconds: Int
    /// The failure, when `status` is failed or ignored.
    package var diagnostic: Diagnostic?
    /// What the task did (or would do) to each object, with diffs.
    package var changes: [ObjectChange] = []
}

/// A manifest, values file or stream definition the run would apply, for `rig render`.
package struct RenderedDocument: Sendable {
    package var task: String
    package var location: SourceSpan
    /// One line saying what it is (`helm release nats (nats/nats 1.3.7) in messaging`).
    package var title: String
    package var value: Value
    /// A short file name for `--out DIR`.
    package var fileName: String
    /// The document with its secrets hidden (a Secret's `data` and `stringData`, everything of a
    /// `no_log` task), for the terminal; nil when it holds none. Files get `value`, privately.
    package var masked: Value?

    /// What may be shown on a terminal.
    package var printable: Value { masked ?? value }
}

/// The tally Ansible prints at the end of a run.
package struct Recap: Sendable, Hashable {
    package var ok = 0
    package var changed = 0
    package var failed = 0
    package var skipped = 0
    package var rescued = 0
    package var ignored = 0

    package init() {}

    package mutating func count(_ status: TaskStatus) {
        switch status {
        case .ok: ok += 1
        case .changed: changed += 1
        case .failed: failed += 1
        case .skipped: skipped += 1
        case .rescued: rescued += 1
        case .ignored: ignored += 1
        }
    }
}

/// Everything a run reports, in order.
package enum RunEvent: Sendable {
    case play(String)
    case task(TaskEvent)
    case rendered(RenderedDocument)
    case recap(Recap)
}
