import Foundation
import KubeTestServer
import Testing
import YAML

@Suite("Protobuf writes are handled like their JSON twins, as helm's release bookkeeping needs")
struct ProtobufRequestTests {
    static let secrets = "/api/v1/namespaces/default/secrets"
    static let protobuf = "application/vnd.kubernetes.protobuf"
    static let accept = "application/vnd.kubernetes.protobuf,application/json"

    @Test("POST, PUT without resourceVersion, a stale PUT and DELETE of a release Secret, as helm sends them")
    func releaseSecretLifecycle() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            let name = "sh.helm.release.v1.demo.v1"
            let release = Array("H4sIAAAAAAAC/release".utf8)
            let pending = ProtobufEncoder.releaseSecret(name: name, status: "pending-install", release: release)
            let created = try await client.send("POST", Self.secrets, bytes: pending, contentType: Self.protobuf, accept: Self.accept)
            #expect(created.status == 201, "\(created.body)")
            #expect(created.headers["content-type"] == "application/json")
            #expect(try created.json[path: ["data", "release"]] == .string(Data(release).base64EncodedString()))
            #expect(try created.json["type"] == .string("helm.sh/release.v1"))
            let first = try created.json[path: ["metadata", "resourceVersion"]]?.stringValue

            let deployed = ProtobufEncoder.releaseSecret(name: name, status: "deployed", release: release)
            let updated = try await client.send("PUT", Self.secrets + "/" + name, bytes: deployed, contentType: Self.protobuf)
            #expect(updated.status == 200, "\(updated.body)")
            #expect(try updated.json[path: ["metadata", "labels", "status"]] == .string("deployed"))

            let stale = ProtobufEncoder.releaseSecret(name: name, status: "superseded", release: release, resourceVersion: first ?? "1")
            let conflict = try await client.send("PUT", Self.secrets + "/" + name, bytes: stale, contentType: Self.protobuf)
            #expect(conflict.status == 409)

            let listed = try await client.get(Self.secrets + "?labelSelector=name%3Ddemo%2Cowner%3Dhelm", accept: Self.accept)
            #expect(try listed.json["items"]?.items?.count == 1)

            let options = ProtobufEncoder.kubernetes(apiVersion: "v1", kind: "DeleteOptions", raw: ProtobufEncoder())
            let deleted = try await client.send("DELETE", Self.secrets + "/" + name, bytes: options, contentType: Self.protobuf)
            #expect(deleted.status == 200)
            #expect(try await client.get(Self.secrets + "/" + name).status == 404)
        }
    }

    @Test("a protobuf ConfigMap is created like the JSON one")
    func configMap() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            let metadata = ProtobufEncoder().field(1, "settings").entry(12, "note", Array("hi".utf8))
            let raw = ProtobufEncoder().field(1, metadata).entry(2, "color", Array("blue".utf8))
            let body = ProtobufEncoder.kubernetes(apiVersion: "v1", kind: "ConfigMap", raw: raw)
            let created = try await client.send(
                "POST", "/api/v1/namespaces/default/configmaps", bytes: body, contentType: Self.protobuf)
            #expect(created.status == 201, "\(created.body)")
            #expect(try created.json[path: ["data", "color"]] == .string("blue"))
            #expect(try created.json[path: ["metadata", "annotations", "note"]] == .string("hi"))
        }
    }

    @Test("malformed protobuf bodies get a 400 Status and the server keeps serving")
    func malformed() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            var nested = ProtobufEncoder().field(1, "x")
            for _ in 0..<5000 { nested = ProtobufEncoder().field(1, nested) }
            let bodies: [[UInt8]] = [
                [0x6b, 0x38, 0x73, 0x00, 0x0a, 0xff],
                [0x6b, 0x38, 0x73, 0x00, 0x12] + ProtobufEncoder.varint(UInt64.max),
                [0x6b, 0x38, 0x73, 0x00, 0x08] + Array(repeating: 0xff, count: 11),
                ProtobufEncoder.kubernetes(apiVersion: "v1", kind: "Secret", raw: nested),
                Array(ProtobufEncoder.releaseSecret(name: "x", status: "s", release: [1]).dropLast(3)),
            ]
            for body in bodies {
                let response = try await client.send("POST", Self.secrets, bytes: body, contentType: Self.protobuf)
                #expect(response.status == 400, "\(response.body)")
                #expect(try response.json["reason"] == .string("BadRequest"))
            }
            #expect(try await client.get("/version").status == 200)
        }
    }
}
