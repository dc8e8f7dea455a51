import Foundation
import JetStream
import NATSClient
import NIOCore
import NIOPosix
import Testing

/// A real `nats-server -js` for one test: 127.0.0.1, a free port, a temporary store, stopped by
/// the test that started it (and only that process).
actor NATSTestServer {
    let port: Int
    let directory: String
    private let process: Process
    private let log: FileHandle

    /// The server's process id.
    var pid: Int32 { process.processIdentifier }

    /// The URL clients use.
    nonisolated var url: String { "nats://127.0.0.1:\(port)" }

    /// Starts the server with extra arguments or a config file body, and waits until it accepts clients.
    static func start(
        config: String? = nil, arguments: [String] = [], port fixedPort: Int? = nil, directory fixedDirectory: String? = nil
    ) async throws -> NATSTestServer {
        guard let binary = Self.binary() else {
            Issue.record("nats-server is not installed: run scripts/setup.sh (it installs Debian's nats-server)")
            throw NATSTestServerError.missing
        }
        var port = fixedPort ?? 0
        if fixedPort == nil { port = try await freePort() }
        let directory = fixedDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("rig-nats-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var all = ["-js", "-a", "127.0.0.1", "-p", String(port), "-sd", directory + "/store"]
        if let config {
            let path = directory + "/server.conf"
            try config.write(toFile: path, atomically: true, encoding: .utf8)
            all += ["-c", path]
        }
        all += arguments
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = all
        let logPath = directory + "/server.log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let server = NATSTestServer(port: port, directory: directory, process: process, log: log)
        try await server.waitUntilReady()
        return server
    }

    private init(port: Int, directory: String, process: Process, log: FileHandle) {
        self.port = port
        self.directory = directory
        self.process = process
        self.log = log
    }

    static func binary() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { "\($0)/nats-server" } + ["/usr/sbin/nats-server", "/usr/bin/nats-server"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A port nobody listens on right now: bound to 127.0.0.1:0 and released.
    static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }

    private func waitUntilReady() async throws {
        for _ in 0..<100 {
            guard process.isRunning else { break }
            let connected = try? await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port).get()
            if let connected {
                try? await connected.close()
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw NATSTestServerError.notReady(logText())
    }

    /// The server's log, for failure messages.
    func logText() -> String {
        (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""
    }

    /// Stops the server (SIGKILL when `abruptly`) and waits until it is gone.
    func stop(abruptly: Bool = false) async {
        if process.isRunning {
            if abruptly { kill(process.processIdentifier, SIGKILL) } else { process.terminate() }
        }
        for _ in 0..<200 where process.isRunning { try? await Task.sleep(for: .milliseconds(25)) }
        try? log.close()
    }

    /// Stops the server and removes its files.
    func remove() async {
        await stop()
        try? FileManager.default.removeItem(atPath: directory)
    }
}

enum NATSTestServerError: Error {
    case missing
    case notReady(String)
}

extension NATSTestServer {
    /// Runs `body` with a fresh server, removed afterwards whatever happens.
    static func with<T>(
        config: String? = nil, arguments: [String] = [], _ body: (NATSTestServer) async throws -> T
    ) async throws -> T {
        let server = try await start(config: config, arguments: arguments)
        do {
            let result = try await body(server)
            await server.remove()
            return result
        } catch {
            await server.remove()
            throw error
        }
    }
}
