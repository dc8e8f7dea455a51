import Engine
import Foundation
import Helm
import Kube
import KubeHTTP
import KubeTestServer
import Testing

/// A test server, a kubeconfig for it, rig's own kube client and a helm (in a fresh helm home)
/// whose calls are counted.
struct HelmCluster {
    let home: HelmHome
    let kubeconfig: String
    let kube: HTTPKubeClientProvider
    let helm: HelmCommandClientProvider

    func run(_ mode: RunOptions.Mode, _ playbook: String) async throws -> HelmPlay.Outcome {
        try await HelmPlay.run(mode, playbook, kube: kube, helm: helm, kubeconfig: kubeconfig)
    }

    func client() async throws -> any KubeClient { try await kube.client(kubeconfig: kubeconfig, context: nil) }

    func release(_ name: String, _ namespace: String = "apps") async throws -> HelmRelease? {
        try await HelmReleaseStore(client: try await client()).latest(release: name, namespace: namespace)
    }

    /// Runs `body` against a fresh test API server, or records an issue when the helm binary is missing.
    static func with(_ major: HelmLiveTests.Major, _ body: (HelmCluster) async throws -> Void) async throws {
        guard FileManager.default.isExecutableFile(atPath: major.path) else {
            Issue.record("\(major.rawValue) is missing at \(major.path): run scripts/setup.sh (or set \(major.variable))")
            return
        }
        let home = try HelmHome()
        defer { home.remove() }
        try await KubeTestServer.withServer { server in
            let kubeconfig = home.folder + "/kubeconfig"
            try server.writeKubeconfig(to: kubeconfig, embedCertificates: true)
            let cluster = HelmCluster(
                home: home, kubeconfig: kubeconfig, kube: HTTPKubeClientProvider(environment: [:], homeDirectory: home.folder),
                helm: HelmCommandClientProvider(environment: home.environment, defaultBinary: major.path))
            try await body(cluster)
            await cluster.kube.shutdown()
        }
    }
}
