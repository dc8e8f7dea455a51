// Times rig's template engine on case folders (template.j2 + vars.yaml) and prints one JSON
// object per case: microseconds per render of an already parsed template, and per
// parse-and-render of the file (what a playbook run does). `scripts/bench/templates.py`
// runs it next to Python Jinja2 and prints the ratios.
import Foundation
import Template
import YAML

func loadVariables(_ path: String) -> [String: Value] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8),
        let first = try? YAMLLoader.loadValues(text, path: path).first,
        case .dict(let dict) = Value(yaml: first)
    else { return [:] }
    var variables: [String: Value] = [:]
    for (key, value) in dict {
        if case .string(let name) = key { variables[name] = value }
    }
    return variables
}

func microseconds(_ iterations: Int, _ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let elapsed = try clock.measure {
        for _ in 0..<iterations { try body() }
    }
    let (seconds, attoseconds) = elapsed.components
    return (Double(seconds) * 1e6 + Double(attoseconds) / 1e12) / Double(iterations)
}

var arguments = CommandLine.arguments.dropFirst()
var iterations = 2000
if let first = arguments.first, let count = Int(first) {
    iterations = count
    arguments = arguments.dropFirst()
}
for directory in arguments {
    let path = directory + "/template.j2"
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
    let variables = VariableTable(loadVariables(directory + "/vars.yaml"))
    let environment = TemplateEnvironment(fileSystem: LocalFileSystem(), searchPaths: [directory])
    do {
        let file = try AnsibleTemplate.parse(text: text, path: path, environment: environment)
        _ = try AnsibleTemplate.render(file, environment: environment, variables: variables)
        let render = try microseconds(iterations) {
            _ = try AnsibleTemplate.render(file, environment: environment, variables: variables)
        }
        let parseRender = try microseconds(iterations) {
            _ = try AnsibleTemplate.render(text: text, path: path, environment: environment, variables: variables)
        }
        print("{\"case\": \"\(directory)\", \"render_us\": \(render), \"parse_render_us\": \(parseRender)}")
    } catch {
        print("{\"case\": \"\(directory)\", \"error\": true}")
    }
}
