import Foundation
import Testing
import YAML

@testable import KubeTestServer

@Suite("Protobuf request bodies decode to the JSON object a client would have sent")
struct ProtobufBodyTests {
    /// The recorded bodies in `helm-release-secret-protobuf.json`: (hex, is it complete).
    static func recordedBodies() throws -> [(hex: String, complete: Bool)] {
        let path = Fixtures.kubeAPI + "/request-logs/helm-release-secret-protobuf.json"
        let document = try YAMLValue.parseJSON(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        var bodies: [(String, Bool)] = []
        for run in document["runs"]?.pairs ?? [] {
            for request in run.value.items ?? [] {
                if let head = request["hexFirst96Bytes"]?.stringValue { bodies.append((head, false)) }
                if let whole = request["hex"]?.stringValue { bodies.append((whole, true)) }
            }
        }
        return bodies
    }

    static func bytes(hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex), index != hex.endIndex {
            if let byte = UInt8(hex[index..<next], radix: 16) { bytes.append(byte) }
            index = next
        }
        return bytes
    }

    @Test("the recorded heads of helm's release Secrets carry v1 Secret, and are cut off inside raw (a 400, not a crash)")
    func recordedHeads() throws {
        let heads = try Self.recordedBodies().filter { !$0.complete }
        #expect(heads.count == 12)
        for head in heads {
            let bytes = Self.bytes(hex: head.hex)
            #expect(bytes.count == 96)
            var reader = ProtobufReader(bytes.dropFirst(4))
            let typeMeta = try #require(try reader.next())
            let fields = try ProtobufReader.fields(try typeMeta.value.payload(field: "typeMeta"))
            #expect(try fields.map { try $0.value.string(field: "") } == ["v1", "Secret"])
            #expect(throws: ProtobufError.truncated(at: 0, wanted: 0)) { try ProtobufBody.object(bytes) }
        }
    }

    @Test("an encoded release Secret starts with the same envelope bytes helm sent")
    func envelopeMatchesRecording() throws {
        let head = Self.bytes(hex: try #require(Self.recordedBodies().first { !$0.complete }).hex)
        let encoded = ProtobufEncoder.releaseSecret(name: "sh.helm.release.v1.demo.v1", status: "deployed", release: [1, 2])
        #expect(Array(encoded.prefix(19)) == Array(head.prefix(19)))
    }

    @Test("the recorded DeleteOptions body decodes to an empty DeleteOptions")
    func recordedDeleteOptions() throws {
        let whole = try Self.recordedBodies().filter(\.complete)
        #expect(whole.count == 4)
        for body in whole {
            let object = try ProtobufBody.object(Self.bytes(hex: body.hex))
            #expect(object == .object(["kind": .string("DeleteOptions"), "apiVersion": .string("v1")]))
        }
    }

    @Test("a release Secret keeps name, labels, base64 data and type, and drops empty proto2 strings")
    func releaseSecret() throws {
        let release = Array("H4sIAAAA".utf8)
        let body = ProtobufEncoder.releaseSecret(name: "sh.helm.release.v1.demo.v1", status: "pending-install", release: release)
        let object = try ProtobufBody.object(body)
        #expect(object["kind"] == .string("Secret"))
        #expect(object[path: ["metadata", "name"]] == .string("sh.helm.release.v1.demo.v1"))
        #expect(object[path: ["metadata", "namespace"]] == nil)
        #expect(object[path: ["metadata", "resourceVersion"]] == nil)
        #expect(object[path: ["metadata", "labels", "status"]] == .string("pending-install"))
        #expect(object[path: ["metadata", "labels", "owner"]] == .string("helm"))
        #expect(object[path: ["data", "release"]] == .string(Data(release).base64EncodedString()))
        #expect(object["type"] == .string("helm.sh/release.v1"))
    }

    @Test("DeleteOptions keeps propagationPolicy, gracePeriodSeconds and dryRun")
    func deleteOptions() throws {
        let raw = ProtobufEncoder().varintField(1, 0).field(4, "Background").field(5, "All")
        let object = try ProtobufBody.object(ProtobufEncoder.kubernetes(apiVersion: "v1", kind: "DeleteOptions", raw: raw))
        #expect(object["propagationPolicy"] == .string("Background"))
        #expect(object["gracePeriodSeconds"] == .int(0))
        #expect(object["dryRun"] == .sequence([.string("All")]))
    }

    @Test("a kind the server does not decode is unsupported (415), not malformed")
    func unsupportedKind() {
        let body = ProtobufEncoder.kubernetes(apiVersion: "v1", kind: "Pod", raw: ProtobufEncoder().field(1, ProtobufEncoder()))
        #expect(throws: ProtobufError.unsupportedKind("", "")) { try ProtobufBody.object(body) }
    }

    static let magic: [UInt8] = [0x6b, 0x38, 0x73, 0x00]

    /// Broken bodies and the error each must give.
    static let malformed: [(String, [UInt8], ProtobufError.Code)] = [
        ("empty body", [], .missingMagic),
        ("JSON sent as protobuf", Array(#"{"kind":"Secret"}"#.utf8), .missingMagic),
        ("magic only", magic, .missingField),
        ("a truncated varint key", magic + [0x80], .truncatedVarint),
        ("a truncated length", magic + [0x0a, 0xff, 0xff], .truncatedVarint),
        ("a length past the end", magic + [0x0a, 0x20, 0x0a], .truncated),
        ("a huge length", magic + [0x0a] + ProtobufEncoder.varint(UInt64.max), .truncated),
        ("an 11-byte varint", magic + [0x08] + Array(repeating: 0xff, count: 10) + [0x01], .varintOverflow),
        ("a varint above 64 bits", magic + [0x08] + Array(repeating: 0xff, count: 9) + [0x02], .varintOverflow),
        ("field number 0", magic + [0x02, 0x00], .invalidFieldNumber),
        ("a group wire type", magic + [0x0b], .unsupportedWireType),
        ("a fixed64 cut short", magic + [0x09, 1, 2, 3], .truncated),
        ("typeMeta as a varint", magic + [0x08, 0x01], .wrongWireType),
        ("a kind that is not UTF-8", magic + ProtobufEncoder().field(1, ProtobufEncoder().field(2, [0xff, 0xfe])).bytes, .invalidUTF8),
    ]

    @Test("malformed bodies throw a ProtobufError", arguments: malformed.map { "\($0.0)" })
    func malformedBodies(_ name: String) throws {
        let testCase = try #require(Self.malformed.first { $0.0 == name })
        #expect(throws: ProtobufError(code: testCase.2, reason: "")) { try ProtobufBody.object(testCase.1) }
    }

    @Test("deeply nested messages are not followed past the schema, so they cannot exhaust the stack")
    func deepNesting() {
        var nested = ProtobufEncoder().field(1, "x")
        for _ in 0..<5000 { nested = ProtobufEncoder().field(1, nested) }
        let body = ProtobufEncoder.kubernetes(apiVersion: "v1", kind: "Secret", raw: nested)
        #expect(throws: ProtobufError.invalidUTF8(field: "")) { try ProtobufBody.object(body) }
    }

    @Test("a Secret whose label value is not UTF-8 is rejected")
    func badLabel() {
        let metadata = ProtobufEncoder().field(1, "x").entry(11, "k", [0xc3])
        let body = ProtobufEncoder.kubernetes(apiVersion: "v1", kind: "Secret", raw: ProtobufEncoder().field(1, metadata))
        #expect(throws: ProtobufError.invalidUTF8(field: "")) { try ProtobufBody.object(body) }
    }
}
