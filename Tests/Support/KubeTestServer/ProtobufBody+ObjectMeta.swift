import Foundation
import YAML

/// `ObjectMeta`, shared by every kind.
extension ProtobufBody {
    /// `ObjectMeta{1 name, 2 generateName, 3 namespace, 6 resourceVersion, 11 labels,
    /// 12 annotations, 14 finalizers}`; the server sets uid, timestamps and generation itself.
    static func objectMeta(_ raw: ArraySlice<UInt8>) throws(ProtobufError) -> YAMLValue {
        let names = [1: "name", 2: "generateName", 3: "namespace", 6: "resourceVersion"]
        var strings: [Int: String] = [:]
        var labels = ProtobufMap()
        var annotations = ProtobufMap()
        var finalizers: [YAMLValue] = []
        for field in try ProtobufReader.fields(raw) {
            if let name = names[field.number] {
                strings[field.number] = try field.value.string(field: "metadata." + name)
                continue
            }
            switch field.number {
            case 11: try labels.add(entry: field.value, field: "metadata.labels", bytesAsBase64: false)
            case 12: try annotations.add(entry: field.value, field: "metadata.annotations", bytesAsBase64: false)
            case 14: finalizers.append(.string(try field.value.string(field: "metadata.finalizers")))
            default: continue
            }
        }
        var entries: [(String, YAMLValue)] = []
        for number in [1, 2, 3, 6] {
            guard let name = names[number], let text = strings[number], !text.isEmpty else { continue }
            entries.append((name, .string(text)))
        }
        if !labels.isEmpty { entries.append(("labels", labels.value)) }
        if !annotations.isEmpty { entries.append(("annotations", annotations.value)) }
        if !finalizers.isEmpty { entries.append(("finalizers", .sequence(finalizers))) }
        return .object(entries: entries)
    }
}
