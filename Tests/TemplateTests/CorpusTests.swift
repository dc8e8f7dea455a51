import Foundation
import Template
import Testing
import YAML

/// Differential tests: every case's expected output was written by real ansible-core 2.19's
/// template module (`scripts/oracle/regenerate.sh`); rig must match it byte for byte, and fail
/// where Ansible fails, on the same line.
@Suite("Templates render exactly as ansible-core 2.19's template module renders them")
struct CorpusTests {
    static let folder = Fixtures.path("templates")

    static var caseNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    struct Outcome {
        var output: String?
        var error: TemplateError?
    }

    static func run(_ name: String) throws -> Outcome {
        let directory = folder + "/" + name
        let path = directory + "/template.j2"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var variables: [String: Value] = [:]
        if let varsText = try? String(contentsOfFile: directory + "/vars.yaml", encoding: .utf8) {
            let documents = try YAMLLoader.loadValues(varsText, path: directory + "/vars.yaml")
            if let first = documents.first, case .dict(let dict) = Value(yaml: first) {
                for (key, value) in dict {
                    if case .string(let name) = key { variables[name] = value }
                }
            }
        }
        let environment = TemplateEnvironment(
            fileSystem: LocalFileSystem(), searchPaths: [directory + "/templates", directory],
            environmentVariables: ["HOME": "/root"])
        do {
            let lazy = TemplatedVariables(VariableTable(variables), environment: environment)
            let output = try AnsibleTemplate.render(text: text, path: path, environment: environment, variables: lazy)
            return Outcome(output: output)
        } catch {
            return Outcome(error: error)
        }
    }

    /// Where rig knowingly differs from Ansible (see docs/differences.md), by case name.
    static let knownDifferences: [String: String] = [
        "print-big-ints": "rig's integers are 64-bit; Python's are unbounded",
        "filter-from-yaml": "YAML timestamps load as strings, not datetime.date",
        "print-yaml11-vars-types": "YAML timestamps load as strings, not datetime.date",
    ]

    @Test("matches Ansible's output or error", arguments: caseNames)
    func matchesAnsible(name: String) throws {
        if let reason = Self.knownDifferences[name] {
            withKnownIssue(Comment(rawValue: reason)) { try check(name) }
            return
        }
        try check(name)
    }

    func check(_ name: String) throws {
        let directory = Self.folder + "/" + name
        let outcome = try Self.run(name)
        if let expected = try? String(contentsOfFile: directory + "/expected.txt", encoding: .utf8) {
            if let error = outcome.error {
                Issue.record("rig failed where Ansible rendered: \(error)")
            } else {
                #expect(outcome.output == expected)
            }
            return
        }
        let errorText = try String(contentsOfFile: directory + "/expected-error.yaml", encoding: .utf8)
        let expected = try #require(try YAMLLoader.loadValues(errorText, path: "expected-error.yaml").first)
        guard case .mapping(let pairs) = expected,
            case .int(let line) = pairs.first(where: { $0.key == .string("line") })?.value
        else {
            Issue.record("expected-error.yaml needs a line")
            return
        }
        guard let error = outcome.error else {
            Issue.record("rig rendered where Ansible failed: \(outcome.output ?? "")")
            return
        }
        // rig may point inside an included file; then the include's note names Ansible's line.
        let lines = [error.span].compactMap { $0 }.filter { $0.path.hasSuffix("/template.j2") }.map(\.start.line)
            + error.notes.compactMap(\.span).filter { $0.path.hasSuffix("/template.j2") }.map(\.start.line)
        #expect(lines.contains(line), "\(error)")
    }

    @Test("the corpus is large enough to mean something")
    func corpusSize() {
        #expect(Self.caseNames.count >= 150)
    }
}
