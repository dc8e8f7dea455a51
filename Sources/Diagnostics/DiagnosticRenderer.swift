/// Turns diagnostics into the text users read: `file:line:col: error: summary`, the source line,
/// a caret under the span, then the hint and notes.
package struct DiagnosticRenderer: Sendable {
    /// Source files by path, to quote the offending line.
    package var files: [String: SourceFile]
    package var useColor: Bool

    package init(files: [String: SourceFile] = [:], useColor: Bool = false) {
        self.files = files
        self.useColor = useColor
    }

    package func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        let label = diagnostic.severity.rawValue
        if let span = diagnostic.span {
            out += "\(span): "
        }
        out += color(label + ":", code: diagnostic.severity == .error ? "31;1" : "33;1")
        out += " " + diagnostic.summary + "\n"
        if let span = diagnostic.span { out += snippet(for: span) }
        if let hint = diagnostic.hint {
            out += "  " + color("hint:", code: "36") + " " + hint + "\n"
        }
        for note in diagnostic.notes {
            out += "  " + color("note:", code: "36") + " "
            if let span = note.span { out += "\(span): " }
            out += note.message + "\n"
        }
        return out
    }

    package func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    private func snippet(for span: SourceSpan) -> String {
        guard let file = files[span.path], let line = file.line(span.start.line) else { return "" }
        let number = String(span.start.line)
        let gutter = String(repeating: " ", count: number.count)
        var caretWidth = 1
        if span.end.line == span.start.line, span.end.column > span.start.column {
            caretWidth = span.end.column - span.start.column
        }
        let scalars = Array(line.unicodeScalars)
        let prefixCount = max(0, min(span.start.column - 1, scalars.count))
        // Keep tabs so the caret lines up under tab-indented source.
        let pad = String(String.UnicodeScalarView(scalars[0..<prefixCount].map { $0 == "\t" ? "\t" : " " }))
        var out = " \(gutter) |\n"
        out += " \(number) | \(line)\n"
        out += " \(gutter) | \(pad)" + color(String(repeating: "^", count: caretWidth), code: "31;1") + "\n"
        return out
    }

    private func color(_ text: String, code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
