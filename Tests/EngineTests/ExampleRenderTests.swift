import Engine
import Foundation
import Template
import Testing
import YAML

/// The example repository renders offline, and what it would hand to Helm and Kubernetes equals
/// what real ansible-core 2.19 computes from the same role (fixtures in
/// Tests/Fixtures/example-render, written by its regenerate.sh).
@Suite("rig render of the example repository")
struct ExampleRenderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let fixtures = repository + "/Tests/Fixtures/example-render"

    static func render(env: String?) async throws -> (documents: [RenderedDocument], failures: [TaskEvent], diagnostics: [String]) {
        let context = LoadContext(fileSystem: LocalEngineFileSystem())
        let loader = PlaybookLoader(context: context, rolesPaths: [repository + "/roles"])
        let playbook = try #require(loader.load(repository + "/playbooks/local-dev-messaging.yaml"))
        var properties: [String: Value] = [:]
        if let env {
            let text = try String(contentsOfFile: repository + "/env/\(env).yaml", encoding: .utf8)
            properties = Value(yaml: try #require(try YAMLLoader.loadValues(text, path: env).first)).stringKeyed
        }
        var documents: [RenderedDocument] = []
        var failures: [TaskEvent] = []
        let options = RunOptions(mode: .render, environmentProperties: properties, environmentName: env)
        await Runner(playbook: playbook, options: options, context: context) { event in
            if case .rendered(let document) = event { documents.append(document) }
            if case .task(let task) = event, task.status == .failed { failures.append(task) }
        }.run()
        return (documents, failures, context.diagnostics.map(\.description))
    }

    static func fixture(_ env: String, _ name: String) throws -> Value {
        try Value(json: try String(contentsOfFile: fixtures + "/\(env)/\(name).json", encoding: .utf8))
    }

    @Test("renders the namespace, the CRDs, the repository, both releases and the stream, in task order")
    func documentsInOrder() async throws {
        let result = try await Self.render(env: nil)
        #expect(result.diagnostics.isEmpty)
        #expect(result.failures.isEmpty)
        let kinds = result.documents.map { $0.title.split(separator: " ").first.map(String.init) ?? "" }
        #expect(kinds == ["Namespace"] + Array(repeating: "CustomResourceDefinition", count: 6) + ["helm", "helm", "helm", "Stream"])
        #expect(result.documents.first?.location.description.hasSuffix("playbooks/local-dev-messaging.yaml:11:7") == true)
    }

    @Test("release values and the stream equal Ansible's, for each environment", arguments: [("properties", nil), ("local", "local"), ("staging", "staging")])
    func matchesAnsible(fixture: String, env: String?) async throws {
        let result = try await Self.render(env: env)
        #expect(result.failures.isEmpty, "\(result.failures.map { $0.diagnostic?.description ?? "" })")
        let releases = result.documents.filter { $0.title.hasPrefix("helm release") }.map(\.value.stringKeyed)
        let nats = try #require(releases.first { $0["release"] == .string("nats") })
        let nack = try #require(releases.first { $0["release"] == .string("nack-jsc") })
        #expect(nats["values"] == (try Self.fixture(fixture, "nats-values.yaml.j2")))
        #expect(nack["values"] == (try Self.fixture(fixture, "nack-values.yaml.j2")))
        let stream = try #require(result.documents.first { $0.title.hasPrefix("Stream") })
        #expect(stream.value == (try Self.fixture(fixture, "stream.yaml.j2@contact-person")))
    }

    @Test("--env overlays change only the keys they name")
    func overlays() async throws {
        let local = try await Self.render(env: "local").documents
        let staging = try await Self.render(env: "staging").documents
        func replicas(_ documents: [RenderedDocument]) -> Value? {
            documents.first { $0.title.hasPrefix("helm release nats ") }?.value.stringKeyed["values"]?.stringKeyed["config"]?
                .stringKeyed["cluster"]?.stringKeyed["replicas"]
        }
        #expect(replicas(local) == .int(1))
        #expect(replicas(staging) == .int(3))
    }
}
