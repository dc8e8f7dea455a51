import YAML

/// The port through which rig runs helm: repositories, `upgrade --install` and `uninstall`.
/// Releases are read through the cluster's own `KubeClient` (`HelmReleaseStore`), never here, so
/// a run that changes nothing starts no helm process. The live implementation is
/// `HelmCommandClient`; the engine's tests use `InMemoryHelmClient`.
package protocol HelmClient: Sendable {
    /// The configured repositories (what `helm repo list` shows); empty when there are none.
    func repositories() async throws(HelmError) -> [HelmRepository]

    /// Adds (or with `forceUpdate`, replaces) a repository; the password goes through stdin.
    func addRepository(_ repository: HelmRepository, credentials: HelmCredentials?, forceUpdate: Bool) async throws(HelmError)

    /// Removes a repository by name.
    func removeRepository(_ name: String) async throws(HelmError)

    /// Refreshes every repository's index (`helm repo update`).
    func updateRepositories() async throws(HelmError)

    /// Installs or upgrades one release (`helm upgrade --install`).
    func upgrade(_ request: HelmUpgradeRequest) async throws(HelmError)

    /// What `upgrade` would make of the release, without changing anything
    /// (`helm upgrade --install --dry-run=server -o json`): the chart and the manifest rendered
    /// with the request's values, against the live cluster.
    func render(_ request: HelmUpgradeRequest) async throws(HelmError) -> HelmRelease

    /// Uninstalls one release.
    func uninstall(_ request: HelmUninstallRequest) async throws(HelmError)
}

/// A chart repository as `helm repo list -o json` shows it.
package struct HelmRepository: Sendable, Hashable {
    package var name: String
    package var url: String

    package init(name: String, url: String) {
        self.name = name
        self.url = url
    }
}

/// A repository's login; the password is only ever written to helm's stdin.
package struct HelmCredentials: Sendable, Hashable {
    package var username: String
    package var password: String

    package init(username: String, password: String) {
        self.username = username
        self.password = password
    }
}

/// Which cluster helm talks to; nil fields leave helm's own defaults (`KUBECONFIG`, current context).
package struct HelmConnection: Sendable, Hashable {
    package var kubeconfig: String?
    package var context: String?

    package init(kubeconfig: String? = nil, context: String? = nil) {
        self.kubeconfig = kubeconfig
        self.context = context
    }
}

/// What to do with the last release's values on upgrade.
package enum HelmValuesMode: Sendable, Hashable {
    /// `--reset-values`: the release gets exactly the declared values (rig's default).
    case reset
    /// `--reuse-values`: the declared values are merged over the last release's.
    case reuse
}

/// One `helm upgrade --install`. `values` go to a private file, never to argv.
package struct HelmUpgradeRequest: Sendable, Hashable {
    package var release: String
    package var namespace: String
    /// `repo/chart`, a local directory, a `.tgz`, an `oci://` reference or a URL.
    package var chart: String
    package var version: String?
    package var values: YAMLValue
    package var valuesMode: HelmValuesMode = .reset
    package var connection = HelmConnection()
    package var createNamespace = false
    package var wait = false
    /// helm's duration syntax (`5m0s`, `300s`).
    package var timeout: String?
    /// Roll back on failure: `--atomic` for Helm 3, `--rollback-on-failure` for Helm 4.
    package var atomic = false
    /// Make the declared objects win: `--force` (replace) for Helm 3; for Helm 4, which applies
    /// server-side, `--force-conflicts` (take fields another field manager owns).
    package var force = false
    /// Adopt existing objects that no release owns (`--take-ownership`).
    package var takeOwnership = false
    package var skipCRDs = false
    package var historyMax: Int?
    /// Labels for the release record (`--labels`): rig's fingerprint.
    package var labels: [String: String] = [:]

    package init(release: String, namespace: String, chart: String, version: String? = nil, values: YAMLValue = .mapping([])) {
        self.release = release
        self.namespace = namespace
        self.chart = chart
        self.version = version
        self.values = values
    }
}

/// One `helm uninstall`.
package struct HelmUninstallRequest: Sendable, Hashable {
    package var release: String
    package var namespace: String
    package var connection = HelmConnection()
    package var wait = false
    package var timeout: String?

    package init(release: String, namespace: String) {
        self.release = release
        self.namespace = namespace
    }
}

/// Makes the helm client for a binary (nil: `helm` from the provider's default). One client per
/// binary for the whole run, so the Helm version is detected at most once.
package protocol HelmClientProvider: Sendable {
    func client(binaryPath: String?) async throws(HelmError) -> any HelmClient
}
