import Testing
import YAML

@Suite("YAMLEmitter")
struct YAMLEmitterTests {
    private static func map(_ pairs: KeyValuePairs<String, YAMLValue>) -> YAMLValue {
        .mapping(pairs.map { YAMLPair(.string($0.key), $0.value) })
    }

    @Test("writes what Ansible's to_yaml writes", arguments: [
        (YAMLValue.string("foo"), "foo\n"),
        (.string("2024-01-01"), "'2024-01-01'\n"),
        (.string("yes"), "'yes'\n"),
        (.string("123"), "'123'\n"),
        (.string("1e3"), "1e3\n"),
        (.string(""), "''\n"),
        (.string("a: b"), "'a: b'\n"),
        (.string("tab\there"), "\"tab\\there\"\n"),
        (.string("two\nlines"), "'two\n\n  lines'\n"),
        (.float(1e20), "1.0e+20\n"),
        (.float(.infinity), ".inf\n"),
        (.null, "null\n"),
        (.string("ship it \u{1F680}"), "\"ship it \\U0001F680\"\n"),
        (.string("x\u{85}y"), "\"x\\Ny\"\n"),
        (map(["b": .int(1), "a": .sequence([.int(1), .int(2)])]), "a: [1, 2]\nb: 1\n"),
        (map(["k": .sequence([.mapping([]), .sequence([])])]), "k:\n- {}\n- []\n"),
    ])
    func toYAML(value: YAMLValue, expected: String) {
        #expect(YAMLEmitter.emit(value, options: .toYAML) == expected)
    }

    @Test("to_nice_yaml indents nested mappings by 4 but not sequences in mappings")
    func toNiceYAML() {
        let value = Self.map(["outer": Self.map(["list": .sequence([.string("a"), .bool(true)])])])
        #expect(YAMLEmitter.emit(value, options: .toNiceYAML) == "outer:\n    list:\n    - a\n    - true\n")
    }

    @Test("long plain strings wrap at the width onto indented continuation lines")
    func wrapping() {
        let words = Array(repeating: "word", count: 25).joined(separator: " ")
        let block = YAMLEmitter.emit(Self.map(["key": .string(words)]), options: YAMLEmitOptions(flowStyle: .block))
        #expect(block == "key: " + Array(repeating: "word", count: 16).joined(separator: " ") + "\n  "
            + Array(repeating: "word", count: 9).joined(separator: " ") + "\n")
        let flow = YAMLEmitter.emit(Self.map(["key": .string(words)]), options: .toYAML)
        #expect(flow.hasPrefix("{key: word") && flow.contains("\n    word") && flow.hasSuffix("word}\n"))
    }

    @Test("keys longer than 128 UTF-8 bytes become complex keys")
    func longKeys() {
        func emit(_ key: String) -> String {
            YAMLEmitter.emit(.mapping([YAMLPair(.string(key), .int(1))]), options: .toNiceYAML)
        }
        let ascii = String(repeating: "k", count: 128)
        #expect(emit(ascii) == "\(ascii): 1\n")
        #expect(emit(ascii + "k") == "? \(ascii)k\n: 1\n")
        let accented = String(repeating: "é", count: 65)
        #expect(emit(accented) == "? \(accented)\n: 1\n")
    }

    @Test("a negative width never wraps; an indent outside 2...9 is 2")
    func optionEdges() {
        let words = Array(repeating: "word", count: 40).joined(separator: " ")
        let value = Self.map(["k": Self.map(["n": .string(words)])])
        let emitted = YAMLEmitter.emit(value, options: YAMLEmitOptions(indent: 12, width: -1, flowStyle: .block))
        #expect(emitted == "k:\n  n: \(words)\n")
    }

    @Test("keys Python cannot sort keep their order")
    func mixedKeys() {
        let value = YAMLValue.mapping([YAMLPair(.string("b"), .int(1)), YAMLPair(.int(2), .int(2)), YAMLPair(.string("a"), .int(3))])
        #expect(YAMLEmitter.emit(value, options: .toNiceYAML) == "b: 1\n2: 2\na: 3\n")
    }
}
