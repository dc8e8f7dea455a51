import Foundation
import KubeTestServer
import Testing
import YAML

@Suite("Create, read, update and delete, with the real server's Status bodies")
struct CRUDTests {
    static let namespace = #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"messaging"}}"#

    @Test("creating a namespace twice gives 201 with the server's additions, then 409 AlreadyExists")
    func namespaceCreate() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            let created = try await client.send("POST", "/api/v1/namespaces", body: Self.namespace, contentType: "application/json")
            #expect(created.status == 201)
            #expect(Fixtures.normalised(try created.json) == Fixtures.normalised(try Fixtures.responseBody("14")))
            let again = try await client.send("POST", "/api/v1/namespaces", body: Self.namespace, contentType: "application/json")
            #expect(again.status == 409)
            #expect(try again.json == Fixtures.responseBody("15"))
        }
    }

    @Test("a missing object is a 404 NotFound Status; a write into a missing namespace names the namespace")
    func notFound() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            let missing = try await client.get("/api/v1/namespaces/nope")
            #expect(missing.status == 404)
            #expect(try missing.json == Fixtures.responseBody("17"))
            let ghost = try await client.apply("/api/v1/namespaces/ghost/configmaps/rig-demo", try Fixtures.requestBody("18"))
            #expect(ghost.status == 404)
            #expect(try ghost.json == Fixtures.responseBody("18"))
        }
    }

    @Test("PUT without resourceVersion updates unconditionally; a stale one is a 409 Conflict; POST of a taken name is AlreadyExists")
    func putAndConflicts() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            _ = try await client.send("POST", "/api/v1/namespaces", body: Self.namespace, contentType: "application/json")
            let path = "/api/v1/namespaces/messaging/secrets"
            let first = try await client.send("POST", path, body: try Fixtures.requestBody("54"), contentType: "application/json")
            #expect(first.status == 201)
            let put = try await client.send("PUT", path + "/rig-secret", body: try Fixtures.requestBody("52"), contentType: "application/json")
            #expect(put.status == 200)
            #expect(try put.json[path: ["data", "k"]] == .string("djI="))
            #expect(try put.json["type"] == .string("Opaque"))
            let stale = try await client.send("PUT", path + "/rig-secret", body: try Fixtures.requestBody("53"), contentType: "application/json")
            #expect(stale.status == 409)
            #expect(try stale.json == Fixtures.responseBody("53"))
            let taken = try await client.send("POST", path, body: try Fixtures.requestBody("54"), contentType: "application/json")
            #expect(try taken.json == Fixtures.responseBody("54"))
        }
    }

    @Test("lists filter by equality label selectors and by metadata.name; an empty list has items []")
    func lists() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            let path = "/api/v1/namespaces/default/configmaps"
            for (name, owner) in [("a", "helm"), ("b", "helm"), ("c", "rig")] {
                let body = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"\#(name)","labels":{"owner":"\#(owner)","name":"\#(name)"}}}"#
                #expect(try await client.send("POST", path, body: body, contentType: "application/json").status == 201)
            }
            let helm = try await client.get(path + "?labelSelector=owner%3Dhelm").json
            #expect(helm["kind"] == .string("ConfigMapList"))
            #expect(helm["items"]?.items?.compactMap { $0[path: ["metadata", "name"]]?.stringValue } == ["a", "b"])
            #expect(helm["items"]?.items?.first?["kind"] == nil)
            let both = try await client.get(path + "?labelSelector=owner%3Dhelm,name%3Db").json
            #expect(both["items"]?.items?.count == 1)
            let byName = try await client.get(path + "?fieldSelector=metadata.name%3Dc").json
            #expect(byName["items"]?.items?.first?[path: ["metadata", "name"]] == .string("c"))
            let notA = try await client.get(path + "?labelSelector=owner%20in%20(helm,rig),name!%3Da").json
            #expect(notA["items"]?.items?.compactMap { $0[path: ["metadata", "name"]]?.stringValue } == ["b", "c"])
            let none = try await client.get(path + "?labelSelector=owner%3Dnobody").json
            #expect(none["items"] == .sequence([]))
            #expect(none[path: ["metadata", "resourceVersion"]]?.stringValue != nil)
        }
    }

    @Test("DELETE answers a Success Status, then 404; Foreground returns the object and it is gone afterwards")
    func delete() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            _ = try await client.send("POST", "/api/v1/namespaces", body: Self.namespace, contentType: "application/json")
            let path = "/api/v1/namespaces/messaging/configmaps/rig-demo"
            #expect(try await client.apply(path, try Fixtures.requestBody("20")).status == 201)
            let deleted = try await client.send("DELETE", path, body: #"{"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Background"}"#, contentType: "application/json")
            #expect(deleted.status == 200)
            #expect(Fixtures.normalised(try deleted.json) == Fixtures.normalised(try Fixtures.responseBody("56")))
            let again = try await client.send("DELETE", path)
            #expect(again.status == 404)
            #expect(try again.json == Fixtures.responseBody("57"))
            let fg = "/api/v1/namespaces/messaging/configmaps/rig-fg"
            _ = try await client.apply(fg, #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"rig-fg"},"data":{"color":"blue"}}"#)
            let foreground = try await client.send("DELETE", fg + "?propagationPolicy=Foreground")
            #expect(try foreground.json[path: ["metadata", "finalizers"]] == .sequence([.string("foregroundDeletion")]))
            #expect(try foreground.json[path: ["metadata", "deletionTimestamp"]] != nil)
            #expect(try await client.get(fg).status == 404)
        }
    }

    @Test("deleting a namespace deletes everything in it")
    func namespaceCascade() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            _ = try await client.send("POST", "/api/v1/namespaces", body: Self.namespace, contentType: "application/json")
            let path = "/api/v1/namespaces/messaging/configmaps/rig-demo"
            _ = try await client.apply(path, try Fixtures.requestBody("20"))
            let deleted = try await client.send("DELETE", "/api/v1/namespaces/messaging")
            #expect(deleted.status == 200)
            #expect(try deleted.json[path: ["status", "phase"]] == .string("Terminating"))
            #expect(try await client.get(path).status == 404)
            #expect(try await client.get("/api/v1/namespaces/messaging").status == 404)
        }
    }

    @Test("bad bodies get 400 Status answers, protobuf of a kind the server does not decode 415, wrong methods 405")
    func badInput() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            let path = "/api/v1/namespaces/default/configmaps"
            for body in ["{", "[1,2]", "\"text\"", "", "{\"metadata\": 3}"] {
                let response = try await client.send("POST", path, body: body, contentType: "application/json")
                #expect([400, 422].contains(response.status), "\(body) gave \(response.status)")
                #expect(try response.json["kind"] == .string("Status"))
            }
            let protobuf = try await client.send("POST", path, body: "k8s\u{0}", contentType: "application/vnd.kubernetes.protobuf")
            #expect(protobuf.status == 400)
            let pod = ProtobufEncoder.kubernetes(apiVersion: "v1", kind: "Pod", raw: ProtobufEncoder())
            let unsupported = try await client.send(
                "POST", "/api/v1/namespaces/default/pods", bytes: pod, contentType: "application/vnd.kubernetes.protobuf")
            #expect(unsupported.status == 415)
            let method = try await client.send("PUT", path, body: "{}", contentType: "application/json")
            #expect(method.status == 405)
            #expect(try method.json["reason"] == .string("MethodNotAllowed"))
            let badName = try await client.send("POST", path, body: #"{"metadata":{"name":"Not_Valid"}}"#, contentType: "application/json")
            #expect(badName.status == 422)
        }
    }
}
