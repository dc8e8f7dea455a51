import Engine
import Foundation
import Helm
import Kube
import KubeHTTP
import KubeTestServer
import Template
import Testing
import YAML

/// What goes wrong with real helm 4 and helm 3 against the test server, and what rig says then:
/// a failed install rolled back, a release left pending, a chart edited without a version bump,
/// and CRDs that an earlier task owns.
@Suite("helm failures with the real helm 4 and helm 3 against the test server")
struct HelmLiveFailureTests {
    typealias Major = HelmLiveTests.Major

    static func demo(chart: String = HelmPlay.chart("demo"), extra: String = "", password: String = "s3cret-value") -> String {
        """
        - hosts: localhost
          tasks:
            - name: demo
              helm:
                name: demo
                chart_ref: \(chart)
                release_namespace: apps
                create_namespace: true
                values: {replicas: 1, color: green, password: \(password)}
        \(extra.isEmpty ? "" : "        " + extra)
        """
    }

    @Test("an install whose objects never become ready fails with helm's output, a hint and no value, and is rolled back (atomic)", arguments: Major.allCases)
    func atomicInstall(_ major: Major) async throws {
        try await HelmCluster.with(major) { cluster in
            let play = Self.demo(extra: "wait: true\n        wait_timeout: 2s\n        atomic: true")
            let outcome = try await cluster.run(.apply, play)
            #expect(!outcome.succeeded || outcome.recap.failed == 1)
            let diagnostic = try #require(outcome.events.first?.diagnostic)
            #expect(diagnostic.code == "helm.command")
            let message = diagnostic.description
            #expect(message.contains("helm upgrade --install demo"), "the command line is shown: \(message)")
            #expect(!message.contains("s3cret-value"), "no value in the error")
            #expect(diagnostic.hint?.contains("wait_timeout") == true, "\(String(describing: diagnostic.hint))")
            let invocation = try #require(await cluster.helm.invocations().last)
            #expect(invocation.contains(major == .four ? "--rollback-on-failure" : "--atomic"))
            #expect(try await cluster.release("demo") == nil, "the failed install was rolled back: no release record is left")
            let plan = try await cluster.run(.plan, Self.demo())
            #expect(plan.lines.first?.hasPrefix("demo: changed + apps/demo helm release") == true, "\(plan.lines)")
        }
    }

    @Test("a release left in pending-upgrade is reported with the way out, and helm is not started", arguments: Major.allCases)
    func pendingUpgrade(_ major: Major) async throws {
        try await HelmCluster.with(major) { cluster in
            #expect(try await cluster.run(.apply, Self.demo()).recap.changed == 1)
            var stuck = try #require(try await cluster.release("demo"))
            stuck.status = "pending-upgrade"
            stuck.revision = 2
            let client = try await cluster.client()
            let secrets = try #require(try await client.resource(apiVersion: "v1", kind: "Secret"))
            _ = try await client.apply(try stuck.secret(), resource: secrets, options: KubeApplyOptions(fieldManager: "helm"))
            let before = await cluster.helm.invocations().count
            let outcome = try await cluster.run(.apply, Self.demo(password: "other"))
            #expect(outcome.recap.failed == 1)
            let diagnostic = try #require(outcome.events.first?.diagnostic)
            #expect(diagnostic.code == "helm.pending")
            #expect(diagnostic.summary.contains("pending-upgrade at revision 2"), "\(diagnostic.summary)")
            #expect(diagnostic.hint?.contains("helm rollback demo --namespace apps") == true)
            #expect(await cluster.helm.invocations().count == before, "rig does not retry a stuck release")
        }
    }

    @Test("a local chart edited without a version bump: plan shows the object that changes, apply upgrades, then nothing runs", arguments: Major.allCases)
    func editedChart(_ major: Major) async throws {
        try await HelmCluster.with(major) { cluster in
            let folder = try HelmPlay.folder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try FileManager.default.copyItem(atPath: HelmPlay.chart("demo"), toPath: folder + "/demo")
            let play = Self.demo(chart: folder + "/demo")
            #expect(try await cluster.run(.apply, play).recap.changed == 1)
            let settled = await cluster.helm.invocations().count
            #expect(try await cluster.run(.apply, play).recap.changed == 0)
            #expect(await cluster.helm.invocations().count == settled, "fingerprint matches: no helm")
            let template = folder + "/demo/templates/configmap.yaml"
            let text = try String(contentsOfFile: template, encoding: .utf8)
            try (text + "  size: \"large\"\n").write(toFile: template, atomically: true, encoding: .utf8)
            let plan = try await cluster.run(.plan, play)
            #expect(
                plan.lines == [
                    "demo: changed ~ apps/demo helm release (the chart renders other objects than the release holds)",
                    #"demo: changed   ~ apps/demo-settings ConfigMap [data.size: - → "large"]"#,
                    "demo: changed   = apps/demo-web Deployment",
                ])
            #expect(try await cluster.run(.apply, play).recap.changed == 1)
            #expect(try await cluster.release("demo")?.revision == 2)
            let after = await cluster.helm.invocations().count
            let again = try await cluster.run(.apply, play)
            #expect(again.recap.changed == 0 && again.succeeded)
            #expect(await cluster.helm.invocations().count == after, "the new fingerprint was recorded with revision 2")
        }
    }

    static func crds(_ options: String) -> String {
        """
        - hosts: localhost
          tasks:
            - name: crds
              k8s:
                definition:
                  apiVersion: apiextensions.k8s.io/v1
                  kind: CustomResourceDefinition
                  metadata: {name: widgets.example.com}
                  spec:
                    group: example.com
                    names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
                    scope: Namespaced
                    versions:
                      - name: v1
                        served: true
                        storage: true
                        schema: {openAPIV3Schema: {type: object, description: from rig}}
            - name: widgets
              helm: {name: widgets, chart_ref: \(HelmPlay.chart("widgets")), release_namespace: apps, create_namespace: true\(options)}
        """
    }

    @Test("CRDs an earlier task applied: helm's refusal is explained (take_ownership, skip_crds), then Helm 4's conflict (force)", arguments: Major.allCases)
    func crdOwnership(_ major: Major) async throws {
        try await HelmCluster.with(major) { cluster in
            let refused = try await cluster.run(.apply, Self.crds(""))
            #expect(refused.recap.failed == 1)
            let ownership = try #require(refused.events.last?.diagnostic)
            #expect(ownership.hint?.contains("take_ownership: true") == true, "\(String(describing: ownership.hint))")
            let adopted = try await cluster.run(.apply, Self.crds(", take_ownership: true"))
            if major == .four {
                // Helm 4 applies server-side: the description field belongs to rig's k8s task.
                let conflict = try #require(adopted.events.last?.diagnostic)
                #expect(conflict.hint?.contains(#"field manager "rig""#) == true, "\(String(describing: conflict.hint))")
                #expect(conflict.hint?.contains("force: true") == true)
                let forced = try await cluster.run(.apply, Self.crds(", take_ownership: true, force: true"))
                #expect(forced.recap.failed == 0, "\(forced.lines)")
            } else {
                #expect(adopted.recap.failed == 0, "helm 3 applies client-side and takes the object: \(adopted.lines)")
            }
            #expect(try await cluster.release("widgets")?.status == "deployed")
        }
    }
}
