/// A failure of the Helm port: helm exited non-zero, could not be started, or a release record
/// could not be read. Compares equal by `code`, so tests do not depend on wording.
package struct HelmError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `helm.command`, `helm.binary`, `helm.record`, `helm.repository`, `helm.release`.
    package var code: String
    /// What went wrong, lowercase; for `helm.command` it holds helm's own output in full.
    package var message: String
    /// How to get out of it, when known.
    package var hint: String?

    package init(code: String, message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    package var description: String { message }

    package static func == (lhs: HelmError, rhs: HelmError) -> Bool { lhs.code == rhs.code }
    package func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// helm ran and failed: the command (values are never in it) and everything helm said.
    package static func command(_ arguments: [String], output: String, hint: String? = nil) -> HelmError {
        HelmError(code: "helm.command", message: "helm \(arguments.joined(separator: " ")) failed:\n\(output)", hint: hint)
    }

    /// The helm binary is missing or could not be started.
    package static func binary(_ path: String, _ reason: String) -> HelmError {
        HelmError(
            code: "helm.binary", message: "cannot run helm at \(path): \(reason)",
            hint: "install helm 3 or 4, put it on PATH, or set the task's binary_path")
    }

    /// A release Secret whose `release` data is not what helm writes.
    package static func record(_ name: String, _ reason: String) -> HelmError {
        HelmError(code: "helm.record", message: "cannot read helm release record \(name): \(reason)")
    }
}

extension HelmError {
    /// What to do about a failure helm explains only in its own terms: objects another tool
    /// manages, Helm 4's server-side apply conflicts, operations in progress, timeouts.
    package static func hint(forOutput output: String, major: Int?) -> String? {
        if output.contains("cannot be imported into the current release") {
            return "an object the chart renders already exists outside this release (an earlier task or another tool created it); "
                + "let one of them manage it: skip_crds: true (or the chart's own switch) when an earlier task installs the CRDs, "
                + "or take_ownership: true to let the release adopt it"
        }
        if output.contains("Apply failed with") || output.contains("conflict occurred while applying") {
            let manager = quoted(after: "conflict with ", in: output).map { "field manager \"\($0)\"" } ?? "another field manager"
            let earlier = output.contains("conflict with \"rig\"") ? " (rig's k8s tasks apply as \"rig\": an earlier task declares the same fields)" : ""
            return "Helm \(major.map(String.init) ?? "4") applies server-side and \(manager) owns these fields\(earlier); "
                + "skip_crds: true when an earlier task installs the CRDs, or force: true to take the fields (--force-conflicts)"
        }
        if output.contains("another operation (install/upgrade/rollback) is in progress") {
            return "the release is pending: if no other helm is running on it, roll it back (helm rollback) or uninstall a first install, then run rig again"
        }
        if output.contains("context deadline exceeded") || output.contains("timed out waiting") {
            return "the release's objects did not become ready in time: look at its pods' events, or raise wait_timeout"
        }
        if output.contains("Kubernetes cluster unreachable") {
            return "helm cannot reach the cluster: check the task's kubeconfig and context (or --kubeconfig/--context)"
        }
        return nil
    }

    /// The text between double quotes right after `marker`.
    private static func quoted(after marker: String, in text: String) -> String? {
        guard let start = text.range(of: marker + "\"") else { return nil }
        let rest = text[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
