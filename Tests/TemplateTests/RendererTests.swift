import Template
import Testing

/// Expected outputs below were produced by Python Jinja2 3.1.6 configured as Ansible configures
/// it (trim_blocks, StrictUndefined, loopcontrols and do extensions), adjusted where
/// ansible-core 2.19 finalizes output differently (noted at the case).
@Suite("Rendering statements and expressions like Jinja2")
struct RendererTests {
    @Test(
        "renders like Jinja2",
        arguments: [
            ("{% for x in [1,2,3] %}\n{{ x }}\n{% endfor %}", "1\n2\n3\n"),
            ("  {% if true %}\nyes\n  {% endif %}\nend", "  yes\n  end"),
            ("a  {%- if true -%}  b  {%- endif %}  c", "ab  c"),
            ("{{ 'a' ~ 1 ~ none }}|{{ 1 / 2 }}|{{ 7 // 2 }}|{{ -7 // 2 }}|{{ -7 % 3 }}|{{ 2 ** 10 }}|{{ 2**3**2 }}", "a1None|0.5|3|-4|2|1024|64"),
            // Ansible 2.19 finalizes output: tuples print as lists, a bare None prints nothing.
            ("{{ [1, 'a', none, true, 1.5] }}|{{ {'a': [1, {'b': none}]} }}|{{ (1,) }}|{{ () }}|{{ (1, 'x') }}|{{ none }}", "[1, 'a', None, True, 1.5]|{'a': [1, {'b': None}]}|[1]|[]|[1, 'x']|"),
            ("{% for x in [] %}{{ x }}{% else %}empty{% endfor %}", "empty"),
            ("{% set ns = namespace(n=0) %}{% for x in [1,2,3] %}{% set ns.n = ns.n + x %}{% endfor %}{{ ns.n }}", "6"),
            ("{% set x = 1 %}{% for i in [1] %}{% set x = 2 %}{% endfor %}{{ x }}", "1"),
            ("{% macro m(a, b='B') %}[{{ a }}{{ b }}{{ varargs }}{{ kwargs }}]{% endmacro %}{{ m(1) }}{{ m(1, 2, 3, c=4) }}", "[1B[]{}][12[3]{'c': 4}]"),
            ("{% macro w() %}<{{ caller() }}>{% endmacro %}{% call w() %}inner{% endcall %}", "<inner>"),
            ("{% raw %}{{ not }}{% endraw %}", "{{ not }}"),
            ("{{ 'abc'[1:] }}{{ 'abc'[-1] }}{{ [1,2,3][::-1] }}", "bcc[3, 2, 1]"),
            ("{% set x %}block {{ 1 }}{% endset %}[{{ x }}]", "[block 1]"),
            ("{{ 1 if false }}", ""),
            ("{{ 'a' if 0 else 'b' }}{{ 1 < 2 < 3 }}{{ 3 > 2 > 2 }}{{ 'b' in 'abc' }}{{ 1 not in [1] }}", "bTrueFalseTrueFalse"),
            ("{{ 0.1 + 0.2 }}|{{ 1e20 }}|{{ 1e16 }}|{{ 1e15 }}|{{ 1.0 }}|{{ 1e-5 }}|{{ 0.0001 }}|{{ 2/3 }}|{{ 10/2 }}|{{ -0.0 }}", "0.30000000000000004|1e+20|1e+16|1000000000000000.0|1.0|1e-05|0.0001|0.6666666666666666|5.0|-0.0"),
            ("{{ \"it's\" }}|{{ ['it\\'s', \"q\\\"\"] }}|{{ ['\\n\\t\\\\'] }}", "it's|[\"it's\", 'q\"']|['\\n\\t\\\\']"),
            ("{% for a in [[1,2],[3]] %}{% for b in a %}{{ loop.index }}.{{ b }} {% endfor %}|{% endfor %}", "1.1 2.2 |1.3 |"),
            ("x {# comment #}\ny\n{# c2 #}\nz", "x y\nz"),
            ("{%- for x in [1,2] %}\n  {{ x }}\n{%- endfor %}", "  1  2"),
            ("{{ '%s-%03d' % ('a', 7) }}|{{ '%.2f' % 3.14159 }}|{{ '%(x)s' % {'x': 1} }}", "a-007|3.14|1"),
            ("{% for i in range(3) %}{{ loop.cycle('odd', 'even') }}{{ loop.revindex }}{{ loop.first }}{% endfor %}", "odd3Trueeven2Falseodd1False"),
            ("{% set a, b = 1, 2 %}{{ a }}{{ b }}{% with c = 3 %}{{ c }}{% endwith %}", "123"),
            ("{{ 'x' * 3 }}{{ [0] * 2 }}{{ 3 * 'y' }}", "xxx[0, 0]yyy"),
            ("{% for x in 'ab' %}{{ x }}{% endfor %}{% for x in {'k': 1} %}{{ x }}{% endfor %}", "abk"),
            ("{{ 10 - 2 - 3 }}|{{ 2 * 3 + 4 }}|{{ -2 ** 2 }}|{{ not true or true }}", "5|10|4|True"),
        ])
    func rendersLikeJinja(source: String, expected: String) throws {
        #expect(try render(source) == expected)
    }

    @Test("break, continue and do are unknown tags, as Ansible enables no Jinja2 extensions")
    func noExtensions() throws {
        for source in ["{% for x in [1] %}{% break %}{% endfor %}", "{% for x in [1] %}{% continue %}{% endfor %}", "{% do x %}"] {
            let error = try #require(renderError(source))
            #expect(error.message.hasPrefix("encountered unknown tag"))
        }
    }

    @Test("a set inside a loop body starts afresh each iteration and never leaks out")
    func loopScope() throws {
        let source = "{% set t = 0 %}{% for n in [1, 2, 3] %}{% set t = t + n %}{{ t }} {% endfor %}{{ t }}"
        #expect(try render(source) == "1 2 3 0")
    }

    @Test("append and update on a variable change it, as Python's in-place methods do")
    func inPlaceMethods() throws {
        let source = "{% set xs = [] %}{% for n in [1, 2] %}{% set _ = xs.append(n * 10) %}{% endfor %}{{ xs }}"
        #expect(try render(source) == "[10, 20]")
        let update = "{% set d = {} %}{% set _ = d.update({'a': 1}) %}{{ d }}"
        #expect(try render(update) == "{'a': 1}")
    }

    @Test("variables whose values are templates render lazily, with their native types")
    func lazyVariables() throws {
        let environment = TemplateEnvironment()
        let raw = VariableTable(["domain": .string("example.com"), "url": .string("https://{{ domain }}"), "n": .string("{{ 2 * 3 }}")])
        let variables = TemplatedVariables(raw, environment: environment)
        let template = try environment.parse("{{ url }} {{ n + 1 }}", path: "t.j2")
        #expect(try environment.render(template, variables: variables) == "https://example.com 7")
        let loop = TemplatedVariables(VariableTable(["a": .string("{{ b }}"), "b": .string("{{ a }}")]), environment: environment)
        #expect(throws: TemplateError.self) { try environment.render(try environment.parse("{{ a }}", path: "t.j2"), variables: loop) }
    }

    @Test("string literals keep backslashes in task arguments, not in template files")
    func escapeBackslashes() throws {
        var environment = TemplateEnvironment()
        #expect(try environment.evaluate(expression: "'a\\tb'", path: "t", variables: VariableTable()) == .string("a\tb"))
        environment.options.escapeBackslashes = true
        #expect(try environment.evaluate(expression: "'a\\tb'", path: "t", variables: VariableTable()) == .string("a\\tb"))
        #expect(try render("{{ 'a\\tb' }}{% set x = 'c\\td' %}{{ x }}") == "a\tbc\td")
    }

    @Test("variables, items and methods of dicts")
    func dictAccess() throws {
        let d: Value = .dict(["b": .int(1), "a": .int(2)])
        #expect(try render("{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}", ["d": d]) == "b=1;a=2;")
        #expect(try render("{{ missing is defined }}{{ d.missing is defined }}{{ d.a is defined }}", ["d": d]) == "FalseFalseTrue")
        #expect(try render("{{ d['a'] }}{{ d.get('z', 'dflt') }}", ["d": d]) == "2dflt")
    }

    @Test("the filtered loop counts only kept items")
    func filteredLoop() throws {
        let xs: Value = .list([.int(1), .int(2), .int(3)])
        let source = "{% for x in xs if x > 1 %}{{ loop.index }}/{{ loop.length }}:{{ x }}{{ ',' if not loop.last }}{% else %}none{% endfor %}"
        #expect(try render(source, ["xs": xs]) == "1/2:2,2/2:3")
    }

    @Test("a string's length counts code points, as Python's does")
    func codePointLength() throws {
        #expect(try render("{{ 'héllo'|length }}{{ '👍🏽x'|length }}{{ 'é'[0] }}") == "53é")
    }

    @Test("the template module keeps trailing newlines")
    func trailingNewlines() throws {
        #expect(try render("a\n") == "a\n")
        #expect(try render("a\n\n\n") == "a\n\n\n")
        #expect(try render("a") == "a")
        #expect(try render("{% if true %}x{% endif %}\n") == "x\n")
    }

    @Test("a #jinja2 first line overrides lstrip_blocks and trim_blocks")
    func jinjaHeader() throws {
        #expect(try render("#jinja2: lstrip_blocks: True\n  {% if true %}\nx\n  {% endif %}\n") == "x\n")
        #expect(try render("#jinja2: trim_blocks: False\n{% if true %}\nx{% endif %}") == "\nx")
        #expect(try render("#jinja2: variable_start_string: '[[', variable_end_string: ']]'\n[[ 1 + 1 ]]{{ x }}") == "2{{ x }}")
    }

    @Test("include renders with the current variables and loop")
    func include() throws {
        let files = ["part.j2": "[{{ item }}]"]
        #expect(try render("{% for item in [1, 2] %}{% include 'part.j2' %}{% endfor %}", files: files) == "[1][2]")
        #expect(try render("{% include 'nope.j2' ignore missing %}ok", files: files) == "ok")
    }

    @Test("macros from another template by import and from-import")
    func imports() throws {
        let files = ["macros.j2": "{% macro label(k, v) %}{{ k }}: {{ v }}{% endmacro %}"]
        #expect(try render("{% import 'macros.j2' as m %}{{ m.label('a', 1) }}", files: files) == "a: 1")
        #expect(try render("{% from 'macros.j2' import label as l %}{{ l('b', 2) }}", files: files) == "b: 2")
    }

    @Test("a recursive loop walks a tree")
    func recursiveLoop() throws {
        let tree: Value = .list([
            .dict(["name": .string("a"), "children": .list([.dict(["name": .string("b"), "children": .list([])])])])
        ])
        let source = "{% for n in tree recursive %}{{ n.name }}{{ loop.depth }}({{ loop(n.children) }}){% endfor %}"
        #expect(try render(source, ["tree": tree]) == "a1(b2())")
    }

    @Test("loop.changed remembers the previous value")
    func loopChanged() throws {
        let xs: Value = .list([.int(1), .int(1), .int(2)])
        #expect(try render("{% for x in xs %}{{ loop.changed(x) }} {% endfor %}", ["xs": xs]) == "True False True ")
    }
}
