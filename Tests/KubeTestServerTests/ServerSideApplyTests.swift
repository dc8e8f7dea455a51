import Foundation
import KubeTestServer
import Testing
import YAML

@Suite("Server-side apply and patches, with field ownership")
struct ServerSideApplyTests {
    static let path = "/api/v1/namespaces/messaging/configmaps/rig-demo"

    /// A server with namespace `messaging` and the ConfigMap `rig-demo` applied by `rig` (`19`).
    static func prepared(_ server: KubeTestServer) async throws -> (CurlClient, TestResponse) {
        let client = try CurlClient(server)
        _ = try await client.send("POST", "/api/v1/namespaces", body: CRUDTests.namespace, contentType: "application/json")
        return (client, try await client.apply(path, try Fixtures.requestBody("19")))
    }

    @Test("an apply creates (201), an identical re-apply changes nothing, a changed one bumps resourceVersion")
    func createReapplyChange() async throws {
        try await KubeTestServer.withServer { server in
            let (client, created) = try await Self.prepared(server)
            #expect(created.status == 201)
            #expect(Fixtures.normalised(try created.json) == Fixtures.normalised(try Fixtures.responseBody("19")))
            let same = try await client.apply(Self.path, try Fixtures.requestBody("20"))
            #expect(same.status == 200)
            #expect(try same.json == created.json)
            let changed = try await client.apply(Self.path, try Fixtures.requestBody("21"))
            #expect(changed.status == 200)
            #expect(Fixtures.normalised(try changed.json) == Fixtures.normalised(try Fixtures.responseBody("21")))
            let before = Int(try created.json[path: ["metadata", "resourceVersion"]]?.stringValue ?? "") ?? 0
            let after = Int(try changed.json[path: ["metadata", "resourceVersion"]]?.stringValue ?? "") ?? 0
            #expect(after > before)
        }
    }

    @Test("another manager changing an owned field gets 409 with FieldManagerConflict causes; force takes the field over")
    func conflictAndForce() async throws {
        try await KubeTestServer.withServer { server in
            let (client, _) = try await Self.prepared(server)
            let conflict = try await client.apply(Self.path, try Fixtures.requestBody("25"), query: "fieldManager=other-tool")
            #expect(conflict.status == 409)
            #expect(try conflict.json == Fixtures.responseBody("25"))
            let forced = try await client.apply(Self.path, try Fixtures.requestBody("26"), query: "fieldManager=other-tool&force=true")
            #expect(forced.status == 200)
            #expect(Fixtures.normalised(try forced.json) == Fixtures.normalised(try Fixtures.responseBody("26")))
        }
    }

    @Test("dryRun=All stores nothing: a create answers 201 without resourceVersion, an update keeps the stored one")
    func dryRun() async throws {
        try await KubeTestServer.withServer { server in
            let (client, created) = try await Self.prepared(server)
            let dry = try await client.apply(
                "/api/v1/namespaces/messaging/configmaps/rig-dry", try Fixtures.requestBody("22"), query: "fieldManager=rig&dryRun=All")
            #expect(dry.status == 201)
            #expect(Fixtures.normalised(try dry.json) == Fixtures.normalised(try Fixtures.responseBody("22")))
            #expect(try dry.json[path: ["metadata", "resourceVersion"]] == nil)
            #expect(try await client.get("/api/v1/namespaces/messaging/configmaps/rig-dry").status == 404)
            let update = try await client.apply(Self.path, try Fixtures.requestBody("24"), query: "fieldManager=rig&dryRun=All")
            #expect(update.status == 200)
            #expect(try update.json[path: ["data", "color"]] == .string("red"))
            let stored = try await client.get(Self.path).json
            #expect(stored == (try created.json))
        }
    }

    @Test("an apply without fieldManager is 422; a non-patch content type is 415")
    func rejectedPatches() async throws {
        try await KubeTestServer.withServer { server in
            let (client, _) = try await Self.prepared(server)
            let noManager = try await client.apply(Self.path, try Fixtures.requestBody("34"), query: "")
            #expect(noManager.status == 422)
            #expect(try noManager.json == Fixtures.responseBody("34"))
            let wrongType = try await client.send("PATCH", Self.path, body: #"{"data":{"a":"b"}}"#, contentType: "application/json")
            #expect(wrongType.status == 415)
            #expect(try wrongType.json == Fixtures.responseBody("33"))
        }
    }

    @Test("merge and strategic merge patches record Update managers as the real server does")
    func mergePatches() async throws {
        try await KubeTestServer.withServer { server in
            let (client, _) = try await Self.prepared(server)
            _ = try await client.apply(Self.path, try Fixtures.requestBody("26"), query: "fieldManager=other-tool&force=true")
            let merge = try await client.send(
                "PATCH", Self.path, body: try Fixtures.requestBody("31"), contentType: "application/merge-patch+json")
            #expect(merge.status == 200)
            #expect(Fixtures.normalised(try merge.json) == Fixtures.normalised(try Fixtures.responseBody("31")))
            let strategic = try await client.send(
                "PATCH", Self.path + "?fieldManager=rig-smp", body: try Fixtures.requestBody("32"),
                contentType: "application/strategic-merge-patch+json")
            #expect(strategic.status == 200)
            #expect(Fixtures.normalised(try strategic.json) == Fixtures.normalised(try Fixtures.responseBody("32")))
        }
    }

    @Test("a field the manager stops applying is removed unless another manager owns it too")
    func droppedFields() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            let path = "/api/v1/namespaces/default/configmaps/drop"
            let both = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"drop"},"data":{"a":"1","b":"2","c":"3"}}"#
            _ = try await client.apply(path, both)
            _ = try await client.apply(path, #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"drop"},"data":{"c":"3"}}"#, query: "fieldManager=other")
            let fewer = try await client.apply(path, #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"drop"},"data":{"a":"1"}}"#)
            #expect(try fewer.json["data"] == .object(["a": "1", "c": "3"]))
        }
    }

    @Test("containers merge by name: two managers can own different containers of one Deployment")
    func keyedLists() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            let path = "/apis/apps/v1/namespaces/default/deployments/web"
            func deployment(_ container: String) -> String {
                #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"template":{"spec":{"containers":[{"name":"\#(container)","image":"\#(container):1"}]}}}}"#
            }
            #expect(try await client.apply(path, deployment("app")).status == 201)
            let second = try await client.apply(path, deployment("sidecar"), query: "fieldManager=mesh")
            let names = try second.json[path: ["spec", "template", "spec", "containers"]]?.items?.compactMap { $0["name"]?.stringValue }
            #expect(names == ["app", "sidecar"])
            #expect(try second.json[path: ["metadata", "generation"]] == .int(2))
            let fields = try second.json[path: ["metadata", "managedFields"]]?.items?.first { $0["manager"] == .string("mesh") }
            let item = fields?[path: ["fieldsV1", "f:spec", "f:template", "f:spec", "f:containers", #"k:{"name":"sidecar"}"#]]
            #expect(item == .object([".": .mapping([]), "f:image": .mapping([]), "f:name": .mapping([])]))
        }
    }
}

extension YAMLValue {
    /// A mapping of strings, for short expectations.
    static func object(_ pairs: KeyValuePairs<String, String>) -> YAMLValue {
        .mapping(pairs.map { YAMLPair(.string($0.key), .string($0.value)) })
    }

    static func object(_ pairs: KeyValuePairs<String, YAMLValue>) -> YAMLValue {
        .mapping(pairs.map { YAMLPair(.string($0.key), $0.value) })
    }
}
