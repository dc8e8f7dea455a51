import Diagnostics
import YAML

/// What one `k8s` task declared, kept by `destroy`'s walk so the objects can be deleted in
/// reverse order afterwards.
struct DestroyTarget {
    var task: String
    var location: SourceSpan
    var objects: [YAMLValue]
    var kubeconfig: String?
    var context: String?
    /// The task had `no_log`.
    var hidden: Bool
}
