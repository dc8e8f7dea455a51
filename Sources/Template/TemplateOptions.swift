/// The Jinja2 environment settings a template is lexed and rendered with.
///
/// The defaults are Ansible's template module's: `trim_blocks` on, `lstrip_blocks` off, and the
/// final newline dropped by the lexer and restored by the caller as Ansible restores it. A first
/// line `#jinja2: key: value, …` overrides them per template.
package struct TemplateOptions: Sendable, Hashable {
    package var trimBlocks = true
    package var lstripBlocks = false
    package var keepTrailingNewline = false
    package var newlineSequence = "\n"
    package var blockStart = "{%"
    package var blockEnd = "%}"
    package var variableStart = "{{"
    package var variableEnd = "}}"
    package var commentStart = "{#"
    package var commentEnd = "#}"
    /// Ansible's `escape_backslashes`: string literals inside `{{ … }}` keep their backslashes
    /// (`'\1'` stays backslash-one) because the text came from YAML, where the user already
    /// escaped once. On for task arguments and variables; off for template files, `lookup('template')`
    /// and `when:` conditions, as in ansible-core 2.19.
    package var escapeBackslashes = false
    /// Loop iterations plus macro calls one render may make before it is stopped.
    package var renderBudget = 50_000_000

    package init() {}

    /// Ansible's template module defaults.
    package static let ansible = TemplateOptions()
}
