/// A `users[].user.exec` entry: a program that prints an `ExecCredential` (EKS `aws eks get-token`,
/// GKE `gke-gcloud-auth-plugin`, `kubelogin`…).
///
/// `env` values can be secrets, so the description names only the command.
package struct KubeExecPlugin: Sendable, Hashable, CustomStringConvertible {
    /// Whether the plugin may talk to the user on the terminal.
    package enum InteractiveMode: String, Sendable, Hashable {
        case never = "Never"
        case ifAvailable = "IfAvailable"
        case always = "Always"
    }

    /// `client.authentication.k8s.io/v1` or `…/v1beta1`; it is sent back to the plugin in
    /// `KUBERNETES_EXEC_INFO`.
    package var apiVersion: String
    /// A program name looked up on `PATH`, or an absolute path (a relative path with a slash was
    /// resolved against the kubeconfig's directory).
    package var command: String
    package var arguments: [String]
    package var environment: [KubeSecretPair]
    package var interactiveMode: InteractiveMode
    /// What to tell the user when the program is missing or fails.
    package var installHint: String?
    /// Whether `KUBERNETES_EXEC_INFO` carries the cluster (server, CA, extension config).
    package var provideClusterInfo: Bool

    package init(
        apiVersion: String, command: String, arguments: [String] = [], environment: [KubeSecretPair] = [],
        interactiveMode: InteractiveMode = .ifAvailable, installHint: String? = nil, provideClusterInfo: Bool = false
    ) {
        self.apiVersion = apiVersion
        self.command = command
        self.arguments = arguments
        self.environment = environment
        self.interactiveMode = interactiveMode
        self.installHint = installHint
        self.provideClusterInfo = provideClusterInfo
    }

    /// The API versions of `ExecCredential` rig speaks.
    package static let supportedAPIVersions = ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"]

    package var description: String { "exec plugin '\(command)'" }
}

/// One `name`/`value` of an exec plugin's `env`; the value is kept out of descriptions.
package struct KubeSecretPair: Sendable, Hashable {
    package var name: String
    package var value: KubeSecret<String>

    package init(name: String, value: String) {
        self.name = name
        self.value = KubeSecret(value)
    }
}
