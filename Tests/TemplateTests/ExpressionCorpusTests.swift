import Foundation
import Template
import Testing
import YAML

/// Native results: each expression was evaluated by ansible-core 2.19 as a task argument that is
/// exactly `"{{ expr }}"`; its value (as JSON) and Python type are the oracle.
@Suite("Expressions evaluate to the native values and types Ansible gives")
struct ExpressionCorpusTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var expression: String
        var variables: [String: Value]
        var json: String?
        var type: String?
        var error: String?
        var description: String { name }
    }

    static let cases: [Case] = load()

    static func load() -> [Case] {
        let folder = Fixtures.path("expressions")
        guard let casesText = try? String(contentsOfFile: folder + "/cases.yaml", encoding: .utf8),
            let expectedText = try? String(contentsOfFile: folder + "/expected.yaml", encoding: .utf8),
            case .sequence(let inputs) = (try? YAMLLoader.loadValues(casesText, path: "cases.yaml").first) ?? .null,
            case .sequence(let outputs) = (try? YAMLLoader.loadValues(expectedText, path: "expected.yaml").first) ?? .null
        else { return [] }
        return zip(inputs, outputs).compactMap { input, output in
            guard case .dict(let given) = Value(yaml: input), case .dict(let expected) = Value(yaml: output) else { return nil }
            var variables: [String: Value] = [:]
            if case .dict(let vars) = given[.string("vars")] ?? .none {
                for (key, value) in vars { if case .string(let name) = key { variables[name] = value } }
            }
            return Case(
                name: given[.string("name")]?.stringValue ?? "?", expression: given[.string("expr")]?.stringValue ?? "",
                variables: variables, json: expected[.string("json")]?.stringValue, type: expected[.string("type")]?.stringValue,
                error: expected[.string("error")]?.stringValue)
        }
    }

    /// Where rig knowingly differs from Ansible (see docs/differences.md), by case name.
    static let knownDifferences: [String: String] = [
        "big-int": "rig's integers are 64-bit: 2 ** 64 is an overflow error, not a big integer"
    ]

    @Test("evaluates like Ansible", arguments: cases)
    func evaluatesLikeAnsible(_ testCase: Case) throws {
        if let reason = Self.knownDifferences[testCase.name] {
            withKnownIssue(Comment(rawValue: reason)) { try check(testCase) }
            return
        }
        try check(testCase)
    }

    func check(_ testCase: Case) throws {
        // set_fact arguments are templated with Ansible's escape_backslashes on.
        var environment = TemplateEnvironment()
        environment.options.escapeBackslashes = true
        let variables = TemplatedVariables(VariableTable(testCase.variables), environment: environment)
        let result: Value
        do {
            result = try environment.evaluate(expression: testCase.expression, path: "expr", variables: variables)
        } catch {
            #expect(testCase.error != nil, "rig failed where Ansible gave \(testCase.json ?? "?"): \(error)")
            return
        }
        guard let json = testCase.json else {
            // Ansible refuses some values as variables (e.g. a bare range); rig may keep them.
            return
        }
        let expected = try Value(json: json)
        #expect(Self.normalized(result) == expected, "got \(result.pythonRepr())")
        if let type = testCase.type, ["int", "float", "bool", "str", "list", "dict", "NoneType"].contains(type) {
            #expect(Self.pythonType(result) == type)
        }
    }

    /// Ansible stores tuples as lists.
    static func normalized(_ value: Value) -> Value {
        switch value {
        case .tuple(let items), .list(let items): .list(items.map(normalized))
        case .dict(let dict): .dict(dict.mapValues(normalized))
        default: value
        }
    }

    static func pythonType(_ value: Value) -> String {
        if case .tuple = value { return "list" }
        return value.typeName
    }

    @Test("the expression corpus is loaded")
    func loaded() {
        #expect(Self.cases.count >= 80)
    }
}
