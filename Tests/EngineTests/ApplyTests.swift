import Engine
import Foundation
import Template
import Testing

/// `rig apply` with local modules, for real: processes run, files are written, and a second
/// run with the same inputs changes nothing.
@Suite("Applying local tasks changes this machine, once")
struct ApplyTests {
    func apply(_ playbook: String, files: [String: String]) async throws -> [TaskEvent] {
        var all = files
        all["play.yaml"] = playbook
        let context = LoadContext(fileSystem: MemoryRepository(files: all))
        let loaded = try #require(PlaybookLoader(context: context).load("play.yaml"))
        #expect(context.diagnostics.isEmpty, "\(context.diagnostics)")
        var events: [TaskEvent] = []
        _ = await Runner(playbook: loaded, options: RunOptions(mode: .apply), context: context) { event in
            if case .task(let task) = event { events.append(task) }
        }.run()
        return events
    }

    @Test("shell registers rc and output; template writes once; creates skips the second time")
    func localModules() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rig-apply-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let playbook = """
            - hosts: localhost
              vars: {who: world}
              tasks:
                - name: greet
                  shell: printf 'hi %s\\n' '{{ who }}'; printf 'oops' >&2
                  register: out
                - name: check
                  assert: {that: ["out.rc == 0", "out.stdout == 'hi world'", "out.stderr == 'oops'", "out.stdout_lines == ['hi world']"]}
                - name: write
                  template: {src: greeting.j2, dest: "\(folder)/greeting.txt", mode: "0600"}
                - name: once
                  command: touch \(folder)/made
                  args: {creates: "\(folder)/made"}
                - name: failing
                  command: /bin/sh -c 'exit 3'
                  register: bad
                  ignore_errors: true
                - assert: {that: ["bad.rc == 3", "bad is failed"]}
            """
        let files = ["greeting.j2": "Hello {{ who }}!\n"]
        let first = try await apply(playbook, files: files)
        #expect(first.map(\.status) == [.changed, .ok, .changed, .changed, .ignored, .ok])
        #expect(try String(contentsOfFile: folder + "/greeting.txt", encoding: .utf8) == "Hello world!\n")
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/greeting.txt")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let second = try await apply(playbook, files: files)
        #expect(second.map(\.status) == [.changed, .ok, .ok, .skipped, .ignored, .ok])
    }

    @Test("a helm task in a run without a cluster connection fails saying so instead of pretending")
    func clusterModules() async throws {
        let events = try await apply("- hosts: localhost\n  tasks:\n    - helm: {name: x, chart_ref: c/x, release_namespace: n}\n", files: [:])
        #expect(events.first?.status == .failed)
        #expect(events.first?.diagnostic?.summary.contains("no cluster connection") == true)
    }
}
