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
        #expect(four.contains("--rollback-on-failure") && four.contains("--force-conflicts") && !four.contains("--atomic"))
        #expect(three.contains("--atomic") && three.contains("--force") && !three.contains("--rollback-on-failure"))
        #expect(Array(four.prefix(8)) == ["upgrade", "--install", "nats", "nats/nats", "--namespace", "messaging", "--kubeconfig", "/k"])
        #expect(!(four + three).joined(separator: " ").contains("hunter2"))
    }

    @Test("rig's fingerprint goes to the release record as a label; nothing else is added")
    func labels() {
        var request = HelmUpgradeRequest(release: "a", namespace: "n", chart: "c")
        #expect(!HelmCommandClient.upgradeArguments(request, major: 4, valuesFile: "/v").contains("--labels"))
        request.labels = [HelmFingerprint.label: "abc"]
        let arguments = HelmCommandClient.upgradeArguments(request, major: 3, valuesFile: "/v")
        #expect(arguments.suffix(2) == ["--labels", "rig-fingerprint=abc"])
    }

    @Test("helm's ownership and server-side apply conflicts get a hint naming skip_crds, take_ownership and force")
    func conflictHints() {
        let ownership = #"Error: unable to continue with install: CustomResourceDefinition "widgets.example.com" in namespace "" exists and cannot be imported into the current release: invalid ownership metadata"#
        let conflict = #"Error: conflict occurred while applying object /widgets.example.com apiextensions.k8s.io/v1, Kind=CustomResourceDefinition: Apply failed with 1 conflict: conflict with "rig": .spec.versions"#
        let adopt = HelmError.hint(forOutput: ownership, major: 4) ?? ""
        #expect(adopt.contains("take_ownership: true") && adopt.contains("skip_crds: true"))
        let take = HelmError.hint(forOutput: conflict, major: 4) ?? ""
        #expect(take.contains(#"field manager "rig""#) && take.contains("force: true") && take.contains("rig's k8s tasks"))
        #expect(HelmError.hint(forOutput: "Error: chart not found", major: 3) == nil)
    }

    @Test("the fingerprint changes with any chart file or value, and not with key order")
    func fingerprint() throws {
        let folder = NSTemporaryDirectory() + "rig-fingerprint-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/templates", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "name: x\nversion: 1.0.0\n".write(toFile: folder + "/Chart.yaml", atomically: true, encoding: .utf8)
        try "a: 1\n".write(toFile: folder + "/templates/a.yaml", atomically: true, encoding: .utf8)
        let values = YAMLValue.mapping([YAMLPair(.string("a"), .int(1)), YAMLPair(.string("b"), .string("x"))])
        let swapped = YAMLValue.mapping([YAMLPair(.string("b"), .string("x")), YAMLPair(.string("a"), .int(1))])
        let first = try #require(HelmFingerprint.of(chart: .directory(folder), values: values))
        #expect(HelmFingerprint.of(chart: .directory(folder), values: swapped) == first)
        #expect(HelmFingerprint.of(chart: .directory(folder), values: .mapping([YAMLPair(.string("a"), .int(2))])) != first)
        try "a: 2\n".write(toFile: folder + "/templates/a.yaml", atomically: true, encoding: .utf8)
        #expect(HelmFingerprint.of(chart: .directory(folder), values: values) != first)
        #expect(HelmFingerprint.of(chart: .directory(folder + "/missing"), values: values) == nil)
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: folder + "/a.tgz"))
        try Data([1, 2, 4]).write(to: URL(fileURLWithPath: folder + "/b.tgz"))
        let archive = HelmFingerprint.of(chart: .archive(folder + "/a.tgz"), values: values)
        #expect(archive != nil && archive != HelmFingerprint.of(chart: .archive(folder + "/b.tgz"), values: values))
        #expect(HelmFingerprint.of(chart: .pinned(reference: "r/c", version: "1"), values: values) != HelmFingerprint.of(chart: .pinned(reference: "r/c", version: "2"), values: values))
    }

    @Test("a fresh helm home lists no repositories (no repositories file, no helm process) and the major version is detected", arguments: HelmLiveTests.Major.allCases)
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
        #expect(await client.invocations.isEmpty)
        #expect(try await client.majorVersion() == (major == .four ? 4 : 3))
    }
}
