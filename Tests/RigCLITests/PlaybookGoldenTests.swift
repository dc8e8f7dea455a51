import Engine
import Foundation
import RigCLI
import Template
import Testing
import YAML

/// `rig render` of small playbooks that exercise loops, tags, blocks, includes, overlays and
/// variable precedence: the task lines and documents, byte for byte against `expected.txt`.
/// Each case folder has `play.yaml` and `options.yaml` (`tags`, `skip_tags`, `env`, `extra`).
/// Set RIG_RECORD_GOLDEN=1 to rewrite; a recording run fails so it is never mistaken for a pass.
@Suite("rig render of feature playbooks matches golden output")
struct PlaybookGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/playbooks").path

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test("render output", arguments: cases)
    func golden(name: String) async throws {
        let root = Self.folder + "/" + name
        let files = RepositoryFiles(root: root)
        let optionsText = files.readFile("options.yaml") ?? "{}"
        let given = Value(yaml: try #require(try YAMLLoader.loadValues(optionsText, path: "options.yaml").first)).stringKeyed
        let strings: (String) -> [String] = { key in given[key]?.sequenceItems?.compactMap(\.stringValue) ?? [] }
        var properties: [String: Value] = [:]
        let env = given["env"]?.stringValue
        if let env, let text = files.readFile("env/\(env).yaml") {
            properties = Value(yaml: try #require(try YAMLLoader.loadValues(text, path: env).first)).stringKeyed
        }
        let context = LoadContext(fileSystem: files)
        let playbook = try #require(PlaybookLoader(context: context).load("play.yaml"))
        #expect(context.diagnostics.isEmpty, "\(context.diagnostics)")
        let options = RunOptions(
            mode: .render, tags: TagFilter(only: strings("tags"), skip: strings("skip_tags")),
            extraVariables: given["extra"]?.stringKeyed ?? [:], environmentProperties: properties, environmentName: env)
        var text = ""
        _ = await Runner(playbook: playbook, options: options, context: context) { event in
            if case .rendered(let document) = event {
                text += DocumentText.render(document)
            } else {
                text += EventPrinter.plainText(event)
            }
        }.run()
        let path = root + "/expected.txt"
        if ProcessInfo.processInfo.environment["RIG_RECORD_GOLDEN"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("recorded \(path); run again without RIG_RECORD_GOLDEN")
            return
        }
        #expect(text == (try String(contentsOfFile: path, encoding: .utf8)))
    }
}
