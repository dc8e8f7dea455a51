import Diagnostics
import Engine
import Template
import YAML

/// Ansible's `-e`: `@file` loads a YAML or JSON file, `{…}`/`[…]` is inline YAML, anything else
/// is `key=value` pairs whose values stay strings. Later arguments override earlier ones.
package enum ExtraVars {
    package static func parse(
        _ arguments: [String], fileSystem: any TemplateFileSystem, files: inout [String: SourceFile]
    ) throws(DiagnosticList) -> [String: Value] {
        var variables: [String: Value] = [:]
        var problems: [Diagnostic] = []
        for (index, argument) in arguments.enumerated() {
            let trimmed = argument.trimmingCharacters(in: " \t\n")
            if trimmed.hasPrefix("@") {
                let path = String(trimmed.dropFirst())
                guard let text = fileSystem.readFile(path) else {
                    problems.append(Diagnostic(code: "vars.missing-file", summary: "cannot read variables file '\(path)'", span: nil, hint: "-e @FILE takes a YAML or JSON file"))
                    continue
                }
                files[path] = SourceFile(path: path, text: text)
                merge(try mapping(text, path: path, problems: &problems), into: &variables)
            } else if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
                let path = "<-e #\(index + 1)>"
                files[path] = SourceFile(path: path, text: trimmed)
                merge(try mapping(trimmed, path: path, problems: &problems), into: &variables)
            } else {
                for pair in splitPairs(trimmed) {
                    guard let equals = pair.firstIndex(of: "="), equals > pair.startIndex else {
                        problems.append(Diagnostic(code: "vars.syntax", summary: "'\(pair)' is not key=value", span: nil, hint: "use -e key=value, -e @file.yaml or -e '{\"key\": 1}'"))
                        continue
                    }
                    variables[String(pair[..<equals])] = .string(String(pair[pair.index(after: equals)...]))
                }
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return variables
    }

    private static func mapping(_ text: String, path: String, problems: inout [Diagnostic]) throws(DiagnosticList) -> [String: Value] {
        let documents = try YAMLLoader.loadValues(text, path: path)
        guard let first = documents.first else { return [:] }
        guard case .dict(let dict) = Value(yaml: first) else {
            problems.append(Diagnostic(code: "vars.not-mapping", summary: "extra variables in '\(path)' must be a mapping", span: nil))
            return [:]
        }
        var result: [String: Value] = [:]
        for (key, value) in dict {
            if case .string(let name) = key { result[name] = value }
        }
        return result
    }

    private static func merge(_ new: [String: Value], into variables: inout [String: Value]) {
        for (key, value) in new { variables[key] = value }
    }

    /// Splits `a=1 b='two words'` on spaces outside quotes and `{{ }}`, as Ansible's `parse_kv`
    /// does; the same splitting as a module's free-form arguments.
    package static func splitPairs(_ text: String) -> [String] {
        FreeFormArguments.words(text)
    }
}
