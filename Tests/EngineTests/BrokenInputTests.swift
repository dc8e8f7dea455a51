import Diagnostics
import Engine
import Template
import Testing

/// An in-memory repository.
struct MemoryRepository: EngineFileSystem {
    var files: [String: String]

    func readFile(_ path: String) -> String? { files[path] }

    func isDirectory(_ path: String) -> Bool {
        files.keys.contains { $0.hasPrefix(path + "/") }
    }

    func listDirectory(_ path: String) -> [String]? {
        let names = files.keys.filter { $0.hasPrefix(path + "/") }.map { String($0.dropFirst(path.count + 1).prefix { $0 != "/" }) }
        return names.isEmpty ? nil : Array(Set(names))
    }
}

/// A playbook with a 1️⃣ marker where the first diagnostic must point.
struct BrokenCase: Sendable, CustomStringConvertible {
    var name: String
    var playbook: String
    var extraFiles: [String: String] = [:]
    var code: String
    var description: String { name }
}

@Suite("Broken input is reported with its exact place and nothing runs")
struct BrokenInputTests {
    static let head = "- hosts: localhost\n  tasks:\n"

    static let cases: [BrokenCase] = [
        BrokenCase(name: "unknown module", playbook: head + "    - name: x\n      1️⃣debgu: msg=hi\n", code: "load.unknown-module"),
        BrokenCase(name: "unknown option", playbook: head + "    - debug:\n        1️⃣mesage: hi\n", code: "module.unknown-option"),
        BrokenCase(name: "wrong type", playbook: head + "    - kubernetes.core.k8s:\n        wait: 1️⃣maybe\n        kind: Namespace\n        name: x\n", code: "module.type"),
        BrokenCase(name: "bad choice", playbook: head + "    - k8s:\n        state: 1️⃣presnt\n        kind: Namespace\n        name: x\n", code: "module.choice"),
        BrokenCase(name: "missing required option", playbook: head + "    - 1️⃣kubernetes.core.helm:\n        chart_ref: nats/nats\n", code: "module.missing-option"),
        BrokenCase(name: "exclusive options", playbook: head + "    - debug:\n        msg: a\n        1️⃣var: b\n", code: "module.exclusive-options"),
        BrokenCase(name: "hosts other than localhost", playbook: "- hosts: 1️⃣webservers\n  tasks: []\n", code: "load.hosts"),
        BrokenCase(name: "unknown play keyword", playbook: "- hosts: localhost\n  1️⃣taks: []\n", code: "load.unknown-key"),
        BrokenCase(name: "two modules in one task", playbook: head + "    - debug: msg=a\n      1️⃣set_fact: {a: 1}\n", code: "load.conflicting-actions"),
        BrokenCase(name: "task without a module", playbook: head + "    - 1️⃣name: nothing to do\n", code: "load.no-action"),
        BrokenCase(name: "missing role", playbook: "- hosts: localhost\n  roles:\n    - 1️⃣nosuchrole\n", code: "load.missing-role"),
        BrokenCase(name: "missing vars file", playbook: "- hosts: localhost\n  vars_files:\n    - 1️⃣nope.yaml\n  tasks: []\n", code: "load.missing-file"),
        BrokenCase(name: "missing task file", playbook: head + "    - import_tasks: 1️⃣other.yaml\n", code: "load.missing-file"),
        BrokenCase(
            name: "include cycle", playbook: head + "    - import_tasks: a.yaml\n",
            extraFiles: ["a.yaml": "- import_tasks: 1️⃣a.yaml\n"], code: "load.cycle"),
        BrokenCase(name: "YAML syntax", playbook: "- hosts: localhost\n  name: a1️⃣: b\n", code: "yaml.syntax"),
        BrokenCase(name: "duplicate key", playbook: head + "    - debug: msg=a\n      name: a\n      1️⃣name: b\n", code: "yaml.duplicate-key"),
        BrokenCase(name: "tasks not a list", playbook: "- hosts: localhost\n  tasks: 1️⃣hello\n", code: "load.type"),
        BrokenCase(name: "a play that is not a mapping", playbook: "- 1️⃣just a string\n", code: "load.play-shape"),
        BrokenCase(name: "unsupported keyword", playbook: head + "    - debug: msg=a\n      1️⃣delegate_to: other\n", code: "load.unsupported"),
        BrokenCase(name: "not a list of plays", playbook: "1️⃣hosts: localhost\n", code: "load.playbook-shape"),
        BrokenCase(name: "block with unknown key", playbook: head + "    - block:\n        - debug: msg=a\n      1️⃣rescu: []\n", code: "load.unknown-key"),
        BrokenCase(
            name: "role task with unknown module", playbook: "- hosts: localhost\n  roles: [web]\n",
            extraFiles: ["roles/web/tasks/main.yaml": "- 1️⃣kubernetes.core.k9s: {}\n"], code: "load.unknown-module"),
    ]

    @Test("reports the problem at its marker", arguments: cases)
    func reportsAtMarker(_ broken: BrokenCase) throws {
        var files: [String: String] = [:]
        var expected: (String, SourcePosition)?
        for (path, text) in [("play.yaml", broken.playbook)] + broken.extraFiles.map({ ($0.key, $0.value) }) {
            let (clean, position) = Self.unmark(text)
            files[path] = clean
            if let position { expected = (path, position) }
        }
        let context = LoadContext(fileSystem: MemoryRepository(files: files))
        _ = PlaybookLoader(context: context).load("play.yaml")
        let diagnostic = try #require(context.diagnostics.first, "no diagnostic")
        #expect(diagnostic.code == broken.code, "\(diagnostic)")
        let (path, position) = try #require(expected)
        #expect(diagnostic.span?.path == path)
        #expect(diagnostic.span?.start == position, "\(diagnostic)")
    }

    @Test("every problem is reported, not just the first")
    func collectsAll() {
        let playbook = Self.head + "    - debgu: msg=a\n    - debug:\n        mesage: b\n    - k8s:\n        state: gone\n"
        let context = LoadContext(fileSystem: MemoryRepository(files: ["play.yaml": playbook]))
        _ = PlaybookLoader(context: context).load("play.yaml")
        #expect(context.diagnostics.map(\.code) == ["load.unknown-module", "module.unknown-option", "module.choice"])
        #expect(context.diagnostics[0].hint == "did you mean 'debug'?")
    }

    static func unmark(_ text: String) -> (String, SourcePosition?) {
        var clean = ""
        var line = 1
        var column = 1
        var found: SourcePosition?
        for character in text {
            if character == "1️⃣" {
                found = SourcePosition(line: line, column: column)
                continue
            }
            clean.append(character)
            if character == "\n" { line += 1; column = 1 } else { column += character.unicodeScalars.count }
        }
        return (clean, found)
    }
}
