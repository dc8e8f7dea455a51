import Kube
import YAML

/// Reads helm's release records straight from the cluster, through rig's own `KubeClient`:
/// one LIST of the Secrets labelled `owner=helm,name=<release>` in the release's namespace, and
/// only the newest revision decoded. No helm process.
package struct HelmReleaseStore: Sendable {
    package let client: any KubeClient

    package init(client: any KubeClient) {
        self.client = client
    }

    /// The newest revision of a release, whatever its status; nil when helm has no record of it.
    package func latest(release: String, namespace: String) async throws -> HelmRelease? {
        guard let secrets = try await client.resource(apiVersion: "v1", kind: "Secret") else { return nil }
        let records = try await client.list(secrets, namespace: namespace, labelSelector: "owner=helm,name=\(release)")
        let newest = records.max { revision(of: $0) < revision(of: $1) }
        return try newest.map { secret throws(HelmError) in try HelmRelease(secret: secret) }
    }

    /// The revision from the `version` label, else from the Secret's name (`….v<N>`).
    private func revision(of secret: YAMLValue) -> Int {
        if let label = secret["metadata"]?["labels"]?["version"]?.stringValue, let number = Int(label) { return number }
        let name = secret["metadata"]?["name"]?.stringValue ?? ""
        return Int(name.split(separator: "v").last ?? "") ?? 0
    }
}
