/// Why a protobuf request body could not be read; the server answers it with 400 (or 415 for a
/// kind it does not decode).
///
/// Errors compare equal by ``code`` so tests do not depend on the wording of ``reason``.
struct ProtobufError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    enum Code: Sendable, Hashable {
        case missingMagic
        case truncatedVarint
        case varintOverflow
        case truncated
        case invalidFieldNumber
        case unsupportedWireType
        case wrongWireType
        case invalidUTF8
        case missingField
        case unsupportedKind
    }

    var code: Code
    /// What went wrong, lowercase, for the `Status` message.
    var reason: String

    var description: String { reason }

    static func == (lhs: ProtobufError, rhs: ProtobufError) -> Bool { lhs.code == rhs.code }
    func hash(into hasher: inout Hasher) { hasher.combine(code) }

    static let missingMagic = ProtobufError(
        code: .missingMagic, reason: "the body does not start with the protobuf magic 'k8s\\x00'")

    static func truncatedVarint(at offset: Int) -> ProtobufError {
        ProtobufError(code: .truncatedVarint, reason: "a varint is cut off at byte \(offset)")
    }

    static func varintOverflow(at offset: Int) -> ProtobufError {
        ProtobufError(code: .varintOverflow, reason: "a varint longer than 64 bits ends at byte \(offset)")
    }

    static func truncated(at offset: Int, wanted: UInt64) -> ProtobufError {
        ProtobufError(code: .truncated, reason: "a field of \(wanted) bytes at byte \(offset) runs past the end of the body")
    }

    static func invalidFieldNumber(_ number: UInt64, at offset: Int) -> ProtobufError {
        ProtobufError(code: .invalidFieldNumber, reason: "invalid field number \(number) before byte \(offset)")
    }

    static func unsupportedWireType(_ wireType: Int, at offset: Int) -> ProtobufError {
        ProtobufError(code: .unsupportedWireType, reason: "unsupported wire type \(wireType) before byte \(offset)")
    }

    static func wrongWireType(field: String) -> ProtobufError {
        ProtobufError(code: .wrongWireType, reason: "field \(field) has the wrong wire type")
    }

    static func invalidUTF8(field: String) -> ProtobufError {
        ProtobufError(code: .invalidUTF8, reason: "field \(field) is not valid UTF-8")
    }

    static func missingField(_ field: String) -> ProtobufError {
        ProtobufError(code: .missingField, reason: "the envelope has no \(field)")
    }

    static func unsupportedKind(_ apiVersion: String, _ kind: String) -> ProtobufError {
        ProtobufError(code: .unsupportedKind, reason: "the test server does not decode protobuf \(apiVersion) \(kind)")
    }
}
