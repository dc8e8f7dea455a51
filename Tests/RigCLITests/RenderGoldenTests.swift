import Engine
import Foundation
import RigCLI
import Template
import Testing
import YAML

/// The repository's files, addressed relative to its root, so locations in the output are the
/// paths a user types.
struct RepositoryFiles: EngineFileSystem {
    let root: String

    func absolute(_ path: String) -> String { path.hasPrefix("/") ? path : root + "/" + path }
    func readFile(_ path: String) -> String? { LocalEngineFileSystem().readFile(absolute(path)) }
    func isDirectory(_ path: String) -> Bool { LocalEngineFileSystem().isDirectory(absolute(path)) }
    func listDirectory(_ path: String) -> [String]? { LocalEngineFileSystem().listDirectory(absolute(path)) }
}

/// `rig render` of the example, byte for byte against a golden file per environment. Set
/// RIG_RECORD_GOLDEN=1 to rewrite them; a recording run fails so it is never mistaken for a pass.
@Suite("rig render output of the example matches its golden files")
struct RenderGoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test("render output", arguments: ["local", "staging"])
    func golden(env: String) async throws {
        let files = RepositoryFiles(root: Self.root)
        let context = LoadContext(fileSystem: files)
        let playbook = try #require(PlaybookLoader(context: context, rolesPaths: ["roles"]).load("playbooks/local-dev-messaging.yaml"))
        let propertiesText = try #require(files.readFile("env/\(env).yaml"))
        let properties = Value(yaml: try #require(try YAMLLoader.loadValues(propertiesText, path: env).first)).stringKeyed
        var text = ""
        let options = RunOptions(mode: .render, environmentProperties: properties, environmentName: env)
        let succeeded = await Runner(playbook: playbook, options: options, context: context) { event in
            if case .rendered(let document) = event { text += DocumentText.render(document) }
        }.run()
        #expect(succeeded)
        let goldenPath = Self.root + "/Tests/Fixtures/golden/render-\(env).yaml"
        if ProcessInfo.processInfo.environment["RIG_RECORD_GOLDEN"] == "1" {
            try text.write(toFile: goldenPath, atomically: true, encoding: .utf8)
            Issue.record("recorded \(goldenPath); run again without RIG_RECORD_GOLDEN")
            return
        }
        let golden = try String(contentsOfFile: goldenPath, encoding: .utf8)
        #expect(text == golden)
        // What the golden shows must also be valid YAML that reads back as the rendered documents.
        #expect(try YAMLLoader.loadValues(text, path: goldenPath).count == 11)
    }
}
