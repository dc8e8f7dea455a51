import Diagnostics
import Testing

@Suite("Diagnostics point at the exact character and show the line")
struct DiagnosticRendererTests {
    @Test("columns count Unicode scalars, not bytes")
    func columnsCountScalars() {
        let file = SourceFile(path: "x.yaml", text: "a: 1\nnäme: {{ x }}\n")
        let offset = Array("a: 1\nnäme: ".utf8).count
        #expect(file.position(ofOffset: offset) == SourcePosition(line: 2, column: 7))
        #expect(file.position(ofOffset: 0) == SourcePosition(line: 1, column: 1))
        #expect(file.position(ofOffset: 10_000) == SourcePosition(line: 3, column: 1))
    }

    @Test("the rendering has the location, the line, a caret under the span, and the hint")
    func rendering() {
        let file = SourceFile(path: "t.j2", text: "line one\n{{ x | to_yml }}\n")
        let span = SourceSpan(path: "t.j2", start: SourcePosition(line: 2, column: 8), end: SourcePosition(line: 2, column: 14))
        let diagnostic = Diagnostic(code: "template.syntax", summary: "no filter named 'to_yml'", span: span, hint: "did you mean 'to_yaml'?")
        let text = DiagnosticRenderer(files: ["t.j2": file]).render(diagnostic)
        #expect(
            text == """
                t.j2:2:8: error: no filter named 'to_yml'
                   |
                 2 | {{ x | to_yml }}
                   |        ^^^^^^
                  hint: did you mean 'to_yaml'?

                """)
    }

    @Test("notes carry their own locations")
    func notes() {
        let note = Diagnostic.Note("first defined here", span: SourceSpan(path: "a.yaml", start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 2)))
        let diagnostic = Diagnostic(code: "yaml.duplicate-key", summary: "duplicate key 'a'", span: nil, notes: [note])
        #expect(DiagnosticRenderer().render(diagnostic) == "error: duplicate key 'a'\n  note: a.yaml:1:1: first defined here\n")
    }

    @Test("diagnostics compare by code and place, not wording")
    func equality() {
        let span = SourceSpan(path: "a", start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 2))
        #expect(Diagnostic(code: "c", summary: "one wording", span: span) == Diagnostic(code: "c", summary: "another", span: span))
        #expect(Diagnostic(code: "c", summary: "x", span: span) != Diagnostic(code: "d", summary: "x", span: span))
    }
}
