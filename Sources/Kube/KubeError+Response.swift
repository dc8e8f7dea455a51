import Foundation
import YAML

extension KubeError {
    /// The error for an API server answer that is not a success: the `Status` body's reason,
    /// message and causes when there is one, the object it was about, and a hint for the cases a
    /// user can fix (credentials and RBAC, a missing namespace or CRD, field manager conflicts,
    /// invalid fields).
    ///
    /// `verb` is the Kubernetes verb of the request (`get`, `patch`, `delete`, `list`), for the
    /// RBAC hint.
    package static func fromResponse(
        statusCode: Int, body: [UInt8], contentType: String?, object: KubeObjectReference?, verb: String? = nil
    ) -> KubeError {
        guard let status = statusObject(body, contentType: contentType) else {
            return plainAnswer(statusCode: statusCode, body: body, contentType: contentType, object: object)
        }
        let reason = status["reason"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        let message = status["message"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "the server answered \(statusCode)"
        var causes: [KubeStatusCause] = []
        if case .sequence(let items) = status["details"]?["causes"] ?? .null {
            for item in items {
                causes.append(
                    KubeStatusCause(
                        field: item["field"]?.stringValue, reason: item["reason"]?.stringValue,
                        message: item["message"]?.stringValue ?? ""))
            }
        }
        var error = KubeError.status(statusCode, reason: reason, message: message, causes: causes, object: object)
        error.hint = StatusHint(statusCode: statusCode, reason: reason, details: status["details"], causes: causes, object: object, verb: verb)
            .text
        return error
    }

    /// A `Status` object, when the body is one.
    private static func statusObject(_ body: [UInt8], contentType: String?) -> YAMLValue? {
        let looksLikeJSON = contentType?.lowercased().contains("json") ?? false || body.first == UInt8(ascii: "{")
        guard looksLikeJSON, let value = try? YAMLValue.parseJSON(body), value["kind"]?.stringValue == "Status" else { return nil }
        return value
    }

    /// An answer without a `Status`: the `text/plain` 404 for a group the server does not serve,
    /// or whatever a proxy in front of the server said.
    private static func plainAnswer(statusCode: Int, body: [UInt8], contentType: String?, object: KubeObjectReference?) -> KubeError {
        if statusCode == 404 {
            let apiVersion = object?.apiVersion ?? "this API group"
            var error = KubeError.status(404, reason: "NotFound", message: "the server does not serve \(apiVersion)", object: object)
            error.hint =
                "the kind's CRD is not installed (yet): apply the CRD in an earlier task, or check the apiVersion"
            return error
        }
        let text = String(decoding: body.prefix(300), as: UTF8.self).split(whereSeparator: \.isNewline).joined(separator: " ")
        var error = KubeError.status(
            statusCode, reason: nil, message: "the server answered \(statusCode)" + (text.isEmpty ? "" : ": \(text)"), object: object)
        error.hint = StatusHint(statusCode: statusCode, reason: nil, details: nil, causes: [], object: object, verb: nil).text
        return error
    }
}

/// Picks the hint for a failed request.
struct StatusHint {
    var statusCode: Int
    var reason: String?
    var details: YAMLValue?
    var causes: [KubeStatusCause]
    var object: KubeObjectReference?
    var verb: String?

    var text: String? {
        switch statusCode {
        case 401:
            return "the cluster did not accept rig's credentials: check the token, client certificate or exec plugin of the "
                + "context's user (has the login expired?)"
        case 403: return forbidden
        case 404: return notFound
        case 409: return conflict
        case 415:
            return "the server does not accept this request's content type; server-side apply needs an API server that supports "
                + "it for this kind"
        case 422:
            let fields = causes.compactMap(\.field)
            return fields.isEmpty ? "the server rejected the object as invalid" : "fix these fields: \(fields.joined(separator: ", "))"
        case 429: return "the API server is throttling requests; rig retried and gave up, try again later"
        case 500...599: return "the API server failed to answer; rig retried and gave up, check the cluster's health"
        default: return nil
        }
    }

    private var forbidden: String {
        let resource = details?["kind"]?.stringValue ?? object.map { $0.kind.lowercased() } ?? "this resource"
        var scope = ""
        if let namespace = object?.namespace, !namespace.isEmpty { scope = " in namespace \(namespace)" }
        return "the user may not \(verb ?? "access") \(resource)\(scope): grant it with an RBAC Role or ClusterRole "
            + "binding, or use a context with more rights"
    }

    private var notFound: String? {
        guard let object, details?["kind"]?.stringValue == "namespaces", let namespace = object.namespace,
            details?["name"]?.stringValue == namespace, object.kind != "Namespace"
        else { return nil }
        return "namespace '\(namespace)' does not exist: create the namespace first, e.g. with a k8s task earlier in the play"
    }

    private var conflict: String {
        let managers = fieldManagers
        if !managers.isEmpty {
            let fields = causes.compactMap(\.field)
            let owners = managers.map { "\"\($0)\"" }.joined(separator: ", ")
            return "\(fields.isEmpty ? "fields" : fields.joined(separator: ", ")) \(fields.count == 1 ? "is" : "are") managed by "
                + "\(owners): set force_conflicts: true on the task to take the fields over, or stop setting them"
        }
        if reason == "AlreadyExists" {
            return "the object already exists; server-side apply (state: present) updates it instead of creating it"
        }
        return "the object was changed by someone else while rig wrote it; run again"
    }

    /// The other field managers named by `FieldManagerConflict` causes (`conflict with "helm"`,
    /// `conflict with "kubectl" using v1`), in order, without repeats.
    var fieldManagers: [String] {
        var managers: [String] = []
        for cause in causes where cause.reason == "FieldManagerConflict" {
            guard let marker = cause.message.range(of: "conflict with \"") else { continue }
            let rest = cause.message[marker.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { continue }
            let name = String(rest[..<end])
            if !managers.contains(name) { managers.append(name) }
        }
        return managers
    }
}
