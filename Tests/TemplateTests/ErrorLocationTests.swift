import Diagnostics
import Template
import Testing

@Suite("Template errors say what is wrong and exactly where")
struct ErrorLocationTests {
    @Test(
        "each error points at its marker",
        arguments: [
            ("{{ 1️⃣nosuch }}", TemplateError.Code.undefined),
            ("a\n  {{ d.1️⃣missing }}", .undefined),
            ("{{ x | 1️⃣to_yml }}", .syntax),
            ("{% if x is 1️⃣definedd %}{% endif %}", .syntax),
            ("{{ 1️⃣1 + 'a' }}", .type),
            ("x\n{{ 1️⃣1 / 0 }}", .zeroDivision),
            ("{% for x in [1] %}{% 1️⃣endif %}", .syntax),
            ("{{ x 1️⃣}", .syntax),
            ("{% 1️⃣if true %}\nopen", .syntax),
            ("{{ 1️⃣'abc }}", .syntax),
            ("{% 1️⃣frobnicate %}", .syntax),
            ("{{ [1, 2 1️⃣3] }}", .syntax),
            ("{% for x in 1️⃣none %}{% endfor %}", .type),
            ("{{ 1️⃣undefined_macro() }}", .undefined),
            ("{% include 1️⃣'missing.j2' %}", .include),
            ("ok\n{{ 1️⃣nothing | upper }}", .undefined),
        ])
    func pointsAtMarker(source: String, code: TemplateError.Code) throws {
        let marked = Marked(source)
        let error = try #require(renderError(marked.text, ["x": .int(1), "d": .dict(["a": .int(1)])]))
        #expect(error.code == code)
        let span = try #require(error.span)
        #expect(span.start == marked.positions[0], "\(error.message)")
        #expect(span.path == "test.j2")
    }

    @Test("an unknown filter suggests the closest one")
    func didYouMean() throws {
        let error = try #require(renderError("{{ x | to_yml }}", ["x": .int(1)]))
        #expect(error.message == "no filter named 'to_yml'")
        #expect(error.hint == "did you mean 'to_yaml'?")
    }

    @Test("suggestions prefer a name that holds every letter typed")
    func suggestionTieBreak() {
        #expect(Suggestions.didYouMean("taks", among: ["tags", "tasks", "vars"]) == "did you mean 'tasks'?")
        #expect(Suggestions.didYouMean("to_yml", among: ["to_yaml", "to_json"]) == "did you mean 'to_yaml'?")
        #expect(Suggestions.didYouMean("zzzzzz", among: ["tags"]) == nil)
    }

    @Test("an unclosed block names the block that is open")
    func unclosedBlock() throws {
        let error = try #require(renderError("{% for x in y %}\n{% if x %}\n"))
        #expect(error.message.contains("'if'"))
    }

    @Test("a template inside a YAML scalar reports the YAML file's position")
    func embeddedOrigin() throws {
        let environment = TemplateEnvironment()
        let template = try environment.parse("name: {{ oops }}", path: "roles/x/tasks/main.yaml", origin: SourcePosition(line: 7, column: 12))
        do {
            _ = try environment.render(template, variables: VariableTable())
            Issue.record("expected an undefined error")
        } catch {
            #expect(error.span?.path == "roles/x/tasks/main.yaml")
            #expect(error.span?.start == SourcePosition(line: 7, column: 12 + 9))
        }
    }

    @Test("undefined values are fine until used")
    func lazyUndefined() throws {
        #expect(try render("{{ nope | default('d') }}|{{ nope.deeper | default('e') }}|{{ nope is defined }}") == "d|e|False")
        #expect(renderError("{% if nope %}{% endif %}")?.code == .undefined)
    }

    @Test("runaway recursion is an error, not a crash")
    func recursion() throws {
        let error = try #require(renderError("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"))
        #expect(error.code == .recursion)
    }
}
