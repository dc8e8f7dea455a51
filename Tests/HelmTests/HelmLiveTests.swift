import Engine
import Foundation
import Helm
import KubeHTTP
import KubeTestServer
import Template
import Testing

/// The helm module driving the real helm 4 and helm 3 against the test API server.
@Suite("helm releases with the real helm 4 and helm 3 against the test server")
struct HelmLiveTests {
    enum Major: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case four = "helm 4"
        case three = "helm 3"

        var testDescription: String { rawValue }
        var binary: String { self == .four ? "helm" : "helm3" }
        var variable: String { self == .four ? "RIG_HELM" : "RIG_HELM3" }

        var path: String {
            if let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty { return path }
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            return root.appendingPathComponent(".tools/bin/" + binary).path
        }
    }

    static func playbook(replicas: Int = 1, state: String = "present") -> String {
        """
        - hosts: localhost
          tasks:
            - name: demo
              helm:
                name: demo
                chart_ref: \(HelmPlay.chart("demo"))
                release_namespace: apps
                create_namespace: true
                state: \(state)
                values: {replicas: \(replicas), color: green}
        """
    }

    @Test("install, a second run without a single helm process, a values change planned then upgraded, then state absent", arguments: Major.allCases)
    func lifecycle(_ major: Major) async throws {
        try await HelmCluster.with(major) { cluster in
            let (kube, helm, kubeconfig) = (cluster.kube, cluster.helm, cluster.kubeconfig)
            func run(_ mode: RunOptions.Mode, _ playbook: String) async throws -> HelmPlay.Outcome {
                try await cluster.run(mode, playbook)
            }
            let fresh = try await run(.plan, Self.playbook())
            #expect(fresh.lines.dropFirst() == ["demo: changed   + apps/demo-settings ConfigMap", "demo: changed   + apps/demo-web Deployment"])
            let installed = try await run(.apply, Self.playbook())
            #expect(installed.recap.changed == 1, "\(installed.lines)")
            #expect(await helm.invocations().contains { $0.starts(with: ["upgrade", "--install", "demo"]) })
            let before = await helm.invocations().count

            let second = try await run(.apply, Self.playbook())
            #expect(second.succeeded)
            #expect(second.recap.changed == 0, "\(second.lines)")
            #expect(await helm.invocations().count == before, "no helm process on the no-op path")

            let plan = try await run(.plan, Self.playbook(replicas: 2))
            #expect(
                plan.lines == [
                    "demo: changed ~ apps/demo helm release [values.replicas: 1 → 2]",
                    "demo: changed   = apps/demo-settings ConfigMap",
                    "demo: changed   ~ apps/demo-web Deployment [spec.replicas: 1 → 2]",
                ])
            let planned = await helm.invocations().dropFirst(before)
            #expect(planned.count == 1 && planned.allSatisfy { $0.contains("--dry-run=server") }, "plan renders once and upgrades nothing: \(planned)")
            let upgraded = try await run(.apply, Self.playbook(replicas: 2))
            #expect(upgraded.recap.changed == 1, "\(upgraded.lines)")
            #expect(upgraded.lines == plan.lines, "apply reports the objects the upgrade changed")
            let client = try await kube.client(kubeconfig: kubeconfig, context: nil)
            let release = try await HelmReleaseStore(client: client).latest(release: "demo", namespace: "apps")
            #expect(release?.revision == 2)
            #expect(release?.status == "deployed")
            #expect(release?.values["replicas"] == .int(2))
            let deployment = try await client.get(
                try #require(try await client.resource(apiVersion: "apps/v1", kind: "Deployment")), name: "demo-web", namespace: "apps")
            #expect(deployment?["spec"]?["replicas"] == .int(2))

            let removed = try await run(.apply, Self.playbook(replicas: 2, state: "absent"))
            #expect(removed.recap.changed == 1, "\(removed.lines)")
            #expect(try await HelmReleaseStore(client: client).latest(release: "demo", namespace: "apps") == nil)
            let invocations = await helm.invocations()
            #expect(invocations.allSatisfy { !$0.contains("replicas") && !$0.contains("green") }, "values never in argv")
        }
    }

    @Test("a packaged chart (.tgz, relative to the playbook) installs, and a second run starts no helm (its bytes are the fingerprint)", arguments: Major.allCases)
    func packagedChart(_ major: Major) async throws {
        try await HelmCluster.with(major) { cluster in
            let folder = try HelmPlay.folder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            _ = try await cluster.home.helm(major.path, ["package", HelmPlay.chart("demo"), "-d", folder])
            let archive = folder + "/demo-0.1.0.tgz"
            let play = Self.playbook().replacingOccurrences(of: HelmPlay.chart("demo"), with: "demo-0.1.0.tgz")
            let data = ["demo-0.1.0.tgz": try Data(contentsOf: URL(fileURLWithPath: archive))]
            func run(_ mode: RunOptions.Mode) async throws -> HelmPlay.Outcome {
                try await HelmPlay.run(mode, play, kube: cluster.kube, helm: cluster.helm, kubeconfig: cluster.kubeconfig, data: data)
            }
            #expect(try await run(.apply).recap.changed == 1)
            let installed = await cluster.helm.invocations().count
            let again = try await run(.apply)
            #expect(again.recap.changed == 0 && again.succeeded, "\(again.lines)")
            #expect(await cluster.helm.invocations().count == installed, "same archive, same values: no helm")
            #expect(try await cluster.release("demo")?.chartName == "demo")
        }
    }
}
