import Engine
import Foundation
import Helm
import Kube
import KubeHTTP
import KubeTestServer
import Testing
import YAML

/// helm_repository and charts from a repository, with the real helm 4 and helm 3 and a test
/// chart repository on 127.0.0.1 serving the `web` chart (0.1.0 and 0.2.0) packaged by that helm.
@Suite("helm repositories with the real helm 4 and helm 3 and a test chart repository")
struct HelmRepositoryLiveTests {
    typealias Major = HelmLiveTests.Major

    /// One test's world: a helm home, a chart repository serving the packaged `web` chart, and
    /// a helm provider that counts processes.
    struct World {
        let major: Major
        let home: HelmHome
        let charts: ChartRepositoryServer
        let helm: HelmCommandClientProvider

        /// Every helm command line rig has run so far.
        func invocations() async -> [[String]] { await helm.invocations() }

        func run(_ mode: RunOptions.Mode, _ playbook: String, kube: any KubeClientProvider = InMemoryKubeClientProvider(cluster: InMemoryKubeClient()), kubeconfig: String? = nil)
            async throws -> HelmPlay.Outcome
        {
            try await HelmPlay.run(mode, playbook, kube: kube, helm: helm, kubeconfig: kubeconfig)
        }

        /// Runs `body` against a fresh test API server, with rig's client for it; shut down afterwards.
        func withCluster(_ body: (Cluster) async throws -> Void) async throws {
            try await KubeTestServer.withServer { server in
                let kubeconfig = home.folder + "/kubeconfig"
                try server.writeKubeconfig(to: kubeconfig, embedCertificates: true)
                let kube = HTTPKubeClientProvider(environment: [:], homeDirectory: home.folder)
                do {
                    let client = try await kube.client(kubeconfig: kubeconfig, context: nil)
                    try await body(Cluster(world: self, kube: kube, kubeconfig: kubeconfig, client: client))
                } catch {
                    await kube.shutdown()
                    throw error
                }
                await kube.shutdown()
            }
        }

        /// Runs `body` with a fresh world, or records an issue when the helm binary is missing.
        static func with(
            _ major: Major, layout: HelmHome.Layout = .helmHomes, credentials: ChartRepositoryServer.Credentials? = nil,
            _ body: (World) async throws -> Void
        ) async throws {
            guard FileManager.default.isExecutableFile(atPath: major.path) else {
                Issue.record("\(major.rawValue) is missing at \(major.path): run scripts/setup.sh (or set \(major.variable))")
                return
            }
            let home = try HelmHome(layout)
            defer { home.remove() }
            let folder = home.folder + "/repository"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try await ChartRepositoryServer.withServer(folder: folder, credentials: credentials) { charts in
                try await home.publishWebCharts(major.path, to: folder, url: charts.url)
                let helm = HelmCommandClientProvider(environment: home.environment, defaultBinary: major.path)
                try await body(World(major: major, home: home, charts: charts, helm: helm))
            }
        }
    }

    /// A world's test API server: playbooks run against it, and its objects and release records read back.
    struct Cluster {
        let world: World
        let kube: HTTPKubeClientProvider
        let kubeconfig: String
        let client: any KubeClient

        var releases: HelmReleaseStore { HelmReleaseStore(client: client) }

        func run(_ mode: RunOptions.Mode, _ playbook: String) async throws -> HelmPlay.Outcome {
            try await world.run(mode, playbook, kube: kube, kubeconfig: kubeconfig)
        }

        /// The object `apps/<name>` of a kind, nil when absent.
        func object(_ apiVersion: String, _ kind: String, _ name: String) async throws -> YAMLValue? {
            try await client.get(try #require(try await client.resource(apiVersion: apiVersion, kind: kind)), name: name, namespace: "apps")
        }
    }

    static func repository(_ url: String, name: String = "charts", state: String = "present", force: Bool = false, login: String = "") -> String {
        """
        - hosts: localhost
          tasks:
            - name: repo
              helm_repository: {name: \(name), repo_url: "\(url)", state: \(state), force_update: \(force)\(login)}
        """
    }

    @Test("helm_repository adds a repository, leaves it alone without a helm process, refuses a moved URL, moves it with force_update, removes it", arguments: Major.allCases)
    func lifecycle(_ major: Major) async throws {
        try await World.with(major) { world in
            let url = world.charts.url
            let added = try await world.run(.apply, Self.repository(url))
            #expect(added.lines == ["repo: changed + charts helm repository (\(url))"])
            #expect(try await world.home.listedRepositories(major.path) == [HelmRepository(name: "charts", url: url)])
            #expect(world.charts.requests().contains { $0.path == "/index.yaml" && $0.status == 200 }, "helm fetched the index")
            let count = await world.invocations().count

            let again = try await world.run(.apply, Self.repository(url))
            #expect(again.lines == ["repo: ok = charts helm repository"])
            #expect(await world.invocations().count == count, "an unchanged repository starts no helm process")

            try await ChartRepositoryServer.withServer(folder: world.charts.folder) { mirror in
                let moved = try await world.run(.apply, Self.repository(mirror.url))
                #expect(!moved.succeeded)
                let diagnostic = try #require(moved.events.first?.diagnostic)
                #expect(diagnostic.summary.contains("helm repository charts is already configured with URL \(url), not \(mirror.url)"), "\(diagnostic)")
                #expect(diagnostic.hint?.contains("set force_update: true") == true, "\(diagnostic)")
                #expect(try await world.home.listedRepositories(major.path) == [HelmRepository(name: "charts", url: url)], "nothing changed")

                let forced = try await world.run(.apply, Self.repository(mirror.url, force: true))
                #expect(forced.lines == [#"repo: changed ~ charts helm repository [url: "\#(url)" → "\#(mirror.url)"]"#])
                #expect(try await world.home.listedRepositories(major.path) == [HelmRepository(name: "charts", url: mirror.url)])
            }

            let removed = try await world.run(.apply, Self.repository(url, state: "absent"))
            #expect(removed.lines == ["repo: changed - charts helm repository"])
            #expect(try await world.home.listedRepositories(major.path) == [])
            let removedCount = await world.invocations().count
            let gone = try await world.run(.apply, Self.repository(url, state: "absent"))
            #expect(gone.lines == ["repo: ok = charts helm repository (already absent)"])
            #expect(await world.invocations().count == removedCount, "an absent repository starts no helm process")
        }
    }

    @Test("rig reads the repositories file where helm writes it, whichever variables place it", arguments: Major.allCases, HelmHome.Layout.allCases)
    func layouts(_ major: Major, _ layout: HelmHome.Layout) async throws {
        try await World.with(major, layout: layout) { world in
            let added = try await world.run(.apply, Self.repository(world.charts.url))
            #expect(added.recap.changed == 1, "\(added.lines)")
            #expect(FileManager.default.fileExists(atPath: world.home.repositoriesFile), "helm wrote \(world.home.repositoriesFile)")
            let count = await world.invocations().count
            let again = try await world.run(.apply, Self.repository(world.charts.url))
            #expect(again.lines == ["repo: ok = charts helm repository"])
            #expect(await world.invocations().count == count, "no helm process")
        }
    }

    @Test("a repository behind basic auth is added with repo_username and repo_password; the password is never in argv", arguments: Major.allCases)
    func basicAuth(_ major: Major) async throws {
        let password = "pa55-word-only-on-stdin"
        try await World.with(major, credentials: .init(username: "reader", password: password)) { world in
            let url = world.charts.url
            let refused = try await world.run(.apply, Self.repository(url))
            #expect(!refused.succeeded)
            #expect(refused.events.first?.diagnostic?.summary.contains("401") == true, "\(refused.lines)")
            #expect(world.charts.requests().contains { $0.path == "/index.yaml" && $0.status == 401 && $0.username == nil })

            let login = ", repo_username: reader, repo_password: \(password)"
            let added = try await world.run(.apply, Self.repository(url, login: login))
            #expect(added.lines == ["repo: changed + charts helm repository (\(url))"])
            #expect(world.charts.requests().contains { $0.path == "/index.yaml" && $0.status == 200 && $0.username == "reader" })
            #expect(try await world.home.listedRepositories(major.path) == [HelmRepository(name: "charts", url: url)])
            let count = await world.invocations().count
            let again = try await world.run(.apply, Self.repository(url, login: login))
            #expect(again.lines == ["repo: ok = charts helm repository"])
            #expect(await world.invocations().count == count, "no helm process")

            let invocations = await world.invocations()
            #expect(invocations.contains { $0.starts(with: ["repo", "add", "charts", url]) && $0.contains("--password-stdin") })
            #expect(invocations.allSatisfy { !$0.joined(separator: " ").contains(password) }, "the password is never in argv")
            #expect((refused.lines + added.lines + again.lines).allSatisfy { !$0.contains(password) })
        }
    }

    static func release(_ url: String, versions: [(release: String, version: String)]) -> String {
        var playbook = """
            - hosts: localhost
              tasks:
                - name: repo
                  helm_repository: {name: charts, repo_url: "\(url)"}

            """
        for (release, version) in versions {
            playbook += """
                    - name: \(release)
                      helm:
                        name: \(release)
                        chart_ref: charts/web
                        chart_version: \(version)
                        release_namespace: apps
                        create_namespace: true
                        update_repo_cache: true

                """
        }
        return playbook
    }

    @Test("a chart from the repository is installed at 0.1.0, a version change is planned then upgraded to 0.2.0, then nothing runs helm", arguments: Major.allCases)
    func chartVersion(_ major: Major) async throws {
        try await World.with(major) { world in
            try await world.withCluster { cluster in
                func run(_ mode: RunOptions.Mode, _ version: String) async throws -> HelmPlay.Outcome {
                    try await cluster.run(mode, Self.release(world.charts.url, versions: [("web", version)]))
                }
                let fresh = try await run(.plan, "0.1.0")
                #expect(
                    fresh.lines == [
                        "repo: changed + charts helm repository (\(world.charts.url))",
                        #"web: changed + apps/web helm release [chart: - → "web"] [version: - → "0.1.0"] (its chart repository charts comes from an earlier task; its objects show once that is added)"#,
                    ])
                #expect(await world.invocations().isEmpty, "plan on a fresh machine starts no helm")

                let installed = try await run(.apply, "0.1.0")
                #expect(installed.recap.changed == 2, "\(installed.lines)")
                #expect(world.charts.requests().contains { $0.path == "/web-0.1.0.tgz" && $0.status == 200 }, "the chart came from the repository")
                #expect(try await cluster.releases.latest(release: "web", namespace: "apps")?.chartVersion == "0.1.0")
                #expect(try await cluster.object("v1", "ConfigMap", "web-settings")?["data"]?["chart"] == .string("0.1.0"))
                let before = await world.invocations().count

                let plan = try await run(.plan, "0.2.0")
                #expect(
                    plan.lines == [
                        "repo: ok = charts helm repository",
                        #"web: changed ~ apps/web helm release [version: "0.1.0" → "0.2.0"]"#,
                        #"web: changed   ~ apps/web-settings ConfigMap [data.chart: "0.1.0" → "0.2.0"]"#,
                        #"web: changed   ~ apps/web-web Deployment [spec.template.spec.containers[web].image: "registry.example/web:1.0" → "registry.example/web:2.0"]"#,
                    ])
                let planned = await world.invocations().dropFirst(before)
                #expect(planned.allSatisfy { !$0.starts(with: ["upgrade"]) || $0.contains("--dry-run=server") }, "plan upgrades nothing: \(planned)")
                #expect(try await cluster.releases.latest(release: "web", namespace: "apps")?.revision == 1)

                let upgraded = try await run(.apply, "0.2.0")
                #expect(upgraded.recap.changed == 1, "\(upgraded.lines)")
                #expect(upgraded.lines == plan.lines, "apply reports what plan showed")
                let release = try #require(try await cluster.releases.latest(release: "web", namespace: "apps"))
                #expect(release.revision == 2)
                #expect(release.status == "deployed")
                #expect(release.chartVersion == "0.2.0")
                #expect(try await cluster.object("v1", "ConfigMap", "web-settings")?["data"]?["chart"] == .string("0.2.0"))
                let deployment = try await cluster.object("apps/v1", "Deployment", "web-web")
                guard case .sequence(let containers) = deployment?["spec"]?["template"]?["spec"]?["containers"] ?? .null else {
                    Issue.record("the Deployment web-web has no containers: \(String(describing: deployment))")
                    return
                }
                #expect(containers.first?["image"] == .string("registry.example/web:2.0"))
                let after = await world.invocations().count

                let again = try await run(.apply, "0.2.0")
                #expect(again.recap.changed == 0, "\(again.lines)")
                #expect(again.succeeded)
                #expect(await world.invocations().count == after, "no helm process on the no-op path")
            }
        }
    }

    @Test("two releases asking for update_repo_cache in one run refresh the repositories once", arguments: Major.allCases)
    func oneRepositoryUpdate(_ major: Major) async throws {
        try await World.with(major) { world in
            try await world.withCluster { cluster in
                let installed = try await cluster.run(.apply, Self.release(world.charts.url, versions: [("first", "0.1.0"), ("second", "0.2.0")]))
                #expect(installed.recap.changed == 3, "\(installed.lines)")
                let invocations = await world.invocations()
                #expect(invocations.filter { $0.starts(with: ["repo", "update"]) }.count == 1, "\(invocations)")
                #expect(invocations.filter { $0.starts(with: ["upgrade", "--install"]) }.count == 2, "\(invocations)")
                #expect(try await cluster.releases.latest(release: "first", namespace: "apps")?.chartVersion == "0.1.0")
                #expect(try await cluster.releases.latest(release: "second", namespace: "apps")?.chartVersion == "0.2.0")
            }
        }
    }
}
