import Foundation
import KubeTestServer
import Testing
import YAML

@Suite("Discovery and OpenAPI, as kubectl and helm read them")
struct DiscoveryTests {
    static let kubectlAccept =
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json"

    @Test("/api answers aggregated discovery v2 and echoes the media type kubectl asked for")
    func aggregatedCore() async throws {
        try await KubeTestServer.withServer { server in
            let response = try await CurlClient(server).get("/api", accept: Self.kubectlAccept)
            #expect(response.status == 200)
            #expect(response.contentType == "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList")
            let body = try response.json
            #expect(body["kind"] == .string("APIGroupDiscoveryList"))
            let resources = body[path: ["items"]]?.items?.first?["versions"]?.items?.first?["resources"]?.items ?? []
            let configMaps = try #require(resources.first { $0["resource"] == .string("configmaps") })
            let real = try Fixtures.responseBody("03")[path: ["items"]]?.items?.first?["versions"]?.items?.first?["resources"]?
                .items?.first { $0["resource"] == .string("configmaps") }
            #expect(configMaps == real)
        }
    }

    @Test("/apis in aggregated v2 lists apps exactly as the real server does")
    func aggregatedGroups() async throws {
        try await KubeTestServer.withServer { server in
            let body = try await CurlClient(server).get("/apis", accept: Self.kubectlAccept).json
            let apps = body["items"]?.items?.first { $0[path: ["metadata", "name"]] == .string("apps") }
            let realApps = try Fixtures.responseBody("07")["items"]?.items?.first { $0[path: ["metadata", "name"]] == .string("apps") }
            let deployments = apps?["versions"]?.items?.first?["resources"]?.items?.first { $0["resource"] == .string("deployments") }
            let realDeployments = realApps?["versions"]?.items?.first?["resources"]?.items?.first {
                $0["resource"] == .string("deployments")
            }
            #expect(deployments?["verbs"] == realDeployments?["verbs"])
            #expect(deployments?["responseKind"] == realDeployments?["responseKind"])
            #expect(deployments?["shortNames"] == realDeployments?["shortNames"])
        }
    }

    @Test("plain JSON gets APIVersions and APIGroupList; v2beta1 alone gets the real 406")
    func plainAndNotAcceptable() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            let api = try await client.get("/api").json
            #expect(api["kind"] == .string("APIVersions"))
            #expect(api["versions"] == .sequence([.string("v1")]))
            let apis = try await client.get("/apis").json
            #expect(apis["kind"] == .string("APIGroupList"))
            let rejected = try await client.get("/api", accept: "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList")
            #expect(rejected.status == 406)
            #expect(try rejected.json == Fixtures.responseBody("04"))
        }
    }

    @Test("group-version resource lists name each kind with its verbs and status subresource")
    func resourceLists() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            let core = try await client.get("/api/v1").json
            let real = try Fixtures.responseBody("09")
            let configMaps = core["resources"]?.items?.first { $0["name"] == .string("configmaps") }
            var realConfigMaps = real["resources"]?.items?.first { $0["name"] == .string("configmaps") }
            realConfigMaps?.remove("storageVersionHash")
            #expect(configMaps == realConfigMaps)
            let extensions = try await client.get("/apis/apiextensions.k8s.io/v1").json
            let names = extensions["resources"]?.items?.compactMap { $0["name"]?.stringValue }
            #expect(names == ["customresourcedefinitions", "customresourcedefinitions/status"])
            #expect(try await client.get("/apis/nope.example.com/v1").status == 404)
        }
    }

    @Test("the OpenAPI v3 index is text/plain and its documents carry PATCH operations with their kinds")
    func openAPI() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            let index = try await client.get("/openapi/v3", accept: "application/json, */*")
            #expect(index.contentType == "text/plain; charset=utf-8")
            let url = try #require(index.json[path: ["paths", "api/v1", "serverRelativeURL"]]?.stringValue)
            #expect(url.hasPrefix("/openapi/v3/api/v1?hash="))
            let document = try await client.get(url).json
            let patch = document[path: ["paths", "/api/v1/namespaces/{namespace}/configmaps/{name}", "patch"]]
            #expect(patch?["x-kubernetes-group-version-kind"]?["kind"] == .string("ConfigMap"))
            #expect(patch?["parameters"]?.items?.first?["name"] == .string("fieldValidation"))
            #expect(try await client.get("/openapi/v2").status == 404)
        }
    }

    @Test("/version and unknown paths answer as the real server does")
    func versionAndUnknown() async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            let version = try await client.get("/version").json
            #expect(version["major"] == .string("1"))
            #expect(version["minor"] == .string("36"))
            let unknown = try await client.get("/no/such/path")
            #expect(unknown.status == 404)
            #expect(unknown.contentType == "text/plain; charset=utf-8")
            #expect(unknown.body == "404 page not found\n")
        }
    }
}
