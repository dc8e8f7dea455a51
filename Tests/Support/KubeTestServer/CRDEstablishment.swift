import Foundation
import YAML

/// When a newly created CRD turns `Established` (and its kind becomes served).
package enum CRDEstablishment: Sendable, Hashable {
    /// At once: the create's own answer already carries the conditions.
    case immediately
    /// After this much time. The create's answer has `status.conditions: null`, as on a real
    /// server; from the next request on, `NamesAccepted=True` and `Established=False` (`Installing`).
    case after(Duration)
    /// After this many reads (GET or LIST) of the CRD have seen it unestablished (as with `after`).
    case afterReads(Int)
}

/// A CRD waiting to turn Established.
struct PendingEstablishment: Sendable {
    var deadline: ContinuousClock.Instant?
    var readsLeft: Int?
}

/// The status parts of a CustomResourceDefinition, as the apiextensions controllers write them.
enum CRDStatus {
    /// The status right after create (`36`): no conditions, empty accepted names.
    static func initial(spec: YAMLValue) -> YAMLValue {
        .object([
            "conditions": .null, "acceptedNames": .object(["plural": .string(""), "kind": .string("")]),
            "storedVersions": storedVersions(spec),
        ])
    }

    /// The status while names are accepted but the kind is not served yet: the naming
    /// controller's `Established=False`, reason `Installing`.
    static func installing(spec: YAMLValue, time: String) -> YAMLValue {
        var status = established(spec: spec, time: time)
        let conditions: [YAMLValue] = [
            condition("NamesAccepted", reason: "NoConflicts", message: "no conflicts found", time: time),
            condition("Established", status: "False", reason: "Installing", message: "the initial names have been accepted", time: time),
        ]
        status.set("conditions", .sequence(conditions))
        return status
    }

    /// The status once Established (`42`).
    static func established(spec: YAMLValue, time: String) -> YAMLValue {
        let names = spec["names"] ?? .mapping([])
        var accepted: [(String, YAMLValue)] = [
            ("plural", names["plural"] ?? .string("")), ("singular", names["singular"] ?? .string("")),
        ]
        if let shortNames = names["shortNames"] { accepted.append(("shortNames", shortNames)) }
        accepted.append(("kind", names["kind"] ?? .string("")))
        accepted.append(("listKind", names["listKind"] ?? .string("")))
        if let categories = names["categories"] { accepted.append(("categories", categories)) }
        let conditions: [YAMLValue] = [
            condition("NamesAccepted", reason: "NoConflicts", message: "no conflicts found", time: time),
            condition("Established", reason: "InitialNamesAccepted", message: "the initial names have been accepted", time: time),
        ]
        return .object([
            "conditions": .sequence(conditions), "acceptedNames": .object(entries: accepted),
            "storedVersions": storedVersions(spec),
        ])
    }

    private static func condition(_ type: String, status: String = "True", reason: String, message: String, time: String) -> YAMLValue {
        .object([
            "type": .string(type), "status": .string(status), "lastTransitionTime": .string(time),
            "reason": .string(reason), "message": .string(message),
        ])
    }

    private static func storedVersions(_ spec: YAMLValue) -> YAMLValue {
        let storage = (spec["versions"]?.items ?? []).filter { $0["storage"] == .bool(true) }
        return .sequence(storage.compactMap { $0["name"] })
    }
}
