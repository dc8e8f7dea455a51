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
