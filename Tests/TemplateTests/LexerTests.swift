import Template
import Testing

/// Whitespace control and delimiters, each expectation checked against Python Jinja2 3.1.6 with
/// Ansible's settings (trim_blocks on, lstrip_blocks off unless the header says otherwise).
@Suite("The lexer splits templates and controls whitespace like Jinja2")
struct LexerTests {
    @Test(
        "whitespace control",
        arguments: [
            ("a\n{% if true %}\nb\n{% endif %}\nc", "a\nb\nc"),
            ("a  {%- if true %}b{% endif -%}  \n  c", "abc"),
            ("{{- ' x ' -}}", " x "),
            ("a\n  {{- 'b' }}", "ab"),
            ("{% if true +%}\nkeep{% endif %}", "\nkeep"),
            ("x {# note -#}   y", "x y"),
            ("x\n{# note #}\ny", "x\ny"),
            ("{% raw -%}  {{ kept }}  {%- endraw %}", "{{ kept }}"),
            ("  {% raw %}{% x %}{% endraw %}\n!", "  {% x %}!"),
            ("{{ {'a': {'b': 1}} }}", "{'a': {'b': 1}}"),
            ("{{ '}}' }}{{ \"{%\" }}", "}}{%"),
            ("line1\r\nline2\r\n{% if true %}\r\nx\r\n{% endif %}\r\n", "line1\nline2\nx\n"),
            ("{{ 1_000 + 0x10 + 0o10 + 0b10 }} {{ 1e3 }} {{ 2.5e-1 }}", "1026 1000.0 0.25"),
            ("{{ 'a' 'b' }}{{ \"\\u00e9\\x41\\n\" }}", "abéA\n"),
        ])
    func whitespace(source: String, expected: String) throws {
        #expect(try render(source) == expected)
    }

    @Test("lstrip_blocks from the header strips indentation before block tags only")
    func lstripBlocks() throws {
        let source = "#jinja2: lstrip_blocks: True\nlist:\n    {% for x in [1, 2] %}\n  - {{ x }}\n    {% endfor %}\n  {{ 'var tags keep indentation' }}\n"
        #expect(try render(source) == "list:\n  - 1\n  - 2\n  var tags keep indentation\n")
    }

    @Test("a number right after a dot indexes: a.0.1")
    func dottedIndices() throws {
        let nested: Value = .list([.list([.string("x"), .string("y")])])
        #expect(try render("{{ a.0.1 }}", ["a": nested]) == "y")
    }

    @Test("mismatched brackets and stray characters are syntax errors at their position")
    func badTokens() throws {
        let cases = [("{{ (1] }}", 6), ("{{ 1 ? 2 }}", 6), ("{{ x ) }}", 6)]
        for (source, column) in cases {
            let error = try #require(renderError(source, ["x": .int(1)]))
            #expect(error.code == .syntax)
            #expect(error.span?.start.column == column, "\(source): \(error)")
        }
    }

    @Test("custom delimiters from the header")
    func delimiters() throws {
        let source = "#jinja2: block_start_string: '[%', block_end_string: '%]', comment_start_string: '[#', comment_end_string: '#]'\n[% for x in [1] %][# c #]{{ x }}[% endfor %]"
        #expect(try render(source) == "1")
    }
}
