import Foundation
import Engine
import Helm
import Kube
import Template
import Testing
import YAML

/// The helm and helm_repository modules against an in-memory cluster and helm: what `plan`,
/// `apply` and `destroy` decide, and when helm is started at all.
@Suite("helm releases and repositories decide change themselves (in-memory helm)")
struct HelmModuleTests {
    static func playbook(state: String = "present", noLog: Bool = false) -> String {
        """
        - hosts: localhost
          vars: {replicas: 1}
          tasks:
            - name: demo
              no_log: \(noLog)
              kubernetes.core.helm:
                name: demo
                chart_ref: \(HelmPlay.chart("demo"))
                release_namespace: apps
                create_namespace: true
                state: \(state)
                values: {replicas: "{{ replicas | int }}", image: {tag: "1.0"}}
        """
    }

    struct Setup {
        let cluster = InMemoryKubeClient()
        let helm: InMemoryHelmClient

        init() { helm = InMemoryHelmClient(cluster: cluster) }

        func run(
            _ mode: RunOptions.Mode, _ playbook: String = HelmModuleTests.playbook(), extra: [String: Value] = [:], showValues: Bool = true
        ) async throws -> HelmPlay.Outcome {
            try await HelmPlay.run(mode, playbook, kube: InMemoryKubeClientProvider(cluster: cluster), helm: helm, extra: extra, showValues: showValues)
        }
    }

    @Test("plan of a fresh install shows the chart, every value and the objects helm would create; apply installs; a second apply starts no helm")
    func installThenNoOp() async throws {
        let setup = Setup()
        let plan = try await setup.run(.plan)
        #expect(
            plan.lines == [
                #"demo: changed + apps/demo helm release [chart: - → "demo"] [version: - → "0.1.0"] [values.replicas: - → 1] [values.image: - → {"tag":"1.0"}] (chart demo 0.1.0)"#,
                "demo: changed   + apps/demo-values ConfigMap",
            ])
        #expect(await setup.helm.calls.map(\.description) == ["render apps/demo"], "plan renders, never upgrades")
        await setup.helm.clearCalls()
        let first = try await setup.run(.apply)
        #expect(first.recap.changed == 1, "\(first.lines)")
        #expect(await setup.helm.calls.map(\.description) == ["upgrade apps/demo"])
        await setup.helm.clearCalls()
        let second = try await setup.run(.apply)
        #expect(second.succeeded)
        #expect(second.recap.changed == 0)
        #expect(second.lines == ["demo: ok = apps/demo helm release"])
        #expect(await setup.helm.calls.isEmpty)
    }

    @Test("a changed value is planned as exactly that field and applied as revision 2")
    func valuesChange() async throws {
        let setup = Setup()
        _ = try await setup.run(.apply)
        let plan = try await setup.run(.plan, extra: ["replicas": .int(3)])
        let expected = [
            "demo: changed ~ apps/demo helm release [values.replicas: 1 → 3]",
            #"demo: changed   ~ apps/demo-values ConfigMap [data.replicas: "1" → "3"]"#,
        ]
        #expect(plan.lines == expected)
        let apply = try await setup.run(.apply, extra: ["replicas": .int(3)])
        #expect(apply.recap.changed == 1)
        #expect(apply.lines == expected, "apply reports what the new revision changed")
        let release = try await HelmReleaseStore(client: setup.cluster).latest(release: "demo", namespace: "apps")
        #expect(release?.revision == 2)
        #expect(release?.values["replicas"] == .int(3))
    }

    @Test("a no_log release's values are masked in the plan")
    func maskedValues() async throws {
        let setup = Setup()
        _ = try await setup.run(.apply, Self.playbook(noLog: true))
        let plan = try await setup.run(.plan, Self.playbook(noLog: true), extra: ["replicas": .int(7)])
        #expect(plan.lines.allSatisfy { !$0.contains("7") }, "\(plan.lines)")
    }

    @Test("without --show-values a plan names the changed values but hides them; objects' diffs stay, Secret data masked")
    func hiddenValues() async throws {
        let setup = Setup()
        let play = """
            - hosts: localhost
              vars: {password: one}
              tasks:
                - name: db
                  helm: {name: db, chart_ref: \(HelmPlay.chart("demo")), release_namespace: apps, create_namespace: true, values: {db_password: "{{ password }}", size: 1}}
            """
        _ = try await setup.run(.apply, play)
        let plan = try await setup.run(.plan, play, extra: ["password": .string("two")], showValues: false)
        #expect(
            plan.lines == [
                #"db: changed ~ apps/db helm release [values.db_password: "(hidden)" → "(hidden)"]"#,
                "db: changed   = apps/db-values ConfigMap",
                #"db: changed   ~ apps/db-credentials Secret [stringData.db_password: "(sensitive value)" → "(sensitive value)"]"#,
            ])
        #expect(plan.lines.allSatisfy { !$0.contains("one") && !$0.contains("two") })
    }

    @Test("a release without rig's fingerprint (installed by helm itself) is rendered once and left alone when its objects are the same")
    func adoptsWithoutFingerprint() async throws {
        let setup = Setup()
        _ = try await setup.run(.apply)
        var release = try #require(try await HelmReleaseStore(client: setup.cluster).latest(release: "demo", namespace: "apps"))
        #expect(release.fingerprint?.count == 40, "rig records its fingerprint with the release")
        release.labels = [:]
        try await setup.helm.write(release)
        await setup.helm.clearCalls()
        let again = try await setup.run(.apply)
        #expect(again.recap.changed == 0)
        #expect(again.lines == ["demo: ok = apps/demo helm release (rendered: the same objects)"])
        #expect(await setup.helm.calls.map(\.description) == ["render apps/demo"])
    }

    @Test("a local chart whose files change without a version bump is rendered again, not trusted")
    func editedLocalChart() async throws {
        let setup = Setup()
        let folder = try HelmPlay.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: HelmPlay.chart("demo"), toPath: folder + "/demo")
        let play = Self.playbook().replacingOccurrences(of: HelmPlay.chart("demo"), with: folder + "/demo")
        _ = try await setup.run(.apply, play)
        await setup.helm.clearCalls()
        _ = try await setup.run(.apply, play)
        #expect(await setup.helm.calls.isEmpty, "same files, same values: no helm")
        try "# edited\n".write(toFile: folder + "/demo/templates/NOTES.txt", atomically: true, encoding: .utf8)
        let edited = try await setup.run(.apply, play)
        #expect(await setup.helm.calls.map(\.description) == ["render apps/demo"])
        #expect(edited.recap.changed == 0, "the fake chart renders the same objects")
    }

    @Test("a release stuck in pending-upgrade fails with the way out and starts no helm")
    func pendingUpgrade() async throws {
        let setup = Setup()
        _ = try await setup.run(.apply)
        try await setup.helm.write(HelmRelease(status: "pending-upgrade", name: "demo", namespace: "apps", revision: 2, chartName: "demo", chartVersion: "0.1.0"))
        await setup.helm.clearCalls()
        let outcome = try await setup.run(.apply)
        #expect(!outcome.succeeded)
        let diagnostic = try #require(outcome.events.first?.diagnostic)
        #expect(diagnostic.code == "helm.pending")
        #expect(diagnostic.hint?.contains("helm rollback demo --namespace apps") == true)
        #expect(await setup.helm.calls.isEmpty)
    }

    @Test("state absent uninstalls a release once; then it is already absent without helm")
    func absent() async throws {
        let setup = Setup()
        _ = try await setup.run(.apply)
        let plan = try await setup.run(.plan, Self.playbook(state: "absent"))
        #expect(plan.lines == ["demo: changed - apps/demo helm release"])
        let removed = try await setup.run(.apply, Self.playbook(state: "absent"))
        #expect(removed.recap.changed == 1)
        await setup.helm.clearCalls()
        let again = try await setup.run(.apply, Self.playbook(state: "absent"))
        #expect(again.lines == ["demo: ok = apps/demo helm release (already absent)"])
        #expect(await setup.helm.calls.isEmpty)
    }

    @Test("destroy uninstalls releases last declared first")
    func destroyOrder() async throws {
        let setup = Setup()
        let two = """
            - hosts: localhost
              tasks:
                - {name: first, helm: {name: one, chart_ref: \(HelmPlay.chart("demo")), release_namespace: apps, create_namespace: true}}
                - {name: second, helm: {name: two, chart_ref: \(HelmPlay.chart("demo")), release_namespace: apps}}
            """
        _ = try await setup.run(.apply, two)
        await setup.helm.clearCalls()
        let destroy = try await setup.run(.destroy, two)
        #expect(destroy.succeeded)
        #expect(await setup.helm.calls.map(\.description) == ["uninstall apps/two", "uninstall apps/one"])
    }

    @Test("destroy goes back through k8s tasks and releases in one order: last declared first")
    func destroyInterleaved() async throws {
        let setup = Setup()
        let play = """
            - hosts: localhost
              tasks:
                - {name: namespace, k8s: {definition: {apiVersion: v1, kind: Namespace, metadata: {name: apps}}}}
                - {name: release, helm: {name: demo, chart_ref: \(HelmPlay.chart("demo")), release_namespace: apps}}
                - {name: settings, k8s: {definition: {apiVersion: v1, kind: ConfigMap, metadata: {name: settings, namespace: apps}, data: {a: b}}}}
            """
        #expect(try await setup.run(.apply, play).recap.changed == 3)
        let destroy = try await setup.run(.destroy, play)
        #expect(
            destroy.lines == [
                "settings: changed - apps/settings ConfigMap", "release: changed - apps/demo helm release", "namespace: changed - apps Namespace",
            ])
    }

    @Test("plan on a fresh machine: a release from a repository an earlier task adds is shown as created, not an error")
    func planBeforeRepository() async throws {
        let setup = Setup()
        let play = """
            - hosts: localhost
              tasks:
                - {name: repo, helm_repository: {name: charts, repo_url: "https://charts.example"}}
                - {name: web, helm: {name: web, chart_ref: charts/web, chart_version: 1.0.0, release_namespace: apps, create_namespace: true}}
            """
        let plan = try await setup.run(.plan, play)
        #expect(plan.succeeded)
        #expect(plan.lines.last == #"web: changed + apps/web helm release [chart: - → "web"] [version: - → "1.0.0"] (its chart repository charts comes from an earlier task; its objects show once that is added)"#)
        #expect(await setup.helm.calls.map(\.verb) == ["repo list"], "nothing rendered, nothing added")
    }

    @Test("plan of a chart whose objects need CRDs an earlier task creates says so instead of failing")
    func planBeforeCRDs() async throws {
        let setup = Setup()
        let play = """
            - hosts: localhost
              tasks:
                - name: crd
                  k8s:
                    definition:
                      apiVersion: apiextensions.k8s.io/v1
                      kind: CustomResourceDefinition
                      metadata: {name: widgets.example.com}
                      spec: {group: example.com, scope: Namespaced, names: {kind: Widget, plural: widgets}, versions: [{name: v1, served: true, storage: true}]}
                - {name: demo, helm: {name: demo, chart_ref: \(HelmPlay.chart("demo")), release_namespace: apps, create_namespace: true}}
            """
        await setup.helm.failNext("render", with: HelmError(code: "helm.command", message: #"resource mapping not found for name: "w" namespace: "" from "": no matches for kind "Widget" in version "example.com/v1""#))
        let plan = try await setup.run(.plan, play)
        #expect(plan.succeeded, "\(plan.lines)")
        #expect(plan.lines.last?.hasSuffix("(helm can render its objects once an earlier task's CRDs exist)") == true, "\(plan.lines)")
        await setup.helm.failNext("render", with: HelmError(code: "helm.command", message: "template: demo/templates/x.yaml:1: function \"nope\" not defined"))
        let broken = try await setup.run(.plan, play)
        #expect(broken.recap.failed == 1, "other render failures still fail the plan")
    }

    static func repository(url: String, force: Bool = false) -> String {
        """
        - hosts: localhost
          tasks:
            - name: repo
              helm_repository: {name: nats, repo_url: "\(url)", force_update: \(force), repo_username: me, repo_password: hunter2}
        """
    }

    @Test("helm_repository adds a missing repository once, refuses a changed URL, and replaces it with force_update")
    func repositories() async throws {
        let setup = Setup()
        let added = try await setup.run(.apply, Self.repository(url: "https://nats-io.github.io/k8s/helm/charts"))
        #expect(added.recap.changed == 1)
        let again = try await setup.run(.apply, Self.repository(url: "https://nats-io.github.io/k8s/helm/charts"))
        #expect(again.lines == ["repo: ok = nats helm repository"])
        let moved = try await setup.run(.apply, Self.repository(url: "https://charts.example/nats"))
        #expect(!moved.succeeded)
        #expect(moved.events.first?.diagnostic?.hint?.contains("force_update") == true)
        let forced = try await setup.run(.apply, Self.repository(url: "https://charts.example/nats", force: true))
        #expect(forced.recap.changed == 1)
        #expect(try await setup.helm.repositories() == [HelmRepository(name: "nats", url: "https://charts.example/nats")])
    }
}
