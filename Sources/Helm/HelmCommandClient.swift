import Foundation
import Subprocess
import SystemPackage
import YAML

/// The live `HelmClient`: runs the helm binary, one process per call, with the provider's
/// environment. The Helm major version is asked (`helm version --short`) the first time a call
/// needs version-specific flags, and kept. Values go through a private file (`HelmValuesFile`),
/// passwords through stdin; argv holds neither. Every helm command line is kept in `invocations`.
package actor HelmCommandClient: HelmClient {
    package let executable: String
    private let environment: [String: String]
    private var major: Int?
    /// Every helm command line run so far, in order.
    package private(set) var invocations: [[String]] = []

    package init(executable: String, environment: [String: String]) {
        self.executable = executable
        self.environment = environment
    }

    /// The major version of the binary: 3 or 4.
    package func majorVersion() async throws(HelmError) -> Int {
        if let major { return major }
        let output = try await run(["version", "--short"])
        let digits = output.drop(while: { $0 == "v" }).prefix(while: { $0.isNumber })
        guard let found = Int(digits), found >= 3 else {
            throw HelmError(code: "helm.binary", message: "\(executable) is not helm 3 or 4 (it says \(output.trimmingCharacters(in: .whitespacesAndNewlines)))")
        }
        major = found
        return found
    }

    package func repositories() async throws(HelmError) -> [HelmRepository] {
        // helm's own file, read directly: no helm process on the path most runs take. Only a
        // file rig cannot read is left to `helm repo list`.
        if let configured = HelmRepositoryConfig(environment: environment).repositories() { return configured }
        let output: String
        do throws(HelmError) {
            output = try await run(["repo", "list", "-o", "json"])
        } catch {
            // helm fails rather than print an empty list.
            if error.message.contains("no repositories") { return [] }
            throw error
        }
        let trimmed = output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        guard case .sequence(let items) = (try? YAMLValue.parseJSON(trimmed)) ?? .null else {
            throw HelmError(code: "helm.repository", message: "helm repo list printed something that is not a JSON list: \(trimmed)")
        }
        return items.compactMap { item in
            guard let name = item["name"]?.stringValue, let url = item["url"]?.stringValue else { return nil }
            return HelmRepository(name: name, url: url)
        }
    }

    package func addRepository(_ repository: HelmRepository, credentials: HelmCredentials?, forceUpdate: Bool) async throws(HelmError) {
        var arguments = ["repo", "add", repository.name, repository.url]
        if let credentials { arguments += ["--username", credentials.username, "--password-stdin"] }
        if forceUpdate { arguments.append("--force-update") }
        _ = try await run(arguments, input: credentials?.password)
    }

    package func removeRepository(_ name: String) async throws(HelmError) {
        _ = try await run(["repo", "remove", name])
    }

    package func updateRepositories() async throws(HelmError) {
        _ = try await run(["repo", "update"])
    }

    package func upgrade(_ request: HelmUpgradeRequest) async throws(HelmError) {
        let major = try await majorVersion()
        let file = try HelmValuesFile(request.values)
        defer { file.remove() }
        _ = try await run(Self.upgradeArguments(request, major: major, valuesFile: file.path))
    }

    package func render(_ request: HelmUpgradeRequest) async throws(HelmError) -> HelmRelease {
        let major = try await majorVersion()
        var dry = request
        dry.wait = false
        dry.atomic = false
        dry.timeout = nil
        let file = try HelmValuesFile(request.values)
        defer { file.remove() }
        let arguments = Self.upgradeArguments(dry, major: major, valuesFile: file.path) + ["--dry-run=server", "-o", "json"]
        let output = try await run(arguments)
        guard let record = try? YAMLValue.parseJSON(output), record["manifest"] != nil else {
            throw HelmError(code: "helm.render", message: "helm \(arguments.joined(separator: " ")) printed something that is not a release:\n\(output.prefix(2000))")
        }
        return HelmRelease(record: record)
    }

    package func uninstall(_ request: HelmUninstallRequest) async throws(HelmError) {
        var arguments = ["uninstall", request.release, "--namespace", request.namespace] + Self.connectionArguments(request.connection)
        if request.wait { arguments.append("--wait") }
        if let timeout = request.timeout { arguments += ["--timeout", timeout] }
        _ = try await run(arguments)
    }

    /// The `helm upgrade --install` command line for a major version; values only by file.
    package static func upgradeArguments(_ request: HelmUpgradeRequest, major: Int, valuesFile: String) -> [String] {
        var arguments = ["upgrade", "--install", request.release, request.chart, "--namespace", request.namespace]
        arguments += connectionArguments(request.connection)
        if let version = request.version { arguments += ["--version", version] }
        arguments += ["-f", valuesFile]
        arguments.append(request.valuesMode == .reset ? "--reset-values" : "--reuse-values")
        if request.createNamespace { arguments.append("--create-namespace") }
        if request.wait { arguments.append("--wait") }
        if let timeout = request.timeout { arguments += ["--timeout", timeout] }
        if request.atomic { arguments.append(major >= 4 ? "--rollback-on-failure" : "--atomic") }
        if request.force { arguments.append(major >= 4 ? "--force-conflicts" : "--force") }
        if request.takeOwnership { arguments.append("--take-ownership") }
        if request.skipCRDs { arguments.append("--skip-crds") }
        if let history = request.historyMax { arguments += ["--history-max", String(history)] }
        if !request.labels.isEmpty {
            arguments += ["--labels", request.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")]
        }
        return arguments
    }

    static func connectionArguments(_ connection: HelmConnection) -> [String] {
        var arguments: [String] = []
        if let kubeconfig = connection.kubeconfig { arguments += ["--kubeconfig", kubeconfig] }
        if let context = connection.context { arguments += ["--kube-context", context] }
        return arguments
    }

    /// Runs helm once; its stdout when it exits 0, else its whole output in the error.
    private func run(_ arguments: [String], input: String? = nil) async throws(HelmError) -> String {
        invocations.append(arguments)
        var variables: [Environment.Key: String] = [:]
        for (name, value) in environment { variables[Environment.Key(stringLiteral: name)] = value }
        let path = executable.contains("/") ? Executable.path(FilePath(executable)) : Executable.name(executable)
        let record: (status: TerminationStatus, output: String, error: String)
        do {
            let result = try await Subprocess.run(
                path, arguments: Arguments(arguments), environment: .custom(variables), input: .string(input ?? ""),
                output: .string(limit: 64 << 20), error: .string(limit: 16 << 20))
            record = (result.terminationStatus, result.standardOutput, result.standardError)
        } catch {
            throw .binary(executable, "\(error)")
        }
        guard case .exited(0) = record.status else {
            let said = [record.error, record.output].filter { !$0.isEmpty }.joined(separator: "\n")
            let output = said.trimmingCharacters(in: .whitespacesAndNewlines)
            throw .command(arguments, output: output, hint: HelmError.hint(forOutput: output, major: major))
        }
        return record.output
    }
}
