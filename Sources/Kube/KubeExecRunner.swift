import Foundation
import Subprocess
import SystemPackage
import YAML

/// Runs an exec credential plugin the way client-go does: the plugin's `env` on top of the
/// process environment, `KUBERNETES_EXEC_INFO` describing the request, stdout read as an
/// `ExecCredential`, stderr kept for the error message.
package struct KubeExecRunner: Sendable {
    /// The environment the plugin inherits (the process environment in `rig`).
    package var environment: [String: String]

    /// A runner whose plugins inherit `environment`.
    package init(environment: [String: String]) {
        self.environment = environment
    }

    /// Runs the plugin once and parses what it printed.
    package func run(_ plugin: KubeExecPlugin, cluster: YAMLValue?) async throws(KubeError) -> KubeExecCredential {
        if plugin.interactiveMode == .always {
            throw .config(
                "\(plugin) needs an interactive terminal (interactiveMode: Always), which rig does not give it",
                hint: plugin.installHint ?? "log in with the plugin in a terminal first, or set interactiveMode: IfAvailable")
        }
        var variables: [Environment.Key: String] = [:]
        for (name, value) in environment { variables[Environment.Key(stringLiteral: name)] = value }
        for pair in plugin.environment { variables[Environment.Key(stringLiteral: pair.name)] = pair.value.revealed }
        variables["KUBERNETES_EXEC_INFO"] = execInfo(plugin, cluster: cluster).jsonText
        let executable: Executable = plugin.command.contains("/") ? .path(FilePath(plugin.command)) : .name(plugin.command)
        let result: ExecutionRecord
        do {
            let outcome = try await Subprocess.run(
                executable, arguments: Arguments(plugin.arguments), environment: .custom(variables),
                output: .bytes(limit: 4 * 1024 * 1024), error: .string(limit: 256 * 1024))
            result = ExecutionRecord(
                status: outcome.terminationStatus, output: outcome.standardOutput, error: outcome.standardError)
        } catch {
            if Task.isCancelled || error is CancellationError { throw .interrupted }
            throw .config("\(plugin) could not be started: \(error)", hint: plugin.installHint)
        }
        if Task.isCancelled { throw .interrupted }
        guard case .exited(0) = result.status else {
            throw .config(
                "\(plugin) failed (\(result.statusDescription))\(Self.tail(result.error).map { ": \($0)" } ?? "")",
                hint: plugin.installHint)
        }
        return try KubeExecCredential.parse(result.output, plugin: plugin)
    }

    /// The `ExecCredential` request client-go puts in `KUBERNETES_EXEC_INFO`.
    func execInfo(_ plugin: KubeExecPlugin, cluster: YAMLValue?) -> YAMLValue {
        var spec: [YAMLPair] = []
        if let cluster { spec.append(YAMLPair(.string("cluster"), cluster)) }
        spec.append(YAMLPair(.string("interactive"), .bool(false)))
        return .mapping([
            YAMLPair(.string("kind"), .string("ExecCredential")),
            YAMLPair(.string("apiVersion"), .string(plugin.apiVersion)),
            YAMLPair(.string("spec"), .mapping(spec)),
        ])
    }

    /// The last few lines of a plugin's stderr, at most 600 characters, or nil when it said nothing.
    static func tail(_ text: String) -> String? {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return nil }
        let joined = lines.suffix(5).joined(separator: " / ")
        return joined.count > 600 ? "…" + joined.suffix(600) : joined
    }
}

/// What one plugin run left behind.
private struct ExecutionRecord {
    var status: TerminationStatus
    var output: [UInt8]
    var error: String

    var statusDescription: String {
        switch status {
        case .exited(let code): "exit code \(code)"
        case .signaled(let signal): "killed by signal \(signal)"
        }
    }
}
