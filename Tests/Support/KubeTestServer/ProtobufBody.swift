import Foundation
import YAML

/// Turns a Kubernetes protobuf request body (`k8s\0` + `runtime.Unknown`) into the JSON object
/// form the rest of the server handles, so a protobuf write is handled exactly like its JSON twin.
///
/// Decodes only what clients are seen to send: helm's release `v1.Secret`s and `DeleteOptions`
/// (`fixtures/kube-api/request-logs/helm-release-secret-protobuf.json`), and `v1.ConfigMap`.
/// Any other kind throws ``ProtobufError/unsupportedKind(_:_:)`` (the server answers 415).
/// Empty proto2 strings are left out, as the JSON form omits them.
enum ProtobufBody {
    /// The magic bytes every Kubernetes protobuf body starts with.
    static let magic: [UInt8] = [0x6b, 0x38, 0x73, 0x00]

    /// The envelope's type and the encoded object.
    struct Envelope: Sendable, Hashable {
        var apiVersion = ""
        var kind = ""
        var raw: ArraySlice<UInt8> = []
    }

    /// The object the body carries, as JSON would have sent it.
    static func object(_ body: [UInt8]) throws(ProtobufError) -> YAMLValue {
        let envelope = try unknown(body)
        let (group, _) = KubeAPI.splitAPIVersion(envelope.apiVersion)
        var entries: [(String, YAMLValue)] = [("kind", .string(envelope.kind)), ("apiVersion", .string(envelope.apiVersion))]
        switch (group, envelope.kind) {
        case ("", "Secret"): entries += try secret(envelope.raw)
        case ("", "ConfigMap"): entries += try configMap(envelope.raw)
        case ("", "DeleteOptions"), ("meta.k8s.io", "DeleteOptions"): entries += try deleteOptions(envelope.raw)
        default: throw .unsupportedKind(envelope.apiVersion, envelope.kind)
        }
        return .object(entries: entries)
    }

    /// Checks the magic and reads `runtime.Unknown{1 typeMeta{1 apiVersion, 2 kind}, 2 raw}`.
    static func unknown(_ body: [UInt8]) throws(ProtobufError) -> Envelope {
        guard body.count >= magic.count, Array(body.prefix(magic.count)) == magic else { throw .missingMagic }
        var envelope = Envelope()
        var sawTypeMeta = false
        for field in try ProtobufReader.fields(body.dropFirst(magic.count)) {
            switch field.number {
            case 1:
                sawTypeMeta = true
                for typeField in try ProtobufReader.fields(try field.value.payload(field: "typeMeta")) {
                    switch typeField.number {
                    case 1: envelope.apiVersion = try typeField.value.string(field: "typeMeta.apiVersion")
                    case 2: envelope.kind = try typeField.value.string(field: "typeMeta.kind")
                    default: continue
                    }
                }
            case 2: envelope.raw = try field.value.payload(field: "raw")
            default: continue
            }
        }
        guard sawTypeMeta, !envelope.kind.isEmpty else { throw .missingField("typeMeta.kind") }
        return envelope
    }

    /// `v1.Secret{1 metadata, 2 data map<string,bytes>, 3 type, 4 stringData, 5 immutable}`.
    static func secret(_ raw: ArraySlice<UInt8>) throws(ProtobufError) -> [(String, YAMLValue)] {
        var metadata: YAMLValue = .mapping([])
        var data = ProtobufMap()
        var stringData = ProtobufMap()
        var type = ""
        var immutable: Bool?
        for field in try ProtobufReader.fields(raw) {
            switch field.number {
            case 1: metadata = try objectMeta(try field.value.payload(field: "metadata"))
            case 2: try data.add(entry: field.value, field: "data", bytesAsBase64: true)
            case 3: type = try field.value.string(field: "type")
            case 4: try stringData.add(entry: field.value, field: "stringData", bytesAsBase64: false)
            case 5: immutable = try field.value.bool(field: "immutable")
            default: continue
            }
        }
        var entries: [(String, YAMLValue)] = [("metadata", metadata)]
        if let immutable { entries.append(("immutable", .bool(immutable))) }
        if !data.isEmpty { entries.append(("data", data.value)) }
        if !stringData.isEmpty { entries.append(("stringData", stringData.value)) }
        if !type.isEmpty { entries.append(("type", .string(type))) }
        return entries
    }

    /// `v1.ConfigMap{1 metadata, 2 data map<string,string>, 3 binaryData map<string,bytes>, 4 immutable}`.
    static func configMap(_ raw: ArraySlice<UInt8>) throws(ProtobufError) -> [(String, YAMLValue)] {
        var metadata: YAMLValue = .mapping([])
        var data = ProtobufMap()
        var binaryData = ProtobufMap()
        var immutable: Bool?
        for field in try ProtobufReader.fields(raw) {
            switch field.number {
            case 1: metadata = try objectMeta(try field.value.payload(field: "metadata"))
            case 2: try data.add(entry: field.value, field: "data", bytesAsBase64: false)
            case 3: try binaryData.add(entry: field.value, field: "binaryData", bytesAsBase64: true)
            case 4: immutable = try field.value.bool(field: "immutable")
            default: continue
            }
        }
        var entries: [(String, YAMLValue)] = [("metadata", metadata)]
        if let immutable { entries.append(("immutable", .bool(immutable))) }
        if !data.isEmpty { entries.append(("data", data.value)) }
        if !binaryData.isEmpty { entries.append(("binaryData", binaryData.value)) }
        return entries
    }

    /// `meta/v1.DeleteOptions{1 gracePeriodSeconds, 3 orphanDependents, 4 propagationPolicy, 5 dryRun}`.
    static func deleteOptions(_ raw: ArraySlice<UInt8>) throws(ProtobufError) -> [(String, YAMLValue)] {
        var entries: [(String, YAMLValue)] = []
        var dryRun: [YAMLValue] = []
        for field in try ProtobufReader.fields(raw) {
            switch field.number {
            case 1: entries.append(("gracePeriodSeconds", .int(try field.value.integer(field: "gracePeriodSeconds"))))
            case 3: entries.append(("orphanDependents", .bool(try field.value.bool(field: "orphanDependents"))))
            case 4:
                let policy = try field.value.string(field: "propagationPolicy")
                if !policy.isEmpty { entries.append(("propagationPolicy", .string(policy))) }
            case 5: dryRun.append(.string(try field.value.string(field: "dryRun")))
            default: continue
            }
        }
        if !dryRun.isEmpty { entries.append(("dryRun", .sequence(dryRun))) }
        return entries
    }
}
