import Template
import Testing

/// Mutating methods: what `MethodMutation` computes (results checked by hand with Python 3.11),
/// and the error the plain method call gives.
@Suite("mutating methods")
struct MethodMutationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var receiver: Value
        var name: String
        var arguments: [Value]
        var updated: String
        var result: String

        var testDescription: String { "\(receiver.pythonRepr()).\(name)(\(arguments.map { $0.pythonRepr() }))" }
    }

    static let cases: [Case] = [
        Case(receiver: .list([.int(1)]), name: "append", arguments: [.int(2)], updated: "[1, 2]", result: "None"),
        Case(receiver: .list([.int(1)]), name: "extend", arguments: [.string("ab")], updated: "[1, 'a', 'b']", result: "None"),
        Case(receiver: .list([.int(1), .int(2)]), name: "insert", arguments: [.int(-1), .int(9)], updated: "[1, 9, 2]", result: "None"),
        Case(receiver: .list([.int(1), .int(2)]), name: "insert", arguments: [.int(10), .int(9)], updated: "[1, 2, 9]", result: "None"),
        Case(receiver: .list([.int(1), .int(2)]), name: "pop", arguments: [], updated: "[1]", result: "2"),
        Case(receiver: .list([.int(1), .int(2)]), name: "pop", arguments: [.int(0)], updated: "[2]", result: "1"),
        Case(receiver: .list([.int(1), .int(2), .int(1)]), name: "remove", arguments: [.int(1)], updated: "[2, 1]", result: "None"),
        Case(receiver: .list([.int(3), .int(1)]), name: "sort", arguments: [], updated: "[1, 3]", result: "None"),
        Case(receiver: .list([.int(3), .int(1)]), name: "reverse", arguments: [], updated: "[1, 3]", result: "None"),
        Case(receiver: .list([.int(3)]), name: "clear", arguments: [], updated: "[]", result: "None"),
        Case(receiver: .dict(["a": .int(1)]), name: "update", arguments: [.dict(["b": .int(2), "a": .int(0)])],
            updated: "{'a': 0, 'b': 2}", result: "None"),
        Case(receiver: .dict(["a": .int(1)]), name: "update", arguments: [.list([.tuple([.string("c"), .int(3)])])],
            updated: "{'a': 1, 'c': 3}", result: "None"),
        Case(receiver: .dict(["a": .int(1), "b": .int(2)]), name: "pop", arguments: [.string("a")], updated: "{'b': 2}", result: "1"),
        Case(receiver: .dict(["a": .int(1)]), name: "pop", arguments: [.string("z"), .int(0)], updated: "{'a': 1}", result: "0"),
        Case(receiver: .dict(["a": .int(1), "b": .int(2)]), name: "popitem", arguments: [], updated: "{'a': 1}", result: "('b', 2)"),
        Case(receiver: .dict(["a": .int(1)]), name: "setdefault", arguments: [.string("a"), .int(5)], updated: "{'a': 1}", result: "1"),
        Case(receiver: .dict(["a": .int(1)]), name: "setdefault", arguments: [.string("b")], updated: "{'a': 1, 'b': None}", result: "None"),
        Case(receiver: .dict(["a": .int(1)]), name: "clear", arguments: [], updated: "{}", result: "None"),
    ]

    @Test("computes the new receiver and the result", arguments: cases)
    func applies(_ call: Case) throws {
        let mutation = try #require(try MethodMutation.apply(call.name, to: call.receiver, Arguments(call.arguments)))
        #expect(mutation.receiver.pythonRepr() == call.updated)
        #expect(mutation.result.pythonRepr() == call.result)
    }

    @Test("errors as Python does", arguments: [
        (Value.list([]), "pop", [Value]()), (.list([.int(1)]), "remove", [.int(5)]), (.dict(["a": .int(1)]), "pop", [.string("z")]),
        (.dict([:] as KeyValuePairs<String, Value>), "popitem", []), (.dict(["a": .int(1)]), "update", [.list([.int(1)])]),
    ])
    func fails(_ receiver: Value, _ name: String, _ arguments: [Value]) {
        #expect(throws: TemplateError.self) { try MethodMutation.apply(name, to: receiver, Arguments(arguments)) }
    }

    @Test("called as a plain method, a mutating method explains how to do without it")
    func plainCallFails() throws {
        let runtime = FakeRuntime()
        let append = try #require(BuiltinMethods.method("append", on: .list([])))
        #expect {
            try runtime.call(append, Arguments([.int(1)]), at: nil)
        } throws: { error in
            let message = (error as? TemplateError)?.message ?? ""
            return message.contains("list.append()") && message.contains("var + [item]")
        }
    }

    @Test("unknown methods and methods of other types are nil")
    func unknownMethods() {
        #expect(BuiltinMethods.method("nope", on: .string("a")) == nil)
        #expect(BuiltinMethods.method("split", on: .int(5)) == nil)
        #expect(BuiltinMethods.method("append", on: .tuple([])) == nil)
        #expect(MethodMutation.names(for: .string("a")).isEmpty)
    }
}
