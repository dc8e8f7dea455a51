/// Builds protobuf wire bytes for tests: the shapes helm sends, and broken ones.
struct ProtobufEncoder {
    private(set) var bytes: [UInt8] = []

    static func varint(_ value: UInt64) -> [UInt8] {
        var value = value
        var out: [UInt8] = []
        while value >= 0x80 {
            out.append(UInt8(value & 0x7f) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
        return out
    }

    /// A length-delimited field (string, bytes or nested message).
    func field(_ number: Int, _ payload: [UInt8]) -> ProtobufEncoder {
        var copy = self
        copy.bytes += Self.varint(UInt64(number) << 3 | 2) + Self.varint(UInt64(payload.count)) + payload
        return copy
    }

    func field(_ number: Int, _ text: String) -> ProtobufEncoder { field(number, Array(text.utf8)) }

    func field(_ number: Int, _ message: ProtobufEncoder) -> ProtobufEncoder { field(number, message.bytes) }

    /// A varint field (int64, bool, enum).
    func varintField(_ number: Int, _ value: UInt64) -> ProtobufEncoder {
        var copy = self
        copy.bytes += Self.varint(UInt64(number) << 3) + Self.varint(value)
        return copy
    }

    /// A `map<string, …>` entry.
    func entry(_ number: Int, _ key: String, _ value: [UInt8]) -> ProtobufEncoder {
        field(number, ProtobufEncoder().field(1, key).field(2, value))
    }

    /// `k8s\0` + `runtime.Unknown{typeMeta, raw, "", ""}`, as client-go writes it.
    static func kubernetes(apiVersion: String, kind: String, raw: ProtobufEncoder) -> [UInt8] {
        let typeMeta = ProtobufEncoder().field(1, apiVersion).field(2, kind)
        return [0x6b, 0x38, 0x73, 0x00] + ProtobufEncoder().field(1, typeMeta).field(2, raw).field(3, "").field(4, "").bytes
    }

    /// A release Secret the way helm writes one (empty proto2 fields included).
    static func releaseSecret(name: String, status: String, release: [UInt8], resourceVersion: String = "") -> [UInt8] {
        let metadata = ProtobufEncoder().field(1, name).field(2, "").field(3, "").field(4, "").field(5, "")
            .field(6, resourceVersion).varintField(7, 0).field(8, [])
            .entry(11, "name", Array("demo".utf8)).entry(11, "owner", Array("helm".utf8))
            .entry(11, "status", Array(status.utf8)).entry(11, "version", Array("1".utf8))
        let secret = ProtobufEncoder().field(1, metadata).entry(2, "release", release).field(3, "helm.sh/release.v1")
        return kubernetes(apiVersion: "v1", kind: "Secret", raw: secret)
    }
}
