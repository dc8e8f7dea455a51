import ArgumentParser

/// Which cluster the commands that talk to one use.
struct ClusterOptions: ParsableArguments {
    @Option(name: .long, help: "Use this kubeconfig file for every k8s task, over the tasks' own kubeconfig option and KUBECONFIG.")
    var kubeconfig: String?

    @Option(name: .long, help: "Use this kubeconfig context for every k8s task, over the tasks' own context option.")
    var context: String?
}
