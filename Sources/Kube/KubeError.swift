/// A failure talking to the cluster, with what the server said and which object it was about.
///
/// Equal by `code` and `statusCode`, so tests do not break when wording improves.
package struct KubeError: Error, Sendable, CustomStringConvertible {
    /// A stable code: `kube.status` (the server answered with an error), `kube.transport`
    /// (connection, TLS or timeout), `kube.config` (kubeconfig or credentials), `kube.response`
    /// (an answer rig could not read), `kube.interrupted`.
    package var code: String
    /// The HTTP status, for `kube.status`.
    package var statusCode: Int?
    /// The `reason` of a Kubernetes `Status` (`NotFound`, `Conflict`, `Invalid`, `Forbidden`…).
    package var reason: String?
    /// One line, lowercase, naming the thing.
    package var message: String
    /// `details.causes` of a `Status`: which field, and what is wrong with it.
    package var causes: [KubeStatusCause]
    /// The object the request was about.
    package var object: KubeObjectReference?
    /// How to fix it, when rig knows.
    package var hint: String?

    package init(
        code: String, statusCode: Int? = nil, reason: String? = nil, message: String, causes: [KubeStatusCause] = [],
        object: KubeObjectReference? = nil, hint: String? = nil
    ) {
        self.code = code
        self.statusCode = statusCode
        self.reason = reason
        self.message = message
        self.causes = causes
        self.object = object
        self.hint = hint
    }

    package static func status(
        _ statusCode: Int, reason: String?, message: String, causes: [KubeStatusCause] = [], object: KubeObjectReference? = nil
    ) -> KubeError {
        KubeError(code: "kube.status", statusCode: statusCode, reason: reason, message: message, causes: causes, object: object)
    }

    package static func transport(_ message: String, hint: String? = nil) -> KubeError {
        KubeError(code: "kube.transport", message: message, hint: hint)
    }

    package static func config(_ message: String, hint: String? = nil) -> KubeError {
        KubeError(code: "kube.config", message: message, hint: hint)
    }

    package static func response(_ message: String) -> KubeError {
        KubeError(code: "kube.response", message: message)
    }

    package static let interrupted = KubeError(code: "kube.interrupted", message: "interrupted")

    /// The error about a given object, unless it already names one.
    package func about(_ reference: KubeObjectReference) -> KubeError {
        var copy = self
        if copy.object == nil { copy.object = reference }
        return copy
    }

    package var description: String {
        var text = object.map { "\($0): " } ?? ""
        text += message
        if let statusCode { text += " (\(statusCode)\(reason.map { " \($0)" } ?? ""))" }
        for cause in causes { text += "\n  \(cause)" }
        return text
    }
}

extension KubeError: Hashable {
    package static func == (lhs: KubeError, rhs: KubeError) -> Bool { lhs.code == rhs.code && lhs.statusCode == rhs.statusCode }
    package func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(statusCode)
    }
}

/// One entry of a `Status`'s `details.causes`.
package struct KubeStatusCause: Sendable, Hashable, CustomStringConvertible {
    package var field: String?
    package var reason: String?
    package var message: String

    package init(field: String?, reason: String?, message: String) {
        self.field = field
        self.reason = reason
        self.message = message
    }

    package var description: String { field.map { "\($0): \(message)" } ?? message }
}
