import Foundation
import KubeTestServer
import Testing
import YAML

@Suite("CustomResourceDefinitions register kinds, default and validate their resources")
struct CRDTests {
    static let streamPath = "/apis/jetstream.nats.io/v1beta2/namespaces/messaging/streams/orders"
    static let crdPath = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/streams.jetstream.nats.io"

    /// The Stream CRD from the nack chart (`fixtures/nack/crds.yml`), as JSON.
    static func streamCRD() throws -> String {
        let text = try String(contentsOfFile: Fixtures.sharedDirectory + "/fixtures/nack/crds.yml", encoding: .utf8)
        let documents = try YAMLLoader.loadValues(text, path: "crds.yml")
        let crd = try #require(documents.first { $0[path: ["metadata", "name"]] == .string("streams.jetstream.nats.io") })
        return crd.jsonText
    }

    static func prepared(_ server: KubeTestServer) async throws -> CurlClient {
        let client = try CurlClient(server)
        _ = try await client.send("POST", "/api/v1/namespaces", body: CRUDTests.namespace, contentType: "application/json")
        return client
    }

    @Test("a Stream before its CRD is the mux's text/plain 404; after it, the kind is served and Established")
    func registersKind() async throws {
        try await KubeTestServer.withServer { server in
            let client = try await Self.prepared(server)
            let early = try await client.apply(Self.streamPath, try Fixtures.requestBody("35"))
            #expect(early.status == 404)
            #expect(early.contentType == "text/plain; charset=utf-8")
            #expect(early.body == "404 page not found\n")
            let crd = try await client.apply(Self.crdPath, try Self.streamCRD())
            #expect(crd.status == 201)
            let status = try await client.get(Self.crdPath).json["status"]
            let conditions = status?["conditions"]?.items?.map { [$0["type"], $0["status"], $0["reason"]] }
            #expect(conditions == [
                [.string("NamesAccepted"), .string("True"), .string("NoConflicts")],
                [.string("Established"), .string("True"), .string("InitialNamesAccepted")],
            ])
            #expect(status?["acceptedNames"] == (try Fixtures.responseBody("42"))[path: ["status", "acceptedNames"]])
            let discovery = try await client.get("/apis", accept: DiscoveryTests.kubectlAccept).json
            let group = discovery["items"]?.items?.first { $0[path: ["metadata", "name"]] == .string("jetstream.nats.io") }
            let streams = group?["versions"]?.items?.first?["resources"]?.items?.first { $0["resource"] == .string("streams") }
            let real = try Fixtures.responseBody("45")["items"]?.items?.first?["versions"]?.items?.first?["resources"]?.items?
                .first { $0["resource"] == .string("streams") }
            #expect(streams == real)
            let index = try await client.get("/openapi/v3").json
            #expect(index[path: ["paths", "apis/jetstream.nats.io/v1beta2"]] != nil)
        }
    }

    @Test("a Stream gets the CRD's defaults (201); schema violations are 422 Invalid with one cause per field")
    func defaultsAndValidation() async throws {
        try await KubeTestServer.withServer { server in
            let client = try await Self.prepared(server)
            _ = try await client.apply(Self.crdPath, try Self.streamCRD())
            let stream = try await client.apply(Self.streamPath, try Fixtures.requestBody("47"))
            #expect(stream.status == 201)
            #expect(Fixtures.normalised(try stream.json) == Fixtures.normalised(try Fixtures.responseBody("47")))
            let bad = try await client.apply(
                "/apis/jetstream.nats.io/v1beta2/namespaces/messaging/streams/bad", try Fixtures.requestBody("48"))
            #expect(bad.status == 422)
            #expect(try bad.json == Fixtures.responseBody("48"))
        }
    }

    @Test("with afterReads(2), the first two GETs see Established=False (Installing) and the third sees it True")
    func delayedEstablishment() async throws {
        let options = KubeTestServerOptions(crdEstablishment: .afterReads(2))
        try await KubeTestServer.withServer(options: options) { server in
            let client = try await Self.prepared(server)
            let created = try await client.apply(Self.crdPath, try Self.streamCRD())
            #expect(try created.json[path: ["status", "conditions"]] == .null)
            #expect(try await client.apply(Self.streamPath, try Fixtures.requestBody("47")).status == 404)
            #expect(try await client.get(Self.crdPath).json.established == "False")
            #expect(try await client.get(Self.crdPath).json.established == "False")
            #expect(try await client.get(Self.crdPath).json.established == "True")
            #expect(try await client.apply(Self.streamPath, try Fixtures.requestBody("47")).status == 201)
        }
    }

    @Test("with a delay, a CRD turns Established once the time has passed")
    func timedEstablishment() async throws {
        try await KubeTestServer.withServer(options: KubeTestServerOptions(crdEstablishment: .after(.seconds(3)))) { server in
            let client = try await Self.prepared(server)
            let started = ContinuousClock.now
            _ = try await client.apply(Self.crdPath, try Self.streamCRD())
            let created = ContinuousClock.now
            let early = try await client.get(Self.crdPath).json.established
            if ContinuousClock.now - started < .seconds(3) { #expect(early == "False") }
            try await Task.sleep(until: created + .seconds(3.1), clock: .continuous)
            #expect(try await client.get(Self.crdPath).json.established == "True")
        }
    }

    @Test("deleting a CRD removes its resources and its kind from discovery")
    func deleteCRD() async throws {
        try await KubeTestServer.withServer { server in
            let client = try await Self.prepared(server)
            _ = try await client.apply(Self.crdPath, try Self.streamCRD())
            _ = try await client.apply(Self.streamPath, try Fixtures.requestBody("47"))
            #expect(try await client.send("DELETE", Self.crdPath).status == 200)
            #expect(try await client.get(Self.streamPath).status == 404)
            #expect(try await client.get("/apis/jetstream.nats.io/v1beta2").status == 404)
            _ = try await client.apply(Self.crdPath, try Self.streamCRD())
            #expect(try await client.get(Self.streamPath).status == 404)
        }
    }

    @Test("fields the schema does not declare are rejected with fieldValidation=Strict and pruned otherwise")
    func unknownFields() async throws {
        try await KubeTestServer.withServer { server in
            let client = try await Self.prepared(server)
            _ = try await client.apply(Self.crdPath, try Self.streamCRD())
            let body = try Fixtures.requestBody("47").replacingOccurrences(of: #""replicas": 1"#, with: #""replicas": 1, "colour": "red""#)
                .replacingOccurrences(of: #""replicas":1"#, with: #""replicas":1,"colour":"red""#)
            #expect(body.contains("colour"))
            let strict = try await client.apply(Self.streamPath, body, query: "fieldManager=rig&fieldValidation=Strict")
            #expect(strict.status == 400)
            #expect(try strict.json["message"] == .string(
                #"Stream in version "v1beta2" cannot be handled as a Stream: strict decoding error: unknown field "spec.colour""#))
            let pruned = try await client.apply(Self.streamPath, body)
            #expect(pruned.status == 201)
            #expect(try pruned.json[path: ["spec", "colour"]] == nil)
            #expect(try pruned.json[path: ["spec", "replicas"]] == .int(1))
        }
    }

    @Test("a CRD whose name is not plural.group is 422")
    func badCRDName() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            let crd = try Self.streamCRD().replacingOccurrences(of: "\"name\":\"streams.jetstream.nats.io\"", with: "\"name\":\"wrong.example.com\"")
            let response = try await client.apply("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/wrong.example.com", crd)
            #expect(response.status == 422)
            #expect(try response.json["reason"] == .string("Invalid"))
        }
    }
}

extension YAMLValue {
    /// The status of a CRD's `Established` condition.
    var established: String? {
        self[path: ["status", "conditions"]]?.items?.first { $0["type"] == .string("Established") }?["status"]?.stringValue
    }
}
