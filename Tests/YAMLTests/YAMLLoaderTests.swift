import Testing
import YAML

@Suite("YAMLLoader")
struct YAMLLoaderTests {
    private func load(_ text: String) throws -> [YAMLNode] {
        do {
            return try YAMLLoader.load(.init(path: "t.yml", text: text))
        } catch {
            throw DiagnosticListBox(summaries: error.diagnostics.map(\.description))
        }
    }

    /// The diagnostics of a load that must fail, as (code, "line:column", notes' "line:column").
    private func problems(_ text: String) -> [(code: String, at: String, notes: [String], summary: String)] {
        do {
            _ = try YAMLLoader.load(.init(path: "t.yml", text: text))
            return []
        } catch {
            return error.diagnostics.map { diagnostic in
                (diagnostic.code, diagnostic.span.map { $0.start.description } ?? "-",
                 diagnostic.notes.map { $0.span.map { $0.start.description } ?? "-" }, diagnostic.summary)
            }
        }
    }

    @Test("an empty file or one with only comments has no documents")
    func emptyStreams() throws {
        #expect(try load("").isEmpty)
        #expect(try load("# nothing here\n\n").isEmpty)
        #expect(try load("---\n").map(\.value) == [.null])
    }

    @Test("every document of a stream is loaded in order")
    func multipleDocuments() throws {
        let values = try load("a: 1\n---\n- x\n--- plain\n...\n").map(\.value)
        #expect(values == [.mapping([YAMLPair(.string("a"), .int(1))]), .sequence([.string("x")]), .string("plain")])
    }

    @Test("a duplicate key is reported at the second key with a note at the first")
    func duplicateKey() {
        let source = MarkedSource("1️⃣name: a\nother: b\n2️⃣name: c\n")
        let found = problems(source.text)
        #expect(found.count == 1)
        #expect(found.first?.code == "yaml.duplicate-key")
        #expect(found.first?.at == source.at(2))
        #expect(found.first?.notes == [source.at(1)])
    }

    @Test("keys that Python finds equal are duplicates: 1, 1.0 and true")
    func pythonKeyEquality() {
        #expect(problems("1: a\n1.0: b\n").map(\.code) == ["yaml.duplicate-key"])
        #expect(problems("{0x1: a, 1: b}").map(\.code) == ["yaml.duplicate-key"])
        #expect(problems("'1': a\n1: b\n").isEmpty)
    }

    @Test("a key overriding a merged key is not a duplicate")
    func mergeOverride() throws {
        let value = try load("base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n")[0].value
        guard case .mapping(let pairs) = value, case .mapping(let use) = pairs[1].value else {
            Issue.record("expected mappings")
            return
        }
        #expect(use == [YAMLPair(.string("x"), .int(1)), YAMLPair(.string("y"), .int(3))])
    }

    @Test("syntax errors point at the problem with a helpful summary")
    func syntaxError() {
        let source = MarkedSource("a: b1️⃣: c\n")
        let found = problems(source.text)
        #expect(found.map(\.code) == ["yaml.syntax"])
        #expect(found.first?.at == source.at(1))
        #expect(found.first?.summary.contains("':'") == true)
    }

    @Test("an unterminated string is reported at its opening quote")
    func unterminatedString() {
        let source = MarkedSource("a: 1️⃣\"open\nb: 2\n")
        let found = problems(source.text)
        #expect(found.first?.at == source.at(1))
        #expect(found.first?.summary == "unterminated quoted string")
    }

    @Test("a tab in indentation gets a clear message at the tab", arguments: ["a:\n1️⃣\tb: 1\n", "a:\n  b: 1\n1️⃣\tc: 2\n", "1️⃣\t- x\n"])
    func tabIndentation(marked: String) {
        let source = MarkedSource(marked)
        let found = problems(source.text)
        #expect(found.first?.code == "yaml.syntax")
        #expect(found.first?.at == source.at(1))
        #expect(found.first?.summary.contains("tab") == true)
    }

    @Test("syntax errors in several documents are all reported")
    func severalSyntaxErrors() {
        let source = MarkedSource("a: [1\n---\nok: 1\n---\nb: c1️⃣: d\n---\nc: 2️⃣*missing\n")
        let found = problems(source.text)
        #expect(found.count == 3)
        #expect(found.dropFirst().map(\.at) == [source.at(1), source.at(2)])
        #expect(found.map(\.code) == ["yaml.syntax", "yaml.syntax", "yaml.undefined-alias"])
    }

    @Test("columns count Unicode scalars, lines survive CRLF and a byte-order mark")
    func positions() throws {
        let source = MarkedSource("\u{FEFF}é: 😀\r\nkey: 1️⃣'v'\r\n")
        let nodes = try load(source.text)
        guard case .mapping(let pairs) = nodes.first?.content, case .scalar(let scalar) = pairs[1].value.content else {
            Issue.record("expected a mapping")
            return
        }
        #expect(pairs[1].value.span.start.description == source.at(1))
        #expect(scalar.text == "v")
        #expect(pairs[0].value.value == .string("😀"))
    }

    @Test("contentStart is where the text starts for every scalar style")
    func contentStart() throws {
        let source = MarkedSource("""
            plain: 1️⃣text
            single: '2️⃣it''s'
            double: !!str "3️⃣x"
            anchored: &a 4️⃣value
            literal: |
              5️⃣line one
              line two
            folded: >4-
                6️⃣  kept spaces
                next
            """)
        let nodes = try load(source.text)
        guard case .mapping(let pairs) = nodes.first?.content else {
            Issue.record("expected a mapping")
            return
        }
        let starts = pairs.prefix(6).compactMap { pair -> String? in
            guard case .scalar(let scalar) = pair.value.content else { return nil }
            return scalar.contentStart.description
        }
        #expect(starts == (1...6).map(source.at))
        guard case .scalar(let folded) = pairs[5].value.content else { return }
        #expect(folded.text == "  kept spaces\nnext")
        #expect(folded.style == .folded)
    }

    @Test("spans cover the node from its properties to its end")
    func spans() throws {
        let nodes = try load("key: &x [1, 2]\nblock:\n  - a\n  - bb\n")
        guard case .mapping(let pairs) = nodes.first?.content else {
            Issue.record("expected a mapping")
            return
        }
        #expect("\(pairs[0].value.span.start)-\(pairs[0].value.span.end)" == "1:6-1:15")
        #expect("\(pairs[1].value.span.start)-\(pairs[1].value.span.end)" == "3:3-4:7")
    }

    @Test("!unsafe keeps the text as a string and marks the node")
    func unsafe() throws {
        let nodes = try load("cmd: !unsafe '{{ not templated }}'\nn: !unsafe 12\n")
        guard case .mapping(let pairs) = nodes.first?.content else { return }
        #expect(pairs[0].value.value == .string("{{ not templated }}"))
        #expect(pairs[0].value.isUnsafe)
        #expect(pairs[1].value.value == .string("12"))
        #expect(!pairs[0].key.isUnsafe)
    }

    @Test("tags and values rig cannot load are diagnostics", arguments: [
        ("secret: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6162\n", "yaml.vault-unsupported"),
        ("n: 99999999999999999999\n", "yaml.int-overflow"),
        ("n: -0x8000000000000001\n", "yaml.int-overflow"),
        ("n: !!int twelve\n", "yaml.invalid-scalar"),
        ("n: !!bool maybe\n", "yaml.invalid-scalar"),
        ("n: !custom x\n", "yaml.unknown-tag"),
        ("n: !!binary aGk=\n", "yaml.unknown-tag"),
        ("n: !!map [1]\n", "yaml.tag-mismatch"),
        ("a: *nowhere\n", "yaml.undefined-alias"),
        ("a: &r [*r]\n", "yaml.recursive-alias"),
        ("a: &x 1\nb: &x 2\n", "yaml.duplicate-anchor"),
        ("? [1]\n: x\n", "yaml.unhashable-key"),
        ("a:\n  <<: [1]\n", "yaml.merge"),
        ("a: \u{1}\n", "yaml.syntax"),
        ("a: b\u{0}c\n", "yaml.syntax"),
    ])
    func rejected(text: String, code: String) {
        #expect(problems(text).map(\.code) == [code])
    }

    @Test("the largest and smallest 64-bit integers load")
    func intLimits() throws {
        #expect(try load("[9223372036854775807, -9223372036854775808, 0x7fffffffffffffff]")[0].value
            == .sequence([.int(.max), .int(.min), .int(.max)]))
    }

    @Test("nesting deeper than the limit is a diagnostic, not a crash", arguments: [
        String(repeating: "[", count: 100_000),
        String(repeating: "{a: ", count: 5_000),
        (0..<600).map { String(repeating: "  ", count: $0) + "- x:\n" }.joined(),
    ])
    func deepNesting(text: String) {
        let codes = problems(text).map(\.code)
        #expect(codes.contains("yaml.too-deep") || codes.contains("yaml.syntax"))
        #expect(!codes.isEmpty)
    }

    @Test("nesting up to the limit loads")
    func nestingWithinLimit() throws {
        let text = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(try load(text).count == 1)
    }

    @Test("an alias bomb stops with a diagnostic")
    func billionLaughs() {
        var text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        #expect(problems(text).map(\.code) == ["yaml.alias-expansion"])
    }
}
