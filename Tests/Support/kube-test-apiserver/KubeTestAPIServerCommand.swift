import Foundation
import Synchronization
import KubeTestServer

// kube-test-apiserver --kubeconfig PATH [--token T] [--embed-certificates]
// A line `count` on standard input prints `count N`: the requests since the last count.
// Signals and standard input are watched with Dispatch sources (no queues of our own, nothing blocks).
// Starts the test API server, writes a kubeconfig, prints `ready URL`, and runs until SIGTERM,
// SIGINT or the end of standard input.

@main
enum KubeTestAPIServerCommand {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let options = CommandOptions(arguments) else {
            FileHandle.standardError.write(Data("usage: kube-test-apiserver --kubeconfig PATH [--token T] [--embed-certificates]\n".utf8))
            exit(2)
        }
        do {
            let server = try await KubeTestServer.start(
                options: KubeTestServerOptions(bearerTokens: Set(options.tokens)))
            try server.writeKubeconfig(to: options.kubeconfig, certificates: options.embed ? .embedded : .files)
            FileHandle.standardOutput.write(Data("ready \(server.url)\n".utf8))
            await StopSignal.wait { line in
                // `count`: how many requests arrived since the last count (for scripts/bench/kube.py).
                guard line == "count" else { return }
                let count = server.requests().count
                server.clearRequests()
                FileHandle.standardOutput.write(Data("count \(count)\n".utf8))
            }
            await server.shutdown()
        } catch {
            FileHandle.standardError.write(Data("kube-test-apiserver: \(error)\n".utf8))
            exit(1)
        }
    }
}

struct CommandOptions {
    var kubeconfig: String
    var tokens: [String] = []
    var embed = false

    init?(_ arguments: [String]) {
        var kubeconfig: String?
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--kubeconfig" where index + 1 < arguments.count:
                kubeconfig = arguments[index + 1]
                index += 1
            case "--token" where index + 1 < arguments.count:
                tokens.append(arguments[index + 1])
                index += 1
            case "--embed-certificates":
                embed = true
            default:
                return nil
            }
            index += 1
        }
        guard let kubeconfig else { return nil }
        self.kubeconfig = kubeconfig
    }
}

/// Waits for SIGTERM, SIGINT or end of standard input, whichever comes first.
enum StopSignal {
    static func wait(onLine: @escaping @Sendable (String) -> Void) async {
        signal(SIGTERM, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        let (stops, continuation) = AsyncStream<Void>.makeStream()
        let terminate = DispatchSource.makeSignalSource(signal: SIGTERM)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT)
        let input = DispatchSource.makeReadSource(fileDescriptor: STDIN_FILENO)
        terminate.setEventHandler { continuation.yield() }
        interrupt.setEventHandler { continuation.yield() }
        let pending = LineBuffer()
        input.setEventHandler {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(STDIN_FILENO, &buffer, buffer.count)
            if count <= 0 {
                continuation.yield()
                return
            }
            for line in pending.append(buffer[0..<count]) { onLine(line) }
        }
        terminate.resume()
        interrupt.resume()
        input.resume()
        _ = await stops.first { _ in true }
        withExtendedLifetime((terminate, interrupt, input)) {}
    }
}

/// Bytes read from standard input, split into lines.
final class LineBuffer: Sendable {
    private let bytes = Mutex<[UInt8]>([])

    /// Adds bytes and returns the lines they complete.
    func append(_ more: ArraySlice<UInt8>) -> [String] {
        bytes.withLock { bytes in
            bytes.append(contentsOf: more)
            var lines: [String] = []
            while let newline = bytes.firstIndex(of: 0x0A) {
                lines.append(String(decoding: bytes[..<newline], as: UTF8.self))
                bytes.removeSubrange(...newline)
            }
            return lines
        }
    }
}
