import Diagnostics
import Foundation
import OrderedCollections
import Subprocess
import SystemPackage
import Template
import YAML

/// The modules that change this machine, for real: `shell`, `command` and `template`.
/// Returns nil for modules it does not handle.
struct AppliedModules {
    let runner: Runner

    func run(_ task: Task, arguments: Value, section: Runner.Section) async throws -> ModuleResult? {
        switch task.module.name {
        case "ansible.builtin.shell", "ansible.builtin.command":
            return try await command(task, arguments, shell: task.module.name == "ansible.builtin.shell")
        case "ansible.builtin.template":
            return try writeTemplate(task, arguments.stringKeyed, section: section)
        default:
            return nil
        }
    }

    /// `shell: …` runs through `/bin/sh -c`; `command:` runs the program directly. `creates` and
    /// `removes` skip it when the path already exists (or does not); `chdir` sets the folder.
    private func command(_ task: Task, _ arguments: Value, shell: Bool) async throws -> ModuleResult {
        let options = arguments.stringKeyed
        var text = ""
        if case .string(let free) = arguments {
            text = free
        } else if let given = options["cmd"] ?? options["_raw_params"] {
            text = try given.pythonString()
        }
        if let creates = options["creates"], FileManager.default.fileExists(atPath: try creates.pythonString()) {
            return ModuleResult(skipped: true, message: .string("\(try creates.pythonString()) exists, not running"))
        }
        if let removes = options["removes"], !FileManager.default.fileExists(atPath: try removes.pythonString()) {
            return ModuleResult(skipped: true, message: .string("\(try removes.pythonString()) does not exist, not running"))
        }
        let executable: Executable
        let argv: [String]
        if shell {
            executable = .path(FilePath(try options["executable"]?.pythonString() ?? "/bin/sh"))
            argv = ["-c", text]
        } else {
            var words = try options["argv"]?.sequenceItems?.map { try $0.pythonString() } ?? ShellWords.split(text)
            guard !words.isEmpty else { throw ModuleFailure(message: .string("no command given")) }
            let program = words.removeFirst()
            executable = program.contains("/") ? .path(FilePath(program)) : .name(program)
            argv = words
        }
        let directory = try options["chdir"].map { FilePath(try $0.pythonString()) }
        let started = Date()
        let result = try await Subprocess.run(
            executable, arguments: Arguments(argv), workingDirectory: directory,
            output: .string(limit: 16 * 1024 * 1024), error: .string(limit: 16 * 1024 * 1024))
        let stdout = result.standardOutput.trimmingTrailingNewline()
        let stderr = result.standardError.trimmingTrailingNewline()
        let code: Int
        switch result.terminationStatus {
        case .exited(let status): code = Int(status)
        case .signaled(let signal): code = -Int(signal)
        }
        let registered: OrderedDictionary<String, Value> = [
            "cmd": .string(text), "rc": .int(code), "stdout": .string(stdout), "stderr": .string(stderr),
            "stdout_lines": .list(Self.lines(stdout)),
            "stderr_lines": .list(Self.lines(stderr)),
            "delta": .string(String(format: "%.3f s", Date().timeIntervalSince(started))),
        ]
        let moduleResult = ModuleResult(changed: true, registered: registered)
        if code != 0 {
            var failure = ModuleFailure(message: .string("non-zero return code \(code)" + (stderr.isEmpty ? "" : ": " + stderr)))
            failure.registered = moduleResult.registered
            throw failure
        }
        return moduleResult
    }

    /// Python's `splitlines()`, as Ansible fills `stdout_lines`.
    static func lines(_ text: String) -> [Value] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map { Value.string(String($0)) }
    }

    /// Renders the template and writes `dest`, only when the content (or mode) differs.
    private func writeTemplate(_ task: Task, _ options: [String: Value], section: Runner.Section) throws -> ModuleResult {
        let rendered = try RenderedModules(runner: runner).renderTemplateFile(task, options, section: section).text
        let destination = try (options["dest"] ?? .none).pythonString()
        let existing = FileManager.default.contents(atPath: destination)
        var changed = existing != Data(rendered.utf8)
        if changed {
            do {
                try Data(rendered.utf8).write(to: URL(fileURLWithPath: destination), options: .atomic)
            } catch {
                throw ModuleFailure(message: .string("cannot write \(destination): \(error.localizedDescription)"))
            }
        }
        if let modeValue = options["mode"] {
            let text = try modeValue.pythonString()
            if let mode = Int(text, radix: 8) ?? (Int(text).map { $0 }) {
                let current = (try? FileManager.default.attributesOfItem(atPath: destination)[.posixPermissions] as? Int) ?? -1
                if current != mode {
                    try? FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: destination)
                    changed = true
                }
            }
        }
        return ModuleResult(changed: changed, registered: ["dest": .string(destination)])
    }
}

/// Splits a `command:` line into words as Python's `shlex.split` does (quotes and backslashes).
enum ShellWords {
    static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\", quote != "'" {
                escaped = true
                inWord = true
            } else if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" || character == "\n" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}

extension String {
    func trimmingTrailingNewline() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
