import Diagnostics
import RigCLI
import Template
import Testing

struct Files: TemplateFileSystem {
    var files: [String: String]
    func readFile(_ path: String) -> String? { files[path] }
    func listDirectory(_ path: String) -> [String]? { nil }
}

@Suite("rig template renders one file as Ansible's template module would")
struct TemplateCommandTests {
    let files = Files(files: [
        "role/templates/values.yaml.j2": "replicas: {{ replicas }}\nname: {{ name | default('nats') }}\n{% include 'part.j2' %}\n",
        "role/templates/part.j2": "image: {{ image }}\n",
        "vars.yaml": "replicas: 3\nimage: nats:2.10\n",
        "vars.json": "{\"replicas\": 5, \"image\": \"x\"}",
        "broken.j2": "ok\n{{ replicas | to_yml }}\n",
    ])

    func run(_ file: String, _ extra: [String]) -> Result<String, TemplateRendering.Failure> {
        TemplateRendering.run(file: file, extraVars: extra, fileSystem: files, environment: [:])
    }

    @Test("variables from -e @file and key=value, later ones winning")
    func extraVariables() throws {
        let output = try run("role/templates/values.yaml.j2", ["@vars.yaml", "name=jetstream replicas=4"]).get()
        #expect(output == "replicas: 4\nname: jetstream\nimage: nats:2.10\n")
        let json = try run("role/templates/values.yaml.j2", ["@vars.json"]).get()
        #expect(json.hasPrefix("replicas: 5\n"))
        let inline = try run("role/templates/values.yaml.j2", ["{\"replicas\": 7, \"image\": \"y\"}"]).get()
        #expect(inline == "replicas: 7\nname: nats\nimage: y\n")
    }

    @Test("a template error is a diagnostic with its location, and nothing is printed")
    func templateError() throws {
        guard case .failure(let failure) = run("broken.j2", ["replicas=1"]) else {
            Issue.record("expected a failure")
            return
        }
        let diagnostic = try #require(failure.diagnostics.first)
        #expect(diagnostic.span?.description == "broken.j2:2:15")
        #expect(diagnostic.hint == "did you mean 'to_yaml'?")
        let rendered = DiagnosticRenderer(files: failure.files).render(failure.diagnostics)
        #expect(rendered.contains(" 2 | {{ replicas | to_yml }}"))
    }

    @Test("missing files and bad -e arguments are input errors")
    func inputErrors() {
        guard case .failure(let missing) = run("nope.j2", []) else {
            Issue.record("expected a failure")
            return
        }
        #expect(missing.diagnostics.first?.code == "template.missing")
        guard case .failure(let badVars) = run("role/templates/values.yaml.j2", ["@nope.yaml", "novalue"]) else {
            Issue.record("expected a failure")
            return
        }
        #expect(badVars.diagnostics.map(\.code) == ["vars.missing-file", "vars.syntax"])
    }

    @Test("key=value splits on spaces outside quotes, as Ansible's parse_kv does")
    func splitPairs() {
        #expect(ExtraVars.splitPairs("a=1 b='two words' c=\"x y\"") == ["a=1", "b=two words", "c=x y"])
    }
}
