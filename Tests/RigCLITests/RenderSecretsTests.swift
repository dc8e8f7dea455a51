import Engine
import Foundation
import RigCLI
import Testing

@Suite("rig render never prints secrets")
struct RenderSecretsTests {
    @Test("a Secret's values and a no_log task's documents are masked on the terminal, kept in the document itself")
    func masked() async throws {
        let playbook = """
            - hosts: localhost
              vars: {password: hunter2}
              tasks:
                - name: credentials
                  k8s:
                    definition: {apiVersion: v1, kind: Secret, metadata: {name: db, namespace: app}, stringData: {password: "{{ password }}"}}
                - name: quiet config
                  no_log: true
                  k8s:
                    definition: {apiVersion: v1, kind: ConfigMap, metadata: {name: db, namespace: app}, data: {dsn: "postgres://u:{{ password }}@db"}}
            """
        let context = LoadContext(fileSystem: MemoryFiles(files: ["play.yaml": playbook]))
        let loaded = try #require(PlaybookLoader(context: context).load("play.yaml"))
        var documents: [RenderedDocument] = []
        await Runner(playbook: loaded, options: RunOptions(mode: .render), context: context) { event in
            if case .rendered(let document) = event { documents.append(document) }
        }.run()
        #expect(documents.count == 2)
        let shown = documents.map { DocumentText.render($0, showing: $0.printable) }.joined()
        #expect(!shown.contains("hunter2"), "\(shown)")
        #expect(shown.contains("password: (sensitive value)"))
        #expect(shown.contains("no_log"))
        let files = documents.map { DocumentText.render($0) }.joined()
        #expect(files.contains("hunter2"))
    }
}
