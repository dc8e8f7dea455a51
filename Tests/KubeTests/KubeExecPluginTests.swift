import Foundation
import Kube
import Synchronization
import Testing
import YAML

/// A wall clock tests move by hand.
final class ManualWallClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date) { current = Mutex(start) }

    var clock: KubeWallClock { KubeWallClock { [self] in current.withLock { $0 } } }

    func set(_ date: Date) { current.withLock { $0 = date } }
}

@Suite("Exec credential plugins")
struct KubeExecPluginTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// The runs counted by the fixture plugin.
    func runs(_ sandbox: borrowing KubeconfigSandbox) -> Int {
        let text = (try? String(contentsOfFile: sandbox.path("counter.txt"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").count
    }

    func authenticator(
        _ sandbox: borrowing KubeconfigSandbox, clock: ManualWallClock, environment: [String: String]
    ) throws -> KubeAuthenticator {
        let connection = try sandbox.loader().connection(kubeconfig: sandbox.path("exec-v1.yaml"), context: nil)
        var variables = ProcessInfo.processInfo.environment
        variables.merge(environment) { _, new in new }
        return KubeAuthenticator(connection: connection, runner: KubeExecRunner(environment: variables), clock: clock.clock)
    }

    @Test("a token is cached until it expires, then the plugin runs again")
    func cachesUntilExpiry() async throws {
        let sandbox = try KubeconfigSandbox()
        let clock = ManualWallClock(Self.start)
        let expiry = "2027-01-15T08:00:00Z"  // 1_800_000_000 is 2027-01-15T08:00:00Z
        let authenticator = try authenticator(sandbox, clock: clock, environment: ["PLUGIN_EXPIRY": expiry])
        clock.set(Self.start.addingTimeInterval(-3600))
        let first = try await authenticator.credentials()
        #expect(first.authorization?.revealed == "Bearer exec-token-1")
        clock.set(Self.start.addingTimeInterval(-60))
        _ = try await authenticator.credentials()
        #expect(runs(sandbox) == 1)
        clock.set(Self.start.addingTimeInterval(1))
        _ = try await authenticator.credentials()
        #expect(runs(sandbox) == 2)
        #expect(await authenticator.pluginRuns == 2)
    }

    @Test("concurrent requests share one plugin run")
    func concurrentRequestsShareOneRun() async throws {
        let sandbox = try KubeconfigSandbox()
        let authenticator = try authenticator(sandbox, clock: ManualWallClock(Self.start), environment: [:])
        try await withThrowingTaskGroup(of: KubeRequestCredentials.self) { group in
            for _ in 0..<8 { group.addTask { try await authenticator.credentials() } }
            for try await credentials in group { #expect(credentials.authorization?.revealed == "Bearer exec-token-1") }
        }
        #expect(runs(sandbox) == 1)
    }

    @Test("a credential without expiry lasts until a 401 invalidates it")
    func invalidate() async throws {
        let sandbox = try KubeconfigSandbox()
        let authenticator = try authenticator(sandbox, clock: ManualWallClock(Self.start), environment: [:])
        _ = try await authenticator.credentials()
        _ = try await authenticator.credentials()
        #expect(runs(sandbox) == 1)
        await authenticator.invalidate()
        _ = try await authenticator.credentials()
        #expect(runs(sandbox) == 2)
    }

    @Test("KUBERNETES_EXEC_INFO carries the apiVersion, interactive false and the cluster when asked")
    func execInfo() async throws {
        let sandbox = try KubeconfigSandbox()
        let copy = sandbox.home + "/exec-info.json"
        let authenticator = try authenticator(sandbox, clock: ManualWallClock(Self.start), environment: ["EXEC_INFO_COPY": copy])
        _ = try await authenticator.credentials()
        let info = try YAMLValue.parseJSON(try String(contentsOfFile: copy, encoding: .utf8))
        #expect(info["kind"] == .string("ExecCredential"))
        #expect(info["apiVersion"] == .string("client.authentication.k8s.io/v1"))
        #expect(info["spec"]?["interactive"] == .bool(false))
        #expect(info["spec"]?["cluster"]?["server"] == .string("https://k8s.example.com:6443"))
        #expect(info["spec"]?["cluster"]?["config"]?["audience"] == .string("rig-tests"))
        let ca = try KubeconfigSandbox.pem("ca.crt")
        #expect(info["spec"]?["cluster"]?["certificate-authority-data"] == .string(Data(ca).base64EncodedString()))
    }

    @Test("a failing plugin reports its stderr tail and install hint, never its token")
    func failure() async throws {
        let sandbox = try KubeconfigSandbox()
        let authenticator = try authenticator(sandbox, clock: ManualWallClock(Self.start), environment: ["PLUGIN_FAIL": "1"])
        let error = await #expect(throws: KubeError.self) { try await authenticator.credentials() }
        #expect(error?.code == "kube.config")
        #expect(
            error?.message
                == "exec plugin '\(sandbox.kube)/./bin/credential-plugin.sh' failed (exit code 255): preparing credentials / "
                + "error: SSO session expired; run 'aws sso login'")
        #expect(error?.hint == "install the credential plugin with 'make plugin'")
    }

    @Test("a plugin answering in another apiVersion than configured is refused")
    func apiVersionMismatch() async throws {
        let sandbox = try KubeconfigSandbox()
        let authenticator = try authenticator(
            sandbox, clock: ManualWallClock(Self.start), environment: ["PLUGIN_API_VERSION": "client.authentication.k8s.io/v1beta1"])
        let error = await #expect(throws: KubeError.self) { try await authenticator.credentials() }
        #expect(error?.message.contains("answered in apiVersion 'client.authentication.k8s.io/v1beta1'") == true)
    }

    @Test("a missing plugin program gives the install hint")
    func missingProgram() async throws {
        let plugin = KubeExecPlugin(
            apiVersion: "client.authentication.k8s.io/v1beta1", command: "rig-no-such-plugin-xyz", installHint: "brew install it")
        let runner = KubeExecRunner(environment: ProcessInfo.processInfo.environment)
        let error = await #expect(throws: KubeError.self) { try await runner.run(plugin, cluster: nil) }
        #expect(error?.code == "kube.config")
        #expect(error?.hint == "brew install it")
    }

    @Test("an ExecCredential with a client certificate and an RFC 3339 expiry with fractions is read")
    func parseCertificate() throws {
        let plugin = KubeExecPlugin(apiVersion: "client.authentication.k8s.io/v1beta1", command: "x")
        let text = #"""
            {"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"clientCertificateData":"-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n","clientKeyData":"-----BEGIN PRIVATE KEY-----\nB\n-----END PRIVATE KEY-----\n","expirationTimestamp":"2027-01-15T08:00:00.250Z"}}
            """#
        let credential = try KubeExecCredential.parse(Array(text.utf8), plugin: plugin)
        #expect(credential.token == nil)
        #expect(credential.clientCertificate?.certificatePEM.count == 56)
        #expect(credential.expiration == Self.start.addingTimeInterval(0.25))
    }

    @Test("token files are read again when they change")
    func tokenFileRotation() async throws {
        let sandbox = try KubeconfigSandbox()
        let path = sandbox.home + "/token"
        try sandbox.write("first\n", to: path)
        let connection = KubeConnection(server: "https://x", authentication: .tokenFile(path: path), origin: "test")
        let authenticator = KubeAuthenticator(connection: connection, runner: KubeExecRunner(environment: [:]))
        #expect(try await authenticator.credentials().authorization?.revealed == "Bearer first")
        try sandbox.write("second-longer\n", to: path)
        #expect(try await authenticator.credentials().authorization?.revealed == "Bearer second-longer")
    }
}
