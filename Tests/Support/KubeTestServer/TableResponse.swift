import Foundation
import YAML

/// Server-side printing: a `meta.k8s.io/v1` `Table` of objects (`28`–`30`), as `kubectl get`
/// and `helm status` ask for it.
struct TableResponse {
    /// What `rows[].object` holds (`includeObject`).
    enum IncludeObject { case none, metadata, object }

    var kind: ResourceKind
    var include: IncludeObject
    var resourceVersion: String
    var now: Date

    static let nameDescription =
        "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names"
    static let ageDescription =
        "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"

    /// Whether an Accept header asks for a Table.
    static func isRequested(accept: String) -> Bool {
        guard let first = accept.split(separator: ",").first else { return false }
        return first.contains("as=Table")
    }

    static func include(_ query: [String: String]) -> IncludeObject {
        switch query["includeObject"] {
        case "None": .none
        case "Object": .object
        default: .metadata
        }
    }

    func table(_ objects: [YAMLValue]) -> YAMLValue {
        let columns = self.columns.map { column in
            YAMLValue.object([
                "name": .string(column.name), "type": .string(column.type), "format": .string(column.format),
                "description": .string(column.description), "priority": .int(0),
            ])
        }
        return .object([
            "kind": .string("Table"), "apiVersion": .string("meta.k8s.io/v1"),
            "metadata": .object(["resourceVersion": .string(resourceVersion)]),
            "columnDefinitions": .sequence(columns), "rows": .sequence(objects.map(row)),
        ])
    }

    private var columns: [(name: String, type: String, format: String, description: String)] {
        let name = ("Name", "string", "name", Self.nameDescription)
        let age = ("Age", "string", "", Self.ageDescription)
        switch kind.kind {
        case "ConfigMap": return [name, ("Data", "string", "", "Data contains the configuration data."), age]
        case "Secret":
            return [name, ("Type", "string", "", "Used to facilitate programmatic handling of secret data."),
                ("Data", "string", "", "Data contains the secret data."), age]
        case "Namespace": return [name, ("Status", "string", "", "The status of the namespace"), age]
        default: return [name, age]
        }
    }

    private func row(_ object: YAMLValue) -> YAMLValue {
        var cells: [YAMLValue] = [object[path: ["metadata", "name"]] ?? .string("")]
        let dataCount = YAMLValue.int((object["data"]?.pairs?.count ?? 0) + (object["binaryData"]?.pairs?.count ?? 0))
        switch kind.kind {
        case "ConfigMap": cells.append(dataCount)
        case "Secret": cells += [object["type"] ?? .string("Opaque"), dataCount]
        case "Namespace": cells.append(object[path: ["status", "phase"]] ?? .string("Active"))
        default: break
        }
        cells.append(.string(Self.age(of: object, now: now)))
        var entries: [(String, YAMLValue)] = [("cells", .sequence(cells))]
        switch include {
        case .none: break
        case .object: entries.append(("object", object))
        case .metadata:
            entries.append(
                ("object", .object([
                    "kind": .string("PartialObjectMetadata"), "apiVersion": .string("meta.k8s.io/v1"),
                    "metadata": object["metadata"] ?? .mapping([]),
                ])))
        }
        return .object(entries: entries)
    }

    /// kubectl's human duration (`0s`, `5m3s`, `2h`, `3d4h`).
    static func age(of object: YAMLValue, now: Date) -> String {
        guard let text = object[path: ["metadata", "creationTimestamp"]]?.stringValue,
            let created = try? Date(text, strategy: .iso8601)
        else { return "<unknown>" }
        let seconds = max(0, Int(now.timeIntervalSince(created)))
        let minutes = seconds / 60
        let hours = minutes / 60
        let days = hours / 24
        switch seconds {
        case ..<120: return "\(seconds)s"
        case ..<600: return seconds % 60 == 0 ? "\(minutes)m" : "\(minutes)m\(seconds % 60)s"
        case ..<(3 * 3600): return "\(minutes)m"
        case ..<(8 * 3600): return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h\(minutes % 60)m"
        case ..<(48 * 3600): return "\(hours)h"
        case ..<(8 * 86400): return hours % 24 == 0 ? "\(days)d" : "\(days)d\(hours % 24)h"
        default: return "\(days)d"
        }
    }
}
