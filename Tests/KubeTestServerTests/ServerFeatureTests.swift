import Foundation
import KubeTestServer
import Testing
import YAML

@Suite("Authentication, faults, the request log, tables, watches and kubeconfigs")
struct ServerFeatureTests {
    @Test("without a client certificate, only a configured bearer token or basic-auth user gets in")
    func authentication() async throws {
        let options = KubeTestServerOptions(bearerTokens: ["s3cret"], basicAuth: ["admin": "pw"])
        try await KubeTestServer.withServer(options: options) { server in
            let client = try CurlClient(server)
            let anonymous = try await client.send("GET", "/api/v1/namespaces", credentials: .none)
            #expect(anonymous.status == 401)
            #expect(anonymous.body == #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}"#)
            #expect(try await client.send("GET", "/api/v1/namespaces", credentials: .bearer("wrong")).status == 401)
            #expect(try await client.send("GET", "/api/v1/namespaces", credentials: .bearer("s3cret")).status == 200)
            #expect(try await client.send("GET", "/api/v1/namespaces", credentials: .basic(user: "admin", password: "pw")).status == 200)
            #expect(try await client.send("GET", "/api/v1/namespaces", credentials: .basic(user: "admin", password: "no")).status == 401)
            #expect(try await client.send("GET", "/api/v1/namespaces").status == 200)
        }
    }

    @Test("an injected 429 carries Retry-After: 0 and is used up after its count")
    func throttleFault() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            server.inject(.throttle(method: "GET", pathPrefix: "/api/v1/namespaces", count: 2))
            let first = try await client.get("/api/v1/namespaces")
            #expect(first.status == 429)
            #expect(first.headers["retry-after"] == "0")
            #expect(try first.json["reason"] == .string("TooManyRequests"))
            #expect(try await client.get("/version").status == 200)
            #expect(try await client.get("/api/v1/namespaces/default").status == 429)
            #expect(try await client.get("/api/v1/namespaces").status == 200)
        }
    }

    @Test("injected 500s, delays and dropped connections")
    func otherFaults() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            server.inject(Fault(method: "POST", effect: .status(code: 500, retryAfterSeconds: nil)))
            let failed = try await client.send("POST", "/api/v1/namespaces", body: CRUDTests.namespace, contentType: "application/json")
            #expect(failed.status == 500)
            #expect(try failed.json["reason"] == .string("InternalError"))
            server.inject(Fault(pathPrefix: "/version", effect: .dropConnection))
            let dropped = try await client.get("/version")
            #expect(dropped.status == 0)
            #expect(dropped.curlExitCode != 0)
            server.inject(Fault(pathPrefix: "/version", effect: .delay(milliseconds: 300)))
            let started = ContinuousClock.now
            #expect(try await client.get("/version").status == 200)
            #expect(ContinuousClock.now - started >= .milliseconds(300))
            #expect(server.requests().last?.status == 200)
            #expect(server.requests().contains { $0.path == "/version" && $0.status == 0 })
        }
    }

    @Test("the request log shows that an identical second apply wrote nothing new")
    func requestLog() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            let path = "/api/v1/namespaces/default/configmaps/logged"
            let body = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"logged"},"data":{"a":"1"}}"#
            let first = try await client.apply(path, body)
            server.clearRequests()
            let second = try await client.apply(path, body)
            let log = server.requests()
            #expect(log.count == 1)
            #expect(log.first?.method == "PATCH")
            #expect(log.first?.path == path)
            #expect(log.first?.query["fieldManager"] == "rig")
            #expect(log.first?.contentType == "application/apply-patch+yaml")
            #expect(log.first?.userAgent.hasPrefix("curl/") == true)
            #expect(log.first?.status == 200)
            #expect(try second.json[path: ["metadata", "resourceVersion"]] == first.json[path: ["metadata", "resourceVersion"]])
        }
    }

    @Test("Accept as=Table gets a meta.k8s.io/v1 Table with name, data and age; includeObject=Object embeds the object")
    func tables() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            _ = try await client.apply(
                "/api/v1/namespaces/default/configmaps/rig-demo",
                #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"rig-demo"},"data":{"color":"purple"}}"#)
            let accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"
            let table = try await client.get("/api/v1/namespaces/default/configmaps/rig-demo", accept: accept).json
            let real = try Fixtures.responseBody("28")
            #expect(table["kind"] == .string("Table"))
            #expect(table["columnDefinitions"]?.items?.map { $0["name"] } == real["columnDefinitions"]?.items?.map { $0["name"] })
            let cells = table["rows"]?.items?.first?["cells"]?.items ?? []
            #expect(cells.prefix(2) == [.string("rig-demo"), .int(1)])
            #expect(cells.last?.stringValue?.hasSuffix("s") == true)
            #expect(table["rows"]?.items?.first?[path: ["object", "kind"]] == .string("PartialObjectMetadata"))
            let full = try await client.get("/api/v1/namespaces/default/configmaps?includeObject=Object", accept: accept).json
            #expect(full["rows"]?.items?.first?[path: ["object", "data", "color"]] == .string("purple"))
        }
    }

    /// Creates the ConfigMap `watched`, then watches ConfigMaps for a second with `query`.
    static func watch(_ server: KubeTestServer, query: String) async throws -> TestResponse {
        let client = try CurlClient(server)
        _ = try await client.apply(
            "/api/v1/namespaces/default/configmaps/watched",
            #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"watched"},"data":{"a":"1"}}"#)
        return try await client.get("/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1&" + query)
    }

    @Test("a watch sends the current objects as ADDED lines and ends after timeoutSeconds")
    func watch() async throws {
        try await KubeTestServer.withServer { server in
            let response = try await Self.watch(server, query: "fieldSelector=metadata.name%3Dwatched")
            #expect(response.status == 200)
            let lines = response.body.split(separator: "\n").map { try? YAMLValue.parseJSON(Array($0.utf8)) }
            #expect(lines.count == 1)
            #expect(lines.first??["type"] == .string("ADDED"))
            #expect(lines.first??[path: ["object", "metadata", "name"]] == .string("watched"))
        }
    }

    @Test("a watch list (sendInitialEvents, as Helm 4's --wait asks) sends the objects, then a BOOKMARK marking the initial events' end")
    func watchList() async throws {
        try await KubeTestServer.withServer { server in
            let response = try await Self.watch(
                server, query: "sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&resourceVersion=999999")
            let lines = response.body.split(separator: "\n").map { try? YAMLValue.parseJSON(Array($0.utf8)) }
            #expect(lines.map { $0?["type"]?.stringValue } == ["ADDED", "BOOKMARK"])
            #expect(lines.last??[path: ["object", "kind"]] == .string("ConfigMap"))
            #expect(lines.last??[path: ["object", "metadata", "annotations", "k8s.io/initial-events-end"]] == .string("true"))
        }
    }

    @Test("kubeconfigs are written with mode 0600, with certificate files or embedded data")
    func kubeconfig() async throws {
        try await KubeTestServer.withServer { server in
            let directory = NSTemporaryDirectory() + "kubeconfig-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try server.writeKubeconfig(to: directory + "/files", embedCertificates: false)
            try server.writeKubeconfig(to: directory + "/embedded", context: "kind-rig", embedCertificates: true)
            for name in ["files", "embedded", "test-ca.crt", "test-client.crt", "test-client.key"] {
                let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/" + name)
                #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(name)")
            }
            let files = try YAMLValue.parseJSON(Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/files"))))
            #expect(files["clusters"]?.items?.first?[path: ["cluster", "server"]] == .string(server.url))
            #expect(files["clusters"]?.items?.first?[path: ["cluster", "certificate-authority"]] == .string(directory + "/test-ca.crt"))
            let embedded = try YAMLValue.parseJSON(Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/embedded"))))
            let data = embedded["users"]?.items?.first?[path: ["user", "client-key-data"]]?.stringValue ?? ""
            #expect(Data(base64Encoded: data).map { String(decoding: $0, as: UTF8.self) } == server.clientKeyPEM)
            #expect(embedded["current-context"] == .string("kind-rig"))
        }
    }
}
