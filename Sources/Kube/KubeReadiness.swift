import YAML

/// Whether a live object is ready, by the built-in rules for well-known kinds or by a
/// `wait_condition`. Pure: the engine polls and calls this on each answer.
package enum KubeReadiness: Sendable, Hashable {
    case ready
    /// Not yet, with what is missing, for the timeout message.
    case waiting(String)

    package var isReady: Bool { self == .ready }

    /// The built-in rule for the object's kind; kinds without one are ready once they exist.
    package static func of(_ object: YAMLValue) -> KubeReadiness {
        let status = object["status"] ?? .null
        let generation = object["metadata"]?["generation"]?.intValue
        let observed = status["observedGeneration"]?.intValue
        if let generation, let observed, observed < generation { return .waiting("observedGeneration \(observed) < generation \(generation)") }
        let desired = object["spec"]?["replicas"]?.intValue ?? 1
        switch object["kind"]?.stringValue ?? "" {
        case "Deployment":
            let updated = status["updatedReplicas"]?.intValue ?? 0
            let available = status["availableReplicas"]?.intValue ?? 0
            return updated >= desired && available >= desired ? .ready : .waiting("\(available)/\(desired) replicas available")
        case "StatefulSet":
            let ready = status["readyReplicas"]?.intValue ?? 0
            let revisionsMatch = status["updateRevision"] == nil || status["updateRevision"] == status["currentRevision"]
            return ready >= desired && revisionsMatch ? .ready : .waiting("\(ready)/\(desired) replicas ready")
        case "DaemonSet":
            let ready = status["numberReady"]?.intValue ?? 0
            let wanted = status["desiredNumberScheduled"]?.intValue ?? 0
            return ready >= wanted && status["desiredNumberScheduled"] != nil ? .ready : .waiting("\(ready)/\(wanted) pods ready")
        case "Job":
            if condition(object, type: "Failed", status: "True") { return .waiting("the job failed") }
            return condition(object, type: "Complete", status: "True") ? .ready : .waiting("not complete")
        case "Pod":
            return condition(object, type: "Ready", status: "True") ? .ready : .waiting("condition Ready is not True")
        case "CustomResourceDefinition":
            let established = condition(object, type: "Established", status: "True")
            let accepted = condition(object, type: "NamesAccepted", status: "True")
            return established && accepted ? .ready : .waiting("conditions Established and NamesAccepted are not both True")
        case "Stream", "Consumer":
            guard (object["apiVersion"]?.stringValue ?? "").hasPrefix("jetstream.nats.io/") else { return .ready }
            return condition(object, type: "Ready", status: "True") ? .ready : .waiting("condition Ready is not True")
        default:
            return .ready
        }
    }

    /// A `wait_condition`: the condition of `type` has `status` (and `reason`, when given), and was
    /// observed for the current generation when the condition says which it saw.
    package static func of(_ object: YAMLValue, condition wanted: KubeWaitCondition) -> KubeReadiness {
        let generation = object["metadata"]?["generation"]?.intValue
        guard case .sequence(let conditions) = object["status"]?["conditions"] ?? .null,
            let found = conditions.first(where: { $0["type"]?.stringValue == wanted.type })
        else { return .waiting("no condition \(wanted.type) yet") }
        if let generation, let observed = found["observedGeneration"]?.intValue, observed < generation {
            return .waiting("condition \(wanted.type) is for generation \(observed), not \(generation)")
        }
        let status = found["status"]?.stringValue ?? ""
        guard status == wanted.status else { return .waiting("condition \(wanted.type) is \(status), not \(wanted.status)") }
        if let reason = wanted.reason, found["reason"]?.stringValue != reason {
            return .waiting("condition \(wanted.type) has reason \(found["reason"]?.stringValue ?? "none"), not \(reason)")
        }
        return .ready
    }

    private static func condition(_ object: YAMLValue, type: String, status: String) -> Bool {
        of(object, condition: KubeWaitCondition(type: type, status: status)) == .ready
    }
}

/// The k8s module's `wait_condition`.
package struct KubeWaitCondition: Sendable, Hashable {
    package var type: String
    package var status: String
    package var reason: String?

    package init(type: String, status: String = "True", reason: String? = nil) {
        self.type = type
        self.status = status
        self.reason = reason
    }
}

extension YAMLValue {
    /// An integer scalar (or a float with no fraction).
    package var intValue: Int? {
        switch self {
        case .int(let int): return int
        case .float(let double) where double == double.rounded() && abs(double) < 1e15: return Int(double)
        default: return nil
        }
    }
}
