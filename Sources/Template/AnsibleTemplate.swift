import Diagnostics

/// Ansible's template module on top of the Jinja2 engine: the `#jinja2:` first line, and the
/// trailing newlines Ansible restores after Jinja2 drops the last one.
package enum AnsibleTemplate {
    /// Renders a whole template file as `ansible.builtin.template` and `lookup('template')` do.
    package static func render(
        text: String, path: String, environment: TemplateEnvironment, variables: any VariableSource
    ) throws(TemplateError) -> String {
        let template = try parse(text: text, path: path, environment: environment)
        return try render(template, environment: environment, variables: variables)
    }

    /// The variables the template module adds (the user's own take precedence): `ansible_managed`,
    /// `omit`, and where the template lives.
    package static func moduleVariables(path: String) -> some VariableSource {
        ModuleVariables(path: path)
    }

    /// The template module's own variables, answered without building a table per render.
    struct ModuleVariables: VariableSource {
        let path: String

        func value(named name: String) throws(TemplateError) -> Value? {
            switch name {
            case "ansible_managed": .string("Ansible managed")
            case "omit": .omit
            case "template_path", "template_fullpath": .string(path)
            default: nil
            }
        }

        var names: [String] { ["ansible_managed", "omit", "template_path", "template_fullpath"] }
    }



    /// A parsed template file together with the settings its header asked for.
    package struct File: Sendable {
        package let template: Template
        package let options: TemplateOptions
        /// Newlines at the end of the source (after the header), which Ansible restores.
        package let trailingNewlines: Int
    }

    package static func parse(text: String, path: String, environment: TemplateEnvironment) throws(TemplateError) -> File {
        var options = environment.options
        var body = Substring(text)
        var origin = SourcePosition(line: 1, column: 1)
        if text.hasPrefix("#jinja2:") {
            let lineEnd = text.firstIndex(of: "\n") ?? text.endIndex
            let header = text[text.index(text.startIndex, offsetBy: 8)..<lineEnd]
            try applyHeader(header, to: &options, path: path)
            body = lineEnd < text.endIndex ? text[text.index(after: lineEnd)...] : ""
            origin = SourcePosition(line: 2, column: 1)
        }
        var copy = environment
        copy.options = options
        let source = TemplateSource(text: String(body), path: path, origin: origin)
        let template = try copy.parse(source, options: options)
        let trailing = body.reversed().prefix(while: { $0 == "\n" || $0 == "\r\n" }).count
        return File(template: template, options: options, trailingNewlines: trailing)
    }

    package static func render(_ file: File, environment: TemplateEnvironment, variables: any VariableSource) throws(TemplateError) -> String {
        var copy = environment
        copy.options = file.options
        let all = LayeredVariables(base: moduleVariables(path: file.template.source.path), overrides: variables)
        var (output, emitted) = try copy.renderReportingEmission(file.template, variables: all)
        // Ansible 2.19 renders a template that produced no node at all as None: an empty file.
        if !emitted { return "" }
        let have = output.reversed().prefix(while: { $0 == "\n" || $0 == "\r\n" }).count
        if file.trailingNewlines > have {
            output += String(repeating: file.options.newlineSequence, count: file.trailingNewlines - have)
        }
        return output
    }

    static let headerKeys = [
        "trim_blocks", "lstrip_blocks", "keep_trailing_newline", "newline_sequence", "block_start_string", "block_end_string",
        "variable_start_string", "variable_end_string", "comment_start_string", "comment_end_string",
    ]

    /// `#jinja2: trim_blocks: False, lstrip_blocks: True` — values are Python literals.
    static func applyHeader(_ header: Substring, to options: inout TemplateOptions, path: String) throws(TemplateError) {
        for pair in header.split(separator: ",") {
            guard let colon = pair.firstIndex(of: ":") else {
                throw TemplateError.syntax(
                    "failed to parse jinja2 override '\(String(pair).trimmingCharacters(in: " "))'", span: SourceSpan(path: path, start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 9)),
                    hint: "write key: value pairs separated by commas")
            }
            let key = String(pair[..<colon]).trimmingCharacters(in: " \t")
            let raw = String(pair[pair.index(after: colon)...]).trimmingCharacters(in: " \t\r")
            let span = SourceSpan(path: path, start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 9))
            switch key {
            case "trim_blocks": options.trimBlocks = try literalBool(raw, key, span)
            case "lstrip_blocks": options.lstripBlocks = try literalBool(raw, key, span)
            case "keep_trailing_newline": options.keepTrailingNewline = try literalBool(raw, key, span)
            case "newline_sequence": options.newlineSequence = try literalString(raw, key, span)
            case "block_start_string": options.blockStart = try literalString(raw, key, span)
            case "block_end_string": options.blockEnd = try literalString(raw, key, span)
            case "variable_start_string": options.variableStart = try literalString(raw, key, span)
            case "variable_end_string": options.variableEnd = try literalString(raw, key, span)
            case "comment_start_string": options.commentStart = try literalString(raw, key, span)
            case "comment_end_string": options.commentEnd = try literalString(raw, key, span)
            default:
                throw TemplateError.syntax(
                    "invalid '#jinja2:' override key '\(key)'", span: span,
                    hint: Suggestions.didYouMean(key, among: headerKeys) ?? "known keys: \(headerKeys.joined(separator: ", "))")
            }
        }
    }

    private static func literalBool(_ raw: String, _ key: String, _ span: SourceSpan) throws(TemplateError) -> Bool {
        switch raw {
        case "True": return true
        case "False": return false
        default: throw TemplateError.syntax("jinja2 override '\(key)' needs True or False, not '\(raw)'", span: span)
        }
    }

    private static func literalString(_ raw: String, _ key: String, _ span: SourceSpan) throws(TemplateError) -> String {
        guard raw.count >= 2, let first = raw.first, first == raw.last, first == "'" || first == "\"" else {
            throw TemplateError.syntax("jinja2 override '\(key)' needs a quoted string, not '\(raw)'", span: span)
        }
        let value = StringEscapes.decode(String(raw.dropFirst().dropLast()))
        guard !value.isEmpty else { throw TemplateError.syntax("jinja2 override '\(key)' cannot be empty", span: span) }
        return value
    }
}
