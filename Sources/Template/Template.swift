import Diagnostics

/// A parsed template: its statements and the source they came from.
///
/// Parsing resolves every filter and test, so a parsed template can be rendered many times with
/// different variables at no parsing cost.
package struct Template: Sendable {
    package let source: TemplateSource
    let nodes: [Node]
    /// When the template is exactly one `{{ expression }}`, that expression: rendering it natively
    /// yields the expression's value rather than a string.
    let singleExpression: Expression?
    /// The template's `{% block %}` bodies by name.
    let blocks: [String: [Node]]

    init(source: TemplateSource, nodes: [Node], blocks: [String: [Node]] = [:]) {
        self.source = source
        self.nodes = nodes
        self.blocks = blocks
        if nodes.count == 1, case .output(let expression) = nodes[0] {
            singleExpression = expression
        } else {
            singleExpression = nil
        }
    }
}

/// Template text, where it lives, and where its first character sits in its file.
///
/// A template embedded in a YAML scalar has an `origin` inside the YAML file, so errors in it
/// point at the YAML file's line and column.
package struct TemplateSource: Sendable {
    package let file: SourceFile
    /// Position of the template's first character in `file.path`'s coordinates.
    package let origin: SourcePosition

    package init(text: String, path: String, origin: SourcePosition = SourcePosition(line: 1, column: 1)) {
        file = SourceFile(path: path, text: text)
        self.origin = origin
    }

    package var path: String { file.path }
    package var text: String { file.text }

    /// The span of the UTF-8 offsets `start..<end` of the template text.
    package func span(_ start: Int, _ end: Int? = nil) -> SourceSpan {
        let from = translate(file.position(ofOffset: start))
        let to = translate(file.position(ofOffset: max(start, end ?? start + 1)))
        return SourceSpan(path: file.path, start: from, end: to)
    }

    private func translate(_ position: SourcePosition) -> SourcePosition {
        if position.line == 1 {
            return SourcePosition(line: origin.line, column: origin.column + position.column - 1)
        }
        return SourcePosition(line: origin.line + position.line - 1, column: position.column)
    }

    /// The error with its pending offset turned into a span in this source.
    func locate(_ error: TemplateError) -> TemplateError {
        guard error.span == nil, let offset = error.offset else { return error }
        var copy = error
        copy.span = span(offset, error.offsetEnd)
        copy.offset = nil
        copy.offsetEnd = nil
        return copy
    }
}
