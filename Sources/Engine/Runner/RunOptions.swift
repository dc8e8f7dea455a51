import Helm
import JetStream
import Kube
import Template

/// How a run goes: what it may touch, which tasks, which variables.
package struct RunOptions: Sendable {
    package enum Mode: Sendable, Hashable {
        /// Offline: nothing runs that could change anything; cluster-facing tasks are rendered.
        case render
        /// Read-only against the cluster: each cluster task says what it would change.
        case plan
        /// Everything runs.
        case apply
        /// The walk only collects what the cluster tasks declare; then it is deleted in reverse.
        case destroy

        /// Whether cluster-facing modules talk to the cluster in this mode.
        var isLive: Bool { self == .plan || self == .apply }
    }

    package var mode: Mode
    package var tags: TagFilter
    /// `-e` variables, highest precedence.
    package var extraVariables: [String: Value]
    /// `--env NAME`'s property file, already loaded; deep-merged over the vars files.
    package var environmentProperties: [String: Value]
    package var environmentName: String?
    package var processEnvironment: [String: String]
    /// How to reach clusters; needed by `plan`, `apply` and `destroy`.
    package var kube: KubeRunOptions?
    /// How to reach NATS servers for `nats_stream`/`nats_consumer`; needed by `plan`, `apply` and `destroy`.
    package var jetStream: (any JetStreamClientProvider)?
    /// How to run helm for `helm`/`helm_repository`; needed by `plan`, `apply` and `destroy`.
    package var helm: (any HelmClientProvider)?
    package var clock: any RunClock = SystemRunClock()
    /// Fetches an http(s) URL's text (`k8s` `src: https://…`); nil when the run may not use the network.
    package var fetch: (@Sendable (String) async throws -> String)?
    /// `destroy --delete-data`: delete every stream and consumer the playbook declares, not only
    /// those whose task opted in; their messages are lost.
    package var deleteStreamData = false
    /// Show helm values in plan and apply output (`--show-values`); they are masked otherwise,
    /// and always for `no_log` tasks.
    package var showValues = false
    /// True once the user asked to stop (Ctrl-C): the run stops before the next task, object or poll.
    package var interrupted: @Sendable () -> Bool = { false }

    package init(
        mode: Mode, tags: TagFilter = TagFilter(), extraVariables: [String: Value] = [:],
        environmentProperties: [String: Value] = [:], environmentName: String? = nil, processEnvironment: [String: String] = [:],
        kube: KubeRunOptions? = nil
    ) {
        self.mode = mode
        self.tags = tags
        self.extraVariables = extraVariables
        self.environmentProperties = environmentProperties
        self.environmentName = environmentName
        self.processEnvironment = processEnvironment
        self.kube = kube
    }
}

/// The clients for clusters, and the command line's `--kubeconfig`/`--context`, which win over
/// the tasks' own `kubeconfig`/`context` options.
package struct KubeRunOptions: Sendable {
    package var provider: any KubeClientProvider
    package var kubeconfig: String?
    package var context: String?

    package init(provider: any KubeClientProvider, kubeconfig: String? = nil, context: String? = nil) {
        self.provider = provider
        self.kubeconfig = kubeconfig
        self.context = context
    }
}
