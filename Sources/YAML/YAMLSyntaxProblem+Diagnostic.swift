import Diagnostics

extension YAMLSyntaxProblem {
    /// The 1-based line of the problem.
    func line(locator: YAMLSourceLocator) -> Int {
        if let index { return locator.position(index).line }
        return locator.file.position(ofOffset: byteOffset ?? 0).line
    }

    /// A `yaml.syntax` diagnostic with libyaml's message, made friendlier for common mistakes.
    func diagnostic(locator: YAMLSourceLocator) -> Diagnostic {
        let span: SourceSpan
        if let tab = tabInIndentation(locator: locator) {
            span = locator.span(tab, tab + 1)
        } else if isUnterminatedString, let contextIndex {
            span = locator.span(contextIndex, contextIndex + 1)
        } else if let index {
            span = locator.span(index, min(index + 1, locator.scalars.count))
        } else {
            span = locator.span(byteOffset: byteOffset ?? 0)
        }
        var notes: [Diagnostic.Note] = []
        if let context, let contextIndex, contextIndex != index, !isUnterminatedString {
            let contextSpan = locator.span(contextIndex, contextIndex + 1)
            notes.append(Diagnostic.Note(context.replacingPrefix("while ", with: "") + " started here", span: contextSpan))
        }
        let explained = explanation(locator: locator)
        return .yamlSyntax(explained.summary, span: span, hint: explained.hint, notes: notes)
    }

    private func explanation(locator: YAMLSourceLocator) -> (summary: String, hint: String?) {
        if tabInIndentation(locator: locator) != nil {
            return ("tab character in indentation", "YAML indents with spaces only; replace the tabs with spaces")
        }
        switch problem {
        case "mapping values are not allowed in this context":
            return ("unexpected ':' in a value",
                    "quote the value if it contains ': ', or check the indentation of this line")
        case "did not find expected key":
            return ("bad indentation: expected a key here", "align this line with the keys of its mapping")
        case "did not find expected '-' indicator":
            return ("bad indentation: expected a '- ' item here", "align this line with the items of its list")
        case "could not find expected ':'":
            return ("missing ':' after a key", "write 'key: value', or quote a value that spans lines")
        case "found unexpected end of stream" where isUnterminatedString:
            return ("unterminated quoted string", "add the closing quote")
        case "did not find expected node content":
            return ("expected a value here", "close the open '[' or '{', or remove the stray indicator")
        case "did not find expected ',' or ']'":
            return ("expected ',' or ']' in a flow sequence", "close the '[' or separate items with ','")
        case "did not find expected ',' or '}'":
            return ("expected ',' or '}' in a flow mapping", "close the '{' or separate entries with ','")
        case "found undefined tag handle":
            return ("undefined tag handle", "write '!!type' for standard tags or '!name' for local ones")
        case "control characters are not allowed":
            return ("control character in the file", "YAML files must be printable text")
        case "found character that cannot start any token":
            if let index, index < locator.scalars.count {
                let character = locator.scalars[index]
                if character == "`" || character == "@" {
                    return ("'\(character)' cannot start a plain value", "quote the value")
                }
            }
        default:
            break
        }
        var summary = problem
        if let context { summary = "\(problem) \(context)" }
        return (summary, nil)
    }

    private var isUnterminatedString: Bool {
        problem == "found unexpected end of stream" && (context?.contains("quoted scalar") ?? false)
    }

    /// The index of a tab in the leading whitespace of the problem's line, if there is one.
    private func tabInIndentation(locator: YAMLSourceLocator) -> Int? {
        if problem.contains("tab") { return index }
        guard let index else { return nil }
        let line = locator.position(index).line
        // A tab at the start of this line or the line before usually explains the error.
        for candidate in [line, line - 1] where candidate >= 1 && candidate <= locator.lineStarts.count {
            var position = locator.lineStarts[candidate - 1]
            while position < locator.scalars.count {
                let scalar = locator.scalars[position]
                if scalar == "\t" { return position }
                if scalar != " " { break }
                position += 1
            }
        }
        return nil
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
