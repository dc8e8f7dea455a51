import Foundation
import KubeTestServer
import Subprocess
import SystemPackage
import Testing

/// Runs a real helm that `scripts/setup.sh` installs: helm 4 (`.tools/bin/helm`, `RIG_HELM`
/// overrides the path) or helm 3 (`.tools/bin/helm3`, `RIG_HELM3`), with a fresh HOME and a
/// kubeconfig for one test server (127.0.0.1 only).
struct Helm {
    /// Which helm: they differ in how they write chart objects (apply vs. create and patch).
    enum Major: String, Sendable, CaseIterable, CustomTestStringConvertible {
        case four = "helm 4"
        case three = "helm 3"

        var testDescription: String { rawValue }

        var binary: String { self == .four ? "helm" : "helm3" }
        var environmentVariable: String { self == .four ? "RIG_HELM" : "RIG_HELM3" }
    }

    let major: Major
    let executable: String
    let home: String
    let kubeconfig: String

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func path(_ major: Major) -> String {
        if let path = ProcessInfo.processInfo.environment[major.environmentVariable], !path.isEmpty { return path }
        return repository.appendingPathComponent(".tools/bin/" + major.binary).path
    }

    /// A chart directory under `Tests/KubeTestServerTests/Fixtures/charts`.
    static func chart(_ name: String) -> String {
        repository.appendingPathComponent("Tests/KubeTestServerTests/Fixtures/charts/" + name).path
    }

    /// A helm for the server; nil, with a recorded failure, when the binary is missing.
    static func make(_ major: Major = .four, for server: KubeTestServer) throws -> Helm? {
        let path = path(major)
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Issue.record("\(major.rawValue) is missing at \(path): run scripts/setup.sh (or set \(major.environmentVariable))")
            return nil
        }
        let home = NSTemporaryDirectory() + "helm-home-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try server.writeKubeconfig(to: home + "/kubeconfig", embedCertificates: true)
        return Helm(major: major, executable: path, home: home, kubeconfig: home + "/kubeconfig")
    }

    /// Runs helm; stdout and stderr together, and whether it exited 0.
    func run(_ arguments: String...) async throws -> (ok: Bool, output: String) {
        let result = try await Subprocess.run(
            .path(FilePath(executable)), arguments: Arguments(arguments),
            environment: .inherit.updating([
                "HOME": home, "KUBECONFIG": kubeconfig, "HELM_CACHE_HOME": home + "/cache",
                "HELM_CONFIG_HOME": home + "/config", "HELM_DATA_HOME": home + "/data",
            ]),
            output: .string(limit: 4 << 20), error: .string(limit: 4 << 20))
        return (result.terminationStatus == .exited(0), result.standardOutput + result.standardError)
    }
}
