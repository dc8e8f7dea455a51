import Diagnostics
import Foundation
import Template

/// Folders of the test fixtures, found from this file's path so no bundle resources are needed.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

/// Test sources with position markers: `"{{ x | 1️⃣nosuch }}"` gives the text without the
/// marker and the 1-based line and column where it stood.
struct Marked {
    let text: String
    let positions: [SourcePosition]

    init(_ source: String) {
        let markers: [Character] = ["1️⃣", "2️⃣", "3️⃣", "4️⃣"]
        var text = ""
        var found: [(Int, SourcePosition)] = []
        var line = 1
        var column = 1
        for character in source {
            if let index = markers.firstIndex(of: character) {
                found.append((index, SourcePosition(line: line, column: column)))
                continue
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        self.text = text
        positions = found.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

/// An in-memory file system for include and lookup tests.
struct MemoryFileSystem: TemplateFileSystem {
    var files: [String: String]

    func readFile(_ path: String) -> String? { files[path] }

    func listDirectory(_ path: String) -> [String]? {
        let prefix = path == "." ? "" : path + "/"
        let names = files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
            .filter { !$0.contains("/") }
        return names.isEmpty ? nil : names
    }
}

/// Renders `text` with Ansible's template-module semantics and the given variables.
func render(_ text: String, _ variables: [String: Value] = [:], files: [String: String] = [:]) throws(TemplateError) -> String {
    let environment = TemplateEnvironment(fileSystem: MemoryFileSystem(files: files))
    return try AnsibleTemplate.render(text: text, path: "test.j2", environment: environment, variables: VariableTable(variables))
}

/// Evaluates a bare expression natively.
func evaluate(_ expression: String, _ variables: [String: Value] = [:]) throws(TemplateError) -> Value {
    try TemplateEnvironment().evaluate(expression: expression, path: "expr", variables: VariableTable(variables))
}

/// The error a render throws, or nil when it succeeds.
func renderError(_ text: String, _ variables: [String: Value] = [:], files: [String: String] = [:]) -> TemplateError? {
    do {
        _ = try render(text, variables, files: files)
        return nil
    } catch {
        return error
    }
}
