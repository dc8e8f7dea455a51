import Foundation
import KubeTestServer
import Subprocess
import SystemPackage
import Testing

/// Runs the real helm 4 that `scripts/setup.sh` installs (`RIG_HELM` overrides the path).
struct Helm {
    let executable: String
    let home: String
    let kubeconfig: String
    let chart: String

    static var path: String {
        if let path = ProcessInfo.processInfo.environment["RIG_HELM"], !path.isEmpty { return path }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repository.appendingPathComponent(".tools/bin/helm").path
    }

    /// A helm with a fresh HOME, a kubeconfig and a one-ConfigMap chart; nil, with a recorded
    /// failure, when the binary is missing.
    static func make(for server: KubeTestServer) throws -> Helm? {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Issue.record("helm 4 is missing at \(path): run scripts/setup.sh (or set RIG_HELM)")
            return nil
        }
        let home = NSTemporaryDirectory() + "helm-home-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home + "/chart/templates", withIntermediateDirectories: true)
        try "apiVersion: v2\nname: demo\nversion: 0.1.0\n".write(toFile: home + "/chart/Chart.yaml", atomically: true, encoding: .utf8)
        let template = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-settings\ndata:\n  color: blue\n"
        try template.write(toFile: home + "/chart/templates/cm.yaml", atomically: true, encoding: .utf8)
        try server.writeKubeconfig(to: home + "/kubeconfig", embedCertificates: true)
        return Helm(executable: path, home: home, kubeconfig: home + "/kubeconfig", chart: home + "/chart")
    }

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

@Suite("The real helm 4 against the test server")
struct HelmTests {
    @Test("helm install --dry-run=server reads the cluster (GETs only) and renders the release")
    func dryRun() async throws {
        try await KubeTestServer.withServer { server in
            guard let helm = try Helm.make(for: server) else { return }
            let result = try await helm.run("install", "demo", helm.chart, "-n", "default", "--dry-run=server")
            #expect(result.ok, "\(result.output)")
            #expect(result.output.contains("name: demo-settings"))
            #expect(!server.requests().isEmpty)
            #expect(server.requests().allSatisfy { !$0.isWrite })
        }
    }

    @Test("helm install stores its release")
    func install() async throws {
        try await KubeTestServer.withServer { server in
            guard let helm = try Helm.make(for: server) else { return }
            await withKnownIssue("helm writes release Secrets as protobuf; the test server answers 415 until it decodes them") {
                let result = try await helm.run("install", "demo", helm.chart, "-n", "default")
                #expect(result.ok, "\(result.output)")
            }
        }
    }
}
