import Template
import Testing
import YAML

@Suite("JSON and YAML conversions")
struct ValueConversionTests {
    @Test("JSON keeps the int/float distinction and Python's float text both ways")
    func jsonNumbers() throws {
        let value = try Value(json: "[1, 1.0, 1e16, 0.1, -0]")
        #expect(value.pythonRepr() == "[1, 1.0, 1e+16, 0.1, 0]")
        #expect(try value.jsonString() == "[1, 1.0, 1e+16, 0.1, 0]")
    }

    @Test("JSON syntax errors give Python's position wording")
    func jsonErrors() {
        #expect {
            try Value(json: "{\"a\": }")
        } throws: { error in
            (error as? TemplateError)?.message == "Expecting value: line 1 column 7 (char 6)"
        }
    }

    @Test("a function cannot be serialised")
    func callableIsNotSerialisable() {
        let function = Value.callable(Callable(name: "f", kind: .builtin) { _, _ in .none })
        #expect(throws: TemplateError.self) { try function.jsonString() }
        #expect(throws: TemplateError.self) { try function.yamlValue() }
    }

    @Test("YAML data converts both ways; tuples become sequences")
    func yamlRoundTrip() throws {
        let yaml = YAMLValue.mapping([
            YAMLPair(.string("a"), .sequence([.int(1), .float(1.5), .null, .bool(true)])),
            YAMLPair(.int(2), .string("x")),
        ])
        let value = Value(yaml: yaml)
        #expect(value.pythonRepr() == "{'a': [1, 1.5, None, True], 2: 'x'}")
        #expect(try value.yamlValue() == yaml)
        #expect(try Value.tuple([.int(1)]).yamlValue() == .sequence([.int(1)]))
    }

    @Test("a repeated YAML key keeps its first place and its last value")
    func yamlRepeatedKey() {
        let yaml = YAMLValue.mapping([
            YAMLPair(.string("a"), .int(1)), YAMLPair(.string("b"), .int(2)), YAMLPair(.string("a"), .int(3)),
        ])
        #expect(Value(yaml: yaml).pythonRepr() == "{'a': 3, 'b': 2}")
    }
}
