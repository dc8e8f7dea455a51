import Foundation
import YAML

/// What the real server's per-kind strategies add on every write: namespace labels and phase,
/// Secret `stringData` and type, CRD name defaults.
enum KindRules {
    /// The server's additions that count as written by the request's manager (the namespace
    /// name label, Secret `stringData` folded into `data`): applied before ownership is recorded.
    static func attributed(_ object: YAMLValue, kind: ResourceKind) -> YAMLValue {
        var object = object
        switch (kind.group, kind.kind) {
        case ("", "Namespace"):
            let name = object[path: ["metadata", "name"]] ?? .string("")
            object.set(path: ["metadata", "labels", "kubernetes.io/metadata.name"], name)
        case ("", "Secret"):
            object = foldStringData(object)
        default:
            break
        }
        return object
    }

    private static func foldStringData(_ object: YAMLValue) -> YAMLValue {
        var object = object
        guard let stringData = object["stringData"]?.pairs else { return object }
        for pair in stringData {
            guard let key = pair.key.stringValue, let text = pair.value.scalarText else { continue }
            object.set(path: ["data", key], .string(Data(text.utf8).base64EncodedString()))
        }
        object.remove("stringData")
        return object
    }

    static func prepare(_ object: YAMLValue, kind: ResourceKind) -> YAMLValue {
        var object = object
        switch (kind.group, kind.kind) {
        case ("", "Namespace"):
            let name = object[path: ["metadata", "name"]] ?? .string("")
            object.set(path: ["metadata", "labels", "kubernetes.io/metadata.name"], name)
            if object[path: ["spec", "finalizers"]] == nil {
                object.set(path: ["spec", "finalizers"], .sequence([.string("kubernetes")]))
            }
            object.set("status", .object(["phase": .string("Active")]))
        case ("", "Secret"):
            object = foldStringData(object)
            if object["type"] == nil { object.set("type", .string("Opaque")) }
        case ("apiextensions.k8s.io", "CustomResourceDefinition"):
            if object[path: ["spec", "names", "listKind"]] == nil, let name = object[path: ["spec", "names", "kind"]]?.stringValue {
                object.set(path: ["spec", "names", "listKind"], .string(name + "List"))
            }
            if object[path: ["spec", "conversion"]] == nil {
                object.set(path: ["spec", "conversion"], .object(["strategy": .string("None")]))
            }
        default:
            break
        }
        return object
    }
}
