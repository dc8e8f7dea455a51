/// One problem found in the user's input, with where it is and, when cheap, how to fix it.
///
/// Diagnostics compare equal by `code` and `span`, so tests keep passing when the wording of a
/// message improves.
package struct Diagnostic: Sendable, Error, CustomStringConvertible {
    package enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    /// A secondary location with its own message ("first defined here").
    package struct Note: Sendable, Hashable {
        package var message: String
        package var span: SourceSpan?

        package init(_ message: String, span: SourceSpan? = nil) {
            self.message = message
            self.span = span
        }
    }

    package var severity: Severity
    /// A stable, machine-readable identifier such as `template.undefined`.
    package var code: String
    /// One lowercase sentence naming the thing that is wrong.
    package var summary: String
    /// Where the problem is; nil only for problems that have no place in a file.
    package var span: SourceSpan?
    /// What to do about it ("did you mean 'to_yaml'?").
    package var hint: String?
    package var notes: [Note]

    package init(
        _ severity: Severity = .error, code: String, summary: String, span: SourceSpan?,
        hint: String? = nil, notes: [Note] = []
    ) {
        self.severity = severity
        self.code = code
        self.summary = summary
        self.span = span
        self.hint = hint
        self.notes = notes
    }

    package var description: String {
        var text = ""
        if let span { text += "\(span): " }
        text += "\(severity.rawValue): \(summary)"
        if let hint { text += " (\(hint))" }
        return text
    }
}

extension Diagnostic: Equatable {
    package static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        lhs.code == rhs.code && lhs.span == rhs.span && lhs.severity == rhs.severity
    }
}

/// Several diagnostics reported together: loading and validation collect every problem first.
package struct DiagnosticList: Error, Sendable {
    package var diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}

/// A bug in rig itself, never the user's input; kept apart so it is never blamed on them.
package struct InternalError: Error, Sendable, CustomStringConvertible {
    package var reason: String
    package init(_ reason: String) { self.reason = reason }
    package var description: String { "internal error: \(reason)" }
}
