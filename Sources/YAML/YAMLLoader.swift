import Diagnostics

/// Loads YAML files the way Ansible does (PyYAML's `CSafeLoader`: libyaml's parser with PyYAML's
/// safe constructor and YAML 1.1 types) into located node trees, reporting every problem it can
/// find as diagnostics. Like Ansible with libyaml, it accepts tabs as separators (`a:\tb`) that
/// PyYAML's pure-Python scanner refuses.
///
/// Differences from PyYAML, on purpose: a key written twice in one mapping is an error (Ansible
/// only warns); timestamps stay strings; `=` as a plain value is a string (PyYAML fails on it);
/// `!vault` values are rejected. A node reached through an alias keeps the anchored node's
/// content and `contentStart` (where its text is) but takes the alias's span.
package enum YAMLLoader {
    /// How many syntax errors one load reports before it stops looking for more.
    static let maximumSyntaxErrors = 20

    /// All documents of the file's stream, in order; an empty file or one with only comments
    /// gives no documents.
    package static func load(_ file: SourceFile) throws(DiagnosticList) -> [YAMLNode] {
        let locator = YAMLSourceLocator(file: file)
        var composer = YAMLComposer(locator: locator)
        let bytes = Array(file.text.utf8)
        // libyaml skips a leading byte-order mark without counting it as a character.
        var start = (scalar: locator.scalars.first == "\u{FEFF}" ? 1 : 0, byte: 0)
        var syntaxErrors = 0
        while true {
            let reader = YAMLEventReader(bytes: bytes[start.byte...], scalarBase: start.scalar, byteBase: start.byte)
            guard let problem = read(reader, into: &composer) else { break }
            composer.record(problem.diagnostic(locator: locator))
            syntaxErrors += 1
            // Resume at the next `---` line: the error's own line when it is one (libyaml often
            // notices an unclosed collection only there), else a later one.
            let line = problem.line(locator: locator)
            let first = locator.lineStarts[line - 1] > start.scalar ? line - 1 : line
            guard syntaxErrors < maximumSyntaxErrors, let next = nextDocument(from: first, locator: locator)
            else { break }
            start = next
        }
        guard composer.diagnostics.isEmpty else {
            throw DiagnosticList(sorted(composer.diagnostics))
        }
        return composer.documents
    }

    /// The plain values of all documents in `text`, for callers that need no locations.
    package static func loadValues(_ text: String, path: String) throws(DiagnosticList) -> [YAMLValue] {
        try load(SourceFile(path: path, text: text)).map(\.value)
    }

    /// Feeds the reader's events to the composer; returns the syntax problem that stopped it.
    private static func read(_ reader: YAMLEventReader, into composer: inout YAMLComposer) -> YAMLSyntaxProblem? {
        while !composer.stopped {
            switch reader.next() {
            case .success(nil):
                return nil
            case .success(let event?):
                composer.consume(event)
            case .failure(let error):
                return error.problem
            }
        }
        return nil
    }

    /// The first line from the 0-based line `index` on that starts a document with `---`.
    private static func nextDocument(from index: Int, locator: YAMLSourceLocator) -> (scalar: Int, byte: Int)? {
        let scalars = locator.scalars
        var index = index
        while index < locator.lineStarts.count {
            let start = locator.lineStarts[index]
            if start + 3 <= scalars.count, scalars[start] == "-", scalars[start + 1] == "-", scalars[start + 2] == "-",
                start + 3 == scalars.count || " \t\r\n".unicodeScalars.contains(scalars[start + 3])
            {
                return (start, locator.file.lineStarts[index])
            }
            index += 1
        }
        return nil
    }

    private static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let left = lhs.element.span?.start ?? SourcePosition(line: 0, column: 0)
            let right = rhs.element.span?.start ?? SourcePosition(line: 0, column: 0)
            return left == right ? lhs.offset < rhs.offset : left < right
        }.map(\.element)
    }
}
