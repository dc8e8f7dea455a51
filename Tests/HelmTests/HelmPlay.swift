import Engine
import Foundation
import Helm
import Kube
import Template
import Testing

/// Runs a playbook written to a fresh folder on disk, beside `files` (so local charts and values
/// files are read as rig reads them) with the given cluster and helm, and keeps what a user would see.
struct HelmPlay {
    struct Outcome {
        var events: [TaskEvent]
        /// What `render` emitted, in order.
        var rendered: [RenderedDocument] = []
        var succeeded: Bool
        var recap: Recap

        /// One line per change: `task: status glyph object [field: before → after] (note)`.
        var lines: [String] {
            events.flatMap { event -> [String] in
                let head = "\(event.task): \(event.status.rawValue)"
                if event.changes.isEmpty { return [head + (event.diagnostic.map { " \($0.summary)" } ?? "")] }
                return event.changes.flatMap { change in
                    [HelmPlay.line(head, change)] + change.members.map { HelmPlay.line(head + "  ", $0) }
                }
            }
        }
    }

    /// `head glyph object [field: before → after] (note)`.
    static func line(_ head: String, _ change: ObjectChange) -> String {
        var line = "\(head) \(change.action.glyph) \(change.object)"
        for field in change.fields {
            line += " [\(field.pathText): \(field.before.map { $0.jsonText } ?? "-") → \(field.after.map { $0.jsonText } ?? "-")]"
        }
        if let note = change.note { line += " (\(note))" }
        return line
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    /// The local test chart `Fixtures/charts/<name>`.
    static func chart(_ name: String) -> String { fixtures + "/charts/" + name }

    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "rig-helm-play-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return path
    }

    static func run(
        _ mode: RunOptions.Mode, _ playbook: String, kube: any KubeClientProvider, helm: any HelmClientProvider,
        kubeconfig: String? = nil, extra: [String: Value] = [:], files: [String: String] = [:], data: [String: Data] = [:],
        showValues: Bool = true
    ) async throws -> Outcome {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        for (name, bytes) in data { try bytes.write(to: URL(fileURLWithPath: folder + "/" + name)) }
        try playbook.write(toFile: folder + "/play.yaml", atomically: true, encoding: .utf8)
        let context = LoadContext(fileSystem: LocalEngineFileSystem())
        let loaded = try #require(PlaybookLoader(context: context).load(folder + "/play.yaml"))
        #expect(context.diagnostics.isEmpty, "\(context.diagnostics)")
        var options = RunOptions(mode: mode, extraVariables: extra, kube: KubeRunOptions(provider: kube, kubeconfig: kubeconfig))
        options.helm = helm
        options.showValues = showValues
        options.clock = ManualRunClock()
        var events: [TaskEvent] = []
        var rendered: [RenderedDocument] = []
        var recap = Recap()
        let runner = Runner(playbook: loaded, options: options, context: context) { event in
            if case .task(let task) = event { events.append(task) }
            if case .rendered(let document) = event { rendered.append(document) }
            if case .recap(let final) = event { recap = final }
        }
        let succeeded = await runner.run()
        return Outcome(events: events, rendered: rendered, succeeded: succeeded, recap: recap)
    }
}
