import Engine
import JetStream
import NATSClient
import Template
import Testing
import YAML

/// Runs a playbook in-process with the live NATS provider and collects what a user would see.
struct PlaybookRun {
    var events: [TaskEvent]
    var succeeded: Bool
    var recap: Recap

    /// One line per object change: `task: status glyph object [field: before → after] (note)`.
    var lines: [String] {
        events.flatMap { event -> [String] in
            let head = "\(event.task): \(event.status.rawValue)"
            if event.changes.isEmpty { return [head + (event.diagnostic.map { " \($0.summary)" } ?? "")] }
            return event.changes.map { change in
                var line = "\(head) \(change.glyphLine)"
                if let note = change.note { line += " (\(note))" }
                return line
            }
        }
    }

    static func run(
        _ mode: RunOptions.Mode, _ playbook: String, extra: [String: Value] = [:],
        provider: any JetStreamClientProvider = NATSJetStreamClientProvider()
    ) async throws -> PlaybookRun {
        let context = LoadContext(fileSystem: PlaybookFiles(files: ["play.yaml": playbook]))
        let loaded = try #require(PlaybookLoader(context: context).load("play.yaml"))
        #expect(context.diagnostics.isEmpty, "\(context.diagnostics)")
        var options = RunOptions(mode: mode, extraVariables: extra)
        options.jetStream = provider
        var events: [TaskEvent] = []
        var recap = Recap()
        let runner = Runner(playbook: loaded, options: options, context: context) { event in
            if case .task(let task) = event { events.append(task) }
            if case .recap(let final) = event { recap = final }
        }
        let succeeded = await runner.run()
        await provider.shutdown()
        return PlaybookRun(events: events, succeeded: succeeded, recap: recap)
    }
}

extension ObjectChange {
    /// `~ orders Stream [max_age: "1h" → "2h"]`.
    var glyphLine: String {
        var line = "\(action.glyph) \(object)"
        for field in fields {
            line += " [\(field.pathText): \(field.before.map { $0.jsonText } ?? "-") → \(field.after.map { $0.jsonText } ?? "-")]"
        }
        return line
    }
}

/// An in-memory repository holding the playbook.
struct PlaybookFiles: EngineFileSystem {
    var files: [String: String]

    func readFile(_ path: String) -> String? { files[path] }

    func isDirectory(_ path: String) -> Bool { files.keys.contains { $0.hasPrefix(path + "/") } }

    func listDirectory(_ path: String) -> [String]? {
        let names = files.keys.filter { $0.hasPrefix(path + "/") }.map { String($0.dropFirst(path.count + 1).prefix { $0 != "/" }) }
        return names.isEmpty ? nil : Array(Set(names))
    }
}

/// Watches every JetStream API request from a second connection: what rig really sent.
actor APISpy {
    let connection: NATSConnection
    let sid: String
    let messages: AsyncStream<NATSMessage>

    init(url: String) async throws {
        connection = try await NATSConnection.connect(NATSConnectionOptions(servers: [url]))
        (sid, messages) = try await connection.subscribe("$JS.API.>")
    }

    /// Every request seen so far, as (subject, body); ends the watch.
    func requests() async throws -> [(subject: String, body: YAMLValue?)] {
        try await connection.flush()
        try await connection.unsubscribe(sid)
        var seen: [(String, YAMLValue?)] = []
        for await message in messages {
            seen.append((message.subject, message.payload.isEmpty ? nil : try YAMLValue.parseJSON(message.payload)))
        }
        await connection.close()
        return seen
    }
}
