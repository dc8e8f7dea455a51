import Foundation
import Helm
import Testing

/// helm's repositories file as rig finds and reads it, and the fall back to `helm repo list`.
@Suite("helm's repositories file, read without helm")
struct HelmRepositoryConfigTests {
    struct Location: Sendable, CustomTestStringConvertible {
        var environment: [String: String]
        var platform: HelmRepositoryConfig.Platform = .linux
        var path: String?

        var testDescription: String { path ?? "nowhere" }
    }

    static let locations: [Location] = [
        Location(environment: ["HELM_REPOSITORY_CONFIG": "/r.yaml", "HELM_CONFIG_HOME": "/c", "HOME": "/h"], path: "/r.yaml"),
        Location(environment: ["HELM_CONFIG_HOME": "/c", "XDG_CONFIG_HOME": "/x", "HOME": "/h"], path: "/c/repositories.yaml"),
        Location(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"], path: "/x/helm/repositories.yaml"),
        Location(environment: ["HELM_REPOSITORY_CONFIG": "", "HELM_CONFIG_HOME": "", "HOME": "/h"], path: "/h/.config/helm/repositories.yaml"),
        Location(environment: ["HOME": "/h"], platform: .macOS, path: "/h/Library/Preferences/helm/repositories.yaml"),
        Location(environment: ["PATH": "/bin"], path: nil),
    ]

    @Test("the file is where helm looks: HELM_REPOSITORY_CONFIG, HELM_CONFIG_HOME, XDG_CONFIG_HOME, then HOME", arguments: locations)
    func location(_ location: Location) {
        #expect(HelmRepositoryConfig(environment: location.environment, platform: location.platform).path == location.path)
    }

    static let written = """
        apiVersion: ""
        generated: "0001-01-01T00:00:00Z"
        repositories:
        - caFile: ""
          name: nats
          password: hunter2
          url: https://nats-io.github.io/k8s/helm/charts/
          username: me
        - name: "on"
          url: http://127.0.0.1:8080/
        """

    @Test("a file as helm writes it gives each repository's name and URL in order")
    func parse() {
        #expect(
            HelmRepositoryConfig.repositories(in: Self.written) == [
                HelmRepository(name: "nats", url: "https://nats-io.github.io/k8s/helm/charts/"),
                HelmRepository(name: "on", url: "http://127.0.0.1:8080/"),
            ])
    }

    @Test(
        "an empty file, no list or an empty list means no repositories; only the first document counts",
        arguments: ["", "apiVersion: \"\"\n", "repositories: []\n", "repositories:\n", "repositories: []\n---\nrepositories:\n- {name: a, url: b}\n"])
    func empty(_ text: String) {
        #expect(HelmRepositoryConfig.repositories(in: text) == [])
    }

    @Test(
        "a file that is not what helm writes is not guessed at",
        arguments: ["apiVersion: 1\napiVersion: 2\n", "repositories: {}\n", "- a\n", "repositories:\n- {name: a, url: 1}\n", "repositories:\n- {name: a}\n", "\tx: [\n"])
    func unreadable(_ text: String) {
        #expect(HelmRepositoryConfig.repositories(in: text) == nil)
    }

    @Test("a missing file means no repositories")
    func missing() {
        let config = HelmRepositoryConfig(environment: ["HELM_REPOSITORY_CONFIG": NSTemporaryDirectory() + "rig-no-such-" + UUID().uuidString + "/r.yaml"])
        #expect(config.repositories() == [])
    }

    @Test("the live client reads the file without helm, and leaves a file rig cannot parse to `helm repo list`", arguments: HelmLiveTests.Major.allCases)
    func fallback(_ major: HelmLiveTests.Major) async throws {
        guard FileManager.default.isExecutableFile(atPath: major.path) else {
            Issue.record("\(major.rawValue) is missing at \(major.path): run scripts/setup.sh (or set \(major.variable))")
            return
        }
        let home = try HelmHome()
        defer { home.remove() }
        try FileManager.default.createDirectory(atPath: home.folder + "/config", withIntermediateDirectories: true)
        try Self.written.write(toFile: home.repositoriesFile, atomically: true, encoding: .utf8)
        let reader = HelmCommandClient(executable: major.path, environment: home.environment)
        #expect(try await reader.repositories().map(\.name) == ["nats", "on"])
        #expect(await reader.invocations.isEmpty, "no helm process")

        // A duplicate key: rig's YAML loader refuses it, helm takes the file anyway.
        try "apiVersion: \"\"\napiVersion: \"\"\nrepositories:\n- name: a\n  url: http://127.0.0.1:1/\n".write(
            toFile: home.repositoriesFile, atomically: true, encoding: .utf8)
        let asker = HelmCommandClient(executable: major.path, environment: home.environment)
        #expect(try await asker.repositories() == [HelmRepository(name: "a", url: "http://127.0.0.1:1/")])
        #expect(await asker.invocations == [["repo", "list", "-o", "json"]])
    }
}
