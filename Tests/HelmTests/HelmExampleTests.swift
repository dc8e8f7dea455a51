import Engine
import Foundation
import Helm
import Kube
import KubeHTTP
import KubeTestServer
import Template
import Testing
import YAML

/// The example playbook (playbooks/local-dev-messaging.yaml, `--env local`), helm tasks included,
/// against the test API server with the real helm 4 and helm 3. Its repository is a test chart
/// repository on 127.0.0.1 serving stand-ins for the nats and nack charts
/// (Fixtures/charts/example), named through the example's `helm_repository.nats` property.
@Suite("the example playbook end to end, helm releases included", .serialized)
struct HelmExampleTests {
    typealias Major = HelmLiveTests.Major

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    struct Outcome {
        var lines: [String]
        var recap: Recap
        var succeeded: Bool
    }

    /// One run of the example as `rig <mode> playbooks/local-dev-messaging.yaml --env <env>
    /// --kubeconfig … --context test -e helm_repository={nats: <url>}` would run it.
    static func run(
        _ mode: RunOptions.Mode, env: String, repository: String, kube: any KubeClientProvider, helm: any HelmClientProvider,
        kubeconfig: String, showValues: Bool = false
    ) async throws -> Outcome {
        let context = LoadContext(fileSystem: LocalEngineFileSystem())
        let playbook = try #require(PlaybookLoader(context: context, rolesPaths: [root + "/roles"]).load(root + "/playbooks/local-dev-messaging.yaml"))
        #expect(context.diagnostics.isEmpty, "\(context.diagnostics)")
        let propertiesText = try String(contentsOfFile: root + "/env/\(env).yaml", encoding: .utf8)
        let properties = Value(yaml: try #require(try YAMLLoader.loadValues(propertiesText, path: env).first))
        var options = RunOptions(
            mode: mode, extraVariables: ["helm_repository": .dict([.string("nats"): .string(repository)])],
            environmentProperties: properties.stringKeyed, environmentName: env,
            kube: KubeRunOptions(provider: kube, kubeconfig: kubeconfig, context: "test"))
        options.helm = helm
        options.showValues = showValues
        options.clock = ManualRunClock()
        var lines: [String] = []
        var recap = Recap()
        let succeeded = await Runner(playbook: playbook, options: options, context: context) { event in
            if case .task(let task) = event {
                let head = "\(task.task): \(task.status.rawValue)"
                if task.changes.isEmpty { lines.append(head + (task.diagnostic.map { " \($0.summary)" } ?? "")) }
                for change in task.changes {
                    lines.append(HelmPlay.line(head, change))
                    lines += change.members.map { HelmPlay.line(head + "  ", $0) }
                }
            }
            if case .recap(let final) = event { recap = final }
        }.run()
        return Outcome(lines: lines, recap: recap, succeeded: succeeded)
    }

    @Test(
        "plan on an empty cluster, apply, a second apply without a helm process or a write, then a plan to staging with every changed value and object",
        arguments: Major.allCases)
    func example(_ major: Major) async throws {
        guard FileManager.default.isExecutableFile(atPath: major.path) else {
            Issue.record("\(major.rawValue) is missing at \(major.path): run scripts/setup.sh (or set \(major.variable))")
            return
        }
        let home = try HelmHome()
        defer { home.remove() }
        let folder = home.folder + "/repository"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try await ChartRepositoryServer.withServer(folder: folder) { charts in
            for chart in ["nats", "nack"] {
                _ = try await home.helm(major.path, ["package", HelmPlay.chart("example/" + chart), "-d", folder])
            }
            _ = try await home.helm(major.path, ["repo", "index", folder, "--url", charts.url])
            let helm = HelmCommandClientProvider(environment: home.environment, defaultBinary: major.path)
            try await KubeTestServer.withServer { server in
                let kubeconfig = home.folder + "/kubeconfig"
                try server.writeKubeconfig(to: kubeconfig, embedCertificates: true)
                let kube = HTTPKubeClientProvider(environment: [:], homeDirectory: home.folder)
                func run(_ mode: RunOptions.Mode, env: String = "local", showValues: Bool = false) async throws -> Outcome {
                    try await Self.run(mode, env: env, repository: charts.url, kube: kube, helm: helm, kubeconfig: kubeconfig, showValues: showValues)
                }

                let plan = try await run(.plan)
                #expect(plan.succeeded && plan.recap.failed == 0, "\(plan.lines)")
                #expect(plan.lines.contains("messaging : add NATS Helm repository: changed + nats helm repository (\(charts.url))"), "\(plan.lines)")
                let note = "(its chart repository nats comes from an earlier task; its objects show once that is added)"
                #expect(plan.lines.contains { $0.hasPrefix("messaging : install NATS from Helm chart: changed + messaging/nats helm release") && $0.hasSuffix(note) })
                #expect(plan.lines.contains { $0.hasPrefix("messaging : install NACK JetStream controller from Helm chart: changed + messaging/nack-jsc helm release") })
                #expect(server.requests().allSatisfy { !$0.isWrite }, "plan wrote to the cluster")
                let planInvocations = await helm.invocations()
                #expect(planInvocations.isEmpty, "plan on a fresh machine starts no helm: \(planInvocations)")

                let first = try await run(.apply)
                #expect(first.succeeded && first.recap.failed == 0 && first.recap.ignored == 0, "\(first.lines)")
                #expect(first.lines.contains("messaging : install NATS from Helm chart: changed   + messaging/nats-config ConfigMap"), "\(first.lines)")
                let client = try await kube.client(kubeconfig: kubeconfig, context: "test")
                let store = HelmReleaseStore(client: client)
                let nats = try #require(try await store.latest(release: "nats", namespace: "messaging"))
                #expect(nats.status == "deployed" && nats.chartVersion == "2.14.6")
                #expect(nats.values["config"]?["cluster"]?["replicas"] == .int(1), "env/local.yaml's one server")
                let nack = try #require(try await store.latest(release: "nack-jsc", namespace: "messaging"))
                #expect(nack.chartVersion == "0.36.0" && nack.values["jetstream"]?["nats"]?["url"] == .string("nats://nats.messaging.svc:4222"))
                let updates = await helm.invocations().filter { $0.starts(with: ["repo", "update"]) }
                #expect(updates.count == 1, "two releases ask update_repo_cache; the index is refreshed once")

                let before = await helm.invocations().count
                server.clearRequests()
                let second = try await run(.apply)
                #expect(second.succeeded && second.recap.changed == 0, "\(second.lines)")
                #expect(await helm.invocations().count == before, "no helm process on the no-op run")
                #expect(server.requests().allSatisfy { !$0.isWrite }, "the no-op run wrote: \(server.requests().filter(\.isWrite).map(\.path))")

                let staging = try await run(.plan, env: "staging", showValues: true)
                #expect(staging.succeeded, "\(staging.lines)")
                let release = "messaging : install NATS from Helm chart: changed"
                #expect(staging.lines.contains { $0.hasPrefix("\(release) ~ messaging/nats helm release") && $0.contains("[values.config.cluster.replicas: 1 → 3]") }, "\(staging.lines)")
                #expect(
                    staging.lines.contains {
                        $0.hasPrefix("\(release)   ~ messaging/nats-config ConfigMap") && $0.contains(#"[data["cluster.replicas"]: "1" → "3"]"#)
                    }, "\(staging.lines)")
                #expect(staging.lines.contains("\(release)   = messaging/nats Service"))
                let hidden = try await run(.plan, env: "staging")
                #expect(hidden.lines.contains { $0.contains("[values.config.cluster.replicas: \"(hidden)\" → \"(hidden)\"]") }, "\(hidden.lines)")
                let planned = await helm.invocations().dropFirst(before)
                #expect(planned.allSatisfy { $0.contains("--dry-run=server") || $0.starts(with: ["repo", "update"]) }, "plan only renders: \(planned)")
                let writes = server.requests().filter(\.isWrite)
                #expect(writes.allSatisfy { $0.query["dryRun"] == "All" }, "plan wrote: \(writes.map { "\($0.method) \($0.path)?\($0.query)" })")
                await kube.shutdown()
            }
        }
    }
}
