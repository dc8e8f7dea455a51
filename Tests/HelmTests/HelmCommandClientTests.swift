import Foundation
import Helm
import Testing
import YAML

/// The live helm client's command lines and the real binaries' answers it depends on.
@Suite("the helm command client")
struct HelmCommandClientTests {
    @Test("the upgrade command line rolls back with --rollback-on-failure on helm 4 and --atomic on helm 3, and holds no value")
    func flags() {
        var request = HelmUpgradeRequest(
            release: "nats", namespace: "messaging", chart: "nats/nats", version: "1.2.0",
            values: .mapping([YAMLPair(.string("password"), .string("hunter2"))]))
        request.atomic = true
        request.force = true
        request.connection = HelmConnection(kubeconfig: "/k", context: "dev")
        let four = HelmCommandClient.upgradeArguments(request, major: 4, valuesFile: "/tmp/v.yaml")
        let three = HelmCommandClient.upgradeArguments(request, major: 3, valuesFile: "/tmp/v.yaml")
        #expect(four.contains("--rollback-on-failure") && four.contains("--force-replace") && !four.contains("--atomic"))
        #expect(three.contains("--atomic") && three.contains("--force") && !three.contains("--rollback-on-failure"))
        #expect(Array(four.prefix(8)) == ["upgrade", "--install", "nats", "nats/nats", "--namespace", "messaging", "--kubeconfig", "/k"])
        #expect(!(four + three).joined(separator: " ").contains("hunter2"))
    }

    @Test("a fresh helm home lists no repositories (helm's 'no repositories' error is an empty list) and the major version is detected", arguments: HelmLiveTests.Major.allCases)
    func emptyRepositories(_ major: HelmLiveTests.Major) async throws {
        guard FileManager.default.isExecutableFile(atPath: major.path) else {
            Issue.record("\(major.rawValue) is missing at \(major.path): run scripts/setup.sh (or set \(major.variable))")
            return
        }
        let home = try HelmPlay.folder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let client = HelmCommandClient(
            executable: major.path,
            environment: ["HOME": home, "HELM_CONFIG_HOME": home + "/config", "HELM_CACHE_HOME": home + "/cache", "HELM_DATA_HOME": home + "/data"])
        #expect(try await client.repositories() == [])
        #expect(try await client.majorVersion() == (major == .four ? 4 : 3))
    }
}
