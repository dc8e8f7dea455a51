import Diagnostics

/// What one `helm` task declared, kept by `destroy`'s walk so the release can be uninstalled in
/// reverse order afterwards.
struct HelmDestroyTarget {
    var task: String
    var location: SourceSpan
    var request: HelmRequest
}
