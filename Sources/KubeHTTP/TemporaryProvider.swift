import Kube

// TEMPORARY (issue 4): replaced by the real provider when branch kube-http is merged.
package actor HTTPKubeClientProvider: KubeClientProvider {
    package init(environment: [String: String], homeDirectory: String) {}
    package func client(kubeconfig: String?, context: String?) async throws(KubeError) -> any KubeClient {
        throw .config("the live Kubernetes client is not built yet")
    }
    package func shutdown() async {}
}
