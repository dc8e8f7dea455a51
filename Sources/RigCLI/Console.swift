import Diagnostics
import Foundation

/// The one place rig writes to the terminal: results to stdout, diagnostics and logs to stderr.
package struct Console: Sendable {
    package var useColor: Bool

    /// Colour only on a terminal, never with `--no-color` or `NO_COLOR`.
    package init(noColor: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let disabled = noColor || (environment["NO_COLOR"].map { !$0.isEmpty } ?? false)
        useColor = !disabled && isatty(STDOUT_FILENO) == 1 && isatty(STDERR_FILENO) == 1
    }

    /// `text` in an ANSI colour when colour is on.
    package func paint(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    package func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    package func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    package func report(_ diagnostics: [Diagnostic], files: [String: SourceFile]) {
        err(DiagnosticRenderer(files: files, useColor: useColor).render(diagnostics))
    }
}
