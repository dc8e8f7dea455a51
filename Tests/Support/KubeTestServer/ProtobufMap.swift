import Foundation
import YAML

/// Collects the entries of a protobuf `map<string, string|bytes>` (each entry a message
/// `{1 key, 2 value}`); a repeated key keeps its last value, as protobuf decoders do.
struct ProtobufMap {
    private var keys: [String] = []
    private var values: [String: YAMLValue] = [:]

    var isEmpty: Bool { keys.isEmpty }

    /// The map as a JSON object, keys in first-seen order.
    var value: YAMLValue { .object(entries: keys.compactMap { key in values[key].map { (key, $0) } }) }

    /// Adds one map entry; `bytesAsBase64` writes the value as JSON writes `bytes` (base64).
    mutating func add(entry: ProtobufReader.Value, field: String, bytesAsBase64: Bool) throws(ProtobufError) {
        var key = ""
        var payload: ArraySlice<UInt8> = []
        for part in try ProtobufReader.fields(try entry.payload(field: field)) {
            switch part.number {
            case 1: key = try part.value.string(field: field + " key")
            case 2: payload = try part.value.payload(field: field + " value")
            default: continue
            }
        }
        let value: String
        if bytesAsBase64 {
            value = Data(payload).base64EncodedString()
        } else {
            guard let text = String(validating: payload, as: UTF8.self) else { throw .invalidUTF8(field: "\(field)[\(key)]") }
            value = text
        }
        if values[key] == nil { keys.append(key) }
        values[key] = .string(value)
    }
}
