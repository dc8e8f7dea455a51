import Foundation
import RigCLI
import Testing

/// Help is the CLI's documentation: it is compared with golden files. Set RIG_RECORD_GOLDEN=1 to
/// rewrite them; a recording run fails so it is never mistaken for a pass.
@Suite("Help text matches its golden files")
struct HelpGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden/help").path

    @Test("help for each command", arguments: ["", "apply", "plan", "destroy", "render", "validate", "template"])
    func help(command: String) throws {
        let text = RigCommand.help(for: command) + "\n"
        let path = Self.folder + "/\(command.isEmpty ? "rig" : command).txt"
        if ProcessInfo.processInfo.environment["RIG_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: Self.folder, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("recorded \(path); run again without RIG_RECORD_GOLDEN")
            return
        }
        #expect(text == (try String(contentsOfFile: path, encoding: .utf8)))
    }
}
