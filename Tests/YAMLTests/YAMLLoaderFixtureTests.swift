import Foundation
import Testing
import YAML

/// Streams and what PyYAML's `CSafeLoader` (libyaml's parser, as Ansible loads) made of them,
/// from `Fixtures/loader/generate.py`.
struct LoaderFixture: Decodable {
    struct Case: Decodable {
        var name: String
        var yaml: String
        var documents: [TaggedValue]?
        var error: String?
    }

    var pyyaml: String
    var libyaml: String
    var cases: [Case]

    static func load() throws -> LoaderFixture {
        let url = EmitterFixture.directory.deletingLastPathComponent().appendingPathComponent("loader/loader.json")
        return try JSONDecoder().decode(LoaderFixture.self, from: Data(contentsOf: url))
    }
}

@Suite("YAMLLoader matches PyYAML's CSafeLoader")
struct YAMLLoaderFixtureTests {
    /// Streams where rig differs from PyYAML on purpose, and what rig does instead (`.null`: an error).
    static let deliberateDifferences: [String: YAMLValue] = [
        "a: 1\na: 2\n": .null,  // duplicate key: rig errors, PyYAML keeps the last value
        // `1` and `true` are one key in Python, so this is a duplicate key too.
        "1: one\n2.5: two\nnull: three\ntrue: four\n": .null,
        "v: <<\n": .mapping([YAMLPair(.string("v"), .string("<<"))]),  // PyYAML has no constructor
        "- <<\n": .sequence([.string("<<")]),
        "v: =\n": .mapping([YAMLPair(.string("v"), .string("="))]),
        "- =\n": .sequence([.string("=")]),
    ]

    @Test("resolves and builds every stream as CSafeLoader does")
    func matchesCSafeLoader() throws {
        let fixture = try LoaderFixture.load()
        #expect(fixture.cases.count > 200)
        for testCase in fixture.cases {
            let result = loadResult(testCase.yaml)
            if let difference = Self.deliberateDifferences[testCase.yaml] {
                if difference == .null {
                    #expect(throws: DiagnosticListBox.self, "\(testCase.name)") { try result.get() }
                } else {
                    #expect((try? result.get()) == [difference], "\(testCase.name)")
                }
                continue
            }
            if testCase.error != nil {
                #expect(throws: DiagnosticListBox.self, "\(testCase.name): \(testCase.yaml)") { try result.get() }
                continue
            }
            let expected = (testCase.documents ?? []).map(\.value)
            switch result {
            case .success(let documents):
                let same = documents.count == expected.count && zip(documents, expected).allSatisfy { $0.sameData(as: $1) }
                #expect(same, "\(testCase.name): \(testCase.yaml) gave \(documents), CSafeLoader \(expected)")
            case .failure(let error):
                Issue.record("\(testCase.name): \(testCase.yaml) failed: \(error.summaries.joined(separator: "; "))")
            }
        }
    }
}

/// Loads `text`, with the diagnostics flattened to text when it fails.
func loadResult(_ text: String) -> Result<[YAMLValue], DiagnosticListBox> {
    do {
        return .success(try YAMLLoader.loadValues(text, path: "t.yml"))
    } catch {
        return .failure(DiagnosticListBox(summaries: error.diagnostics.map { $0.description }))
    }
}

/// Diagnostics flattened to text, so a `Result` can carry them through `#expect(throws:)`.
struct DiagnosticListBox: Error {
    var summaries: [String]
}
