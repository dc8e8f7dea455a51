import YAML

/// A `meta/v1` `Status` body, written field for field as a v1.36 API server writes it.
struct StatusBody: Sendable {
    var code: Int
    var reason: String
    var message: String
    /// `details`; nil leaves the key out, an empty mapping writes `{}`.
    var details: YAMLValue?
    var success = false

    var value: YAMLValue {
        var entries: [(String, YAMLValue)] = [
            ("kind", .string("Status")), ("apiVersion", .string("v1")), ("metadata", .mapping([])),
            ("status", .string(success ? "Success" : "Failure")),
        ]
        if !success {
            entries.append(("message", .string(message)))
            entries.append(("reason", .string(reason)))
        }
        if let details { entries.append(("details", details)) }
        if !success { entries.append(("code", .int(code))) }
        return .object(entries: entries)
    }

    var response: APIResponse { .json(success ? 200 : code, value) }

    /// `{"name": …, "group": …, "kind": …}` as the server writes details for an object.
    static func objectDetails(name: String, kind: ResourceKind, extra: [(String, YAMLValue)] = []) -> YAMLValue {
        var entries: [(String, YAMLValue)] = [("name", .string(name))]
        if !kind.group.isEmpty { entries.append(("group", .string(kind.group))) }
        entries.append(("kind", .string(kind.plural)))
        return .object(entries: entries + extra)
    }

    static func notFound(_ kind: ResourceKind, name: String) -> StatusBody {
        StatusBody(
            code: 404, reason: "NotFound", message: "\(kind.qualifiedPlural) \"\(name)\" not found",
            details: objectDetails(name: name, kind: kind))
    }

    static func alreadyExists(_ kind: ResourceKind, name: String) -> StatusBody {
        StatusBody(
            code: 409, reason: "AlreadyExists", message: "\(kind.qualifiedPlural) \"\(name)\" already exists",
            details: objectDetails(name: name, kind: kind))
    }

    static func modified(_ kind: ResourceKind, name: String) -> StatusBody {
        StatusBody(
            code: 409, reason: "Conflict",
            message: "Operation cannot be fulfilled on \(kind.qualifiedPlural) \"\(name)\": the object has been "
                + "modified; please apply your changes to the latest version and try again",
            details: objectDetails(name: name, kind: kind))
    }

    static func deleted(_ kind: ResourceKind, name: String, uid: String) -> StatusBody {
        StatusBody(
            code: 200, reason: "", message: "",
            details: objectDetails(name: name, kind: kind, extra: [("uid", .string(uid))]), success: true)
    }

    static func badRequest(_ message: String) -> StatusBody {
        StatusBody(code: 400, reason: "BadRequest", message: message, details: nil)
    }

    static let unauthorized = StatusBody(code: 401, reason: "Unauthorized", message: "Unauthorized", details: nil)

    static let methodNotAllowed = StatusBody(
        code: 405, reason: "MethodNotAllowed", message: "the server does not allow this method on the requested resource",
        details: .mapping([]))

    static let notAcceptable = StatusBody(
        code: 406, reason: "NotAcceptable",
        message: "only the following media types are accepted: application/json, application/yaml, "
            + "application/vnd.kubernetes.protobuf", details: nil)

    static let unsupportedPatch = StatusBody(
        code: 415, reason: "UnsupportedMediaType", message: "415: Unsupported Media Type", details: .mapping([]))

    /// A body in a format the server cannot read (a protobuf kind it does not decode).
    static func unsupportedBody(_ mediaType: String) -> StatusBody {
        StatusBody(
            code: 415, reason: "UnsupportedMediaType",
            message: "the body of the request was in an unknown format - accepted media types include: "
                + "application/json, application/yaml (the test server does not decode \(mediaType))",
            details: .mapping([]))
    }

    static let requestTooLarge = StatusBody(
        code: 413, reason: "RequestEntityTooLarge", message: "Request entity too large: limit is 3145728", details: nil)

    /// 422 `Invalid` with one cause per field, message as the server joins them.
    static func invalid(
        qualifiedKind: String, name: String, group: String?, kind: String, causes: [InvalidCause]
    ) -> StatusBody {
        let joined = causes.map { "\($0.field): \($0.message)" }
        let summary = joined.count == 1 ? joined[0] : "[\(joined.joined(separator: ", "))]"
        var details: [(String, YAMLValue)] = [("name", .string(name))]
        if let group { details.append(("group", .string(group))) }
        details.append(("kind", .string(kind)))
        details.append(("causes", .sequence(causes.map(\.value))))
        return StatusBody(
            code: 422, reason: "Invalid", message: "\(qualifiedKind) \"\(name)\" is invalid: \(summary)",
            details: .object(entries: details))
    }

    /// The answer for an injected fault with this status code.
    static func injected(code: Int) -> StatusBody {
        let (reason, message): (String, String) =
            switch code {
            case 429: ("TooManyRequests", "Too many requests, please try again later.")
            case 500: ("InternalError", "Internal error occurred: injected by the test server")
            case 503: ("ServiceUnavailable", "The server is currently unable to handle the request (injected)")
            case 504: ("Timeout", "Timeout: request did not complete within the allowed duration (injected)")
            default: ("", "injected failure \(code)")
            }
        return StatusBody(code: code, reason: reason, message: message, details: .mapping([]))
    }
}

/// One entry of `details.causes`.
struct InvalidCause: Sendable, Hashable {
    var reason: String
    var message: String
    var field: String

    var value: YAMLValue {
        .object(["reason": .string(reason), "message": .string(message), "field": .string(field)])
    }
}
