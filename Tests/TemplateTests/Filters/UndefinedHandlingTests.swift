import Template
import Testing

/// How filters and tests treat undefined inputs and arguments (Ansible's behaviour, checked by
/// hand against ansible-core 2.19.14).
@Suite("undefined values in filters")
struct UndefinedHandlingTests {
    let runtime = FakeRuntime()
    let missing = Value.undefined(Undefined(message: "'nope' is undefined", span: nil))

    func filter(_ name: String, _ value: Value, _ positional: [Value] = []) throws(TemplateError) -> Value {
        try runtime.filter(name, value, Arguments(positional), at: nil)
    }

    @Test("default replaces an undefined value, with '' when no default is given")
    func defaultReplacesUndefined() throws {
        #expect(try filter("default", missing, [.string("x")]) == .string("x"))
        #expect(try filter("d", missing) == .string(""))
        #expect(try filter("default", .string("set"), [.string("x")]) == .string("set"))
    }

    @Test("default with a non-Boolean 'boolean' argument is an error, as Ansible validates it")
    func defaultValidatesBoolean() {
        #expect(throws: TemplateError.self) { try filter("default", .string(""), [.string("x"), .string("yes")]) }
    }

    @Test("mandatory fails on undefined, with the given message")
    func mandatoryFails() {
        #expect { try filter("mandatory", missing) } throws: { ($0 as? TemplateError)?.code == .undefined }
        #expect {
            try filter("mandatory", missing, [.string("set x first")])
        } throws: { error in
            (error as? TemplateError)?.code == .raised && (error as? TemplateError)?.message == "set x first"
        }
    }

    @Test("filters that do not handle undefined input reject it before running")
    func ordinaryFiltersRejectUndefined() {
        #expect { try filter("upper", missing) } throws: { ($0 as? TemplateError)?.code == .undefined }
    }

    @Test("an undefined first argument is an error when the filter uses it", arguments: [
        ("replace", Value.string("abc"), 2), ("join", .list([.int(1)]), 1), ("format", .string("%s"), 1),
        ("regex_replace", .string("abc"), 2), ("union", .list([]), 1), ("combine", .dict(["k": .int(1)]), 1),
        ("indent", .string("a\nb"), 1), ("split", .string("a b"), 1), ("center", .string("a"), 1),
        ("batch", .list([]), 1), ("hash", .string("a"), 1),
    ])
    func undefinedArgument(_ name: String, _ value: Value, _ count: Int) {
        var arguments = [Value](repeating: .string("x"), count: count)
        arguments[0] = missing
        #expect { try filter(name, value, arguments) } throws: { ($0 as? TemplateError)?.code == .undefined }
    }

    @Test("ternary passes an undefined branch through lazily, as Jinja2 does")
    func ternaryIsLazy() throws {
        #expect(try filter("ternary", .bool(true), [.string("yes"), missing]) == .string("yes"))
        #expect(try filter("ternary", .bool(false), [.string("yes"), missing]).isUndefined)
    }

    @Test("first, last, min and max of an empty sequence are undefined")
    func emptyAggregatesAreUndefined() throws {
        for name in ["first", "last", "min", "max"] {
            let result = try filter(name, .list([]))
            guard case .undefined(let undefined) = result else {
                Issue.record("\(name) returned \(result.pythonRepr())")
                continue
            }
            #expect(undefined.message.hasSuffix("sequence was empty."))
        }
    }

    @Test("items of an undefined value is empty; type_debug names Ansible's marker")
    func undefinedTolerantFilters() throws {
        #expect(try filter("items", missing) == .list([]))
        #expect(try filter("type_debug", missing) == .string("UndefinedMarker"))
    }

    @Test("map(attribute=) keeps a missing attribute undefined instead of failing at once")
    func mapKeepsUndefined() throws {
        let items = Value.list([.dict(["a": .int(1)]), .dict(["b": .int(2)])])
        let result = try runtime.filter("map", items, Arguments(keyword: ["attribute": .string("a")]), at: nil)
        #expect(result.sequenceItems?.first == .int(1))
        #expect(result.sequenceItems?.last?.isUndefined == true)
    }

    @Test("defined and undefined see undefined values")
    func definedTests() throws {
        #expect(try runtime.test("defined", missing, Arguments(), at: nil) == false)
        #expect(try runtime.test("undefined", missing, Arguments(), at: nil) == true)
        #expect(try runtime.test("defined", .none, Arguments(), at: nil) == true)
    }

    @Test("selectattr with 'defined' tests attributes that may be missing")
    func selectDefinedAttribute() throws {
        let items = Value.list([.dict(["a": .int(1)]), .dict(["b": .int(2)])])
        let result = try filter("selectattr", items, [.string("a"), .string("defined")])
        #expect(result == .list([.dict(["a": .int(1)])]))
    }

    @Test("serialising an undefined value is an error")
    func serialisingUndefined() {
        #expect { try filter("to_json", .list([missing])) } throws: { ($0 as? TemplateError)?.code == .undefined }
        #expect { try filter("to_yaml", .dict(["k": missing])) } throws: { ($0 as? TemplateError)?.code == .undefined }
    }
}
