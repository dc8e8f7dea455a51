import Foundation
import KubeTestServer
import Testing
import YAML

@Suite("Bad input gets a 4xx answer, never a crash or a 5xx")
struct RobustnessTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var method: String
        var path: String
        var contentType: String?
        var body: String?
        var testDescription: String { "\(method) \(path) \(body.map { String($0.prefix(30)) } ?? "")" }
    }

    static let configMaps = "/api/v1/namespaces/default/configmaps"
    static let deployments = "/apis/apps/v1/namespaces/default/deployments"

    static let cases: [Case] = [
        Case(method: "POST", path: configMaps, contentType: "application/yaml", body: ": : :\n\t- ["),
        Case(method: "POST", path: configMaps, contentType: "application/json", body: String(repeating: "[", count: 2000)),
        Case(method: "POST", path: configMaps, contentType: "application/json", body: #"{"metadata":{"name":123}}"#),
        Case(method: "POST", path: configMaps, contentType: "application/json", body: #"{"metadata":[],"kind":7}"#),
        Case(method: "POST", path: configMaps, contentType: "text/plain", body: "hello"),
        Case(method: "PATCH", path: configMaps + "/x?fieldManager=m", contentType: "application/apply-patch+yaml", body: #"{"metadata":{"name":"x"}}"#),
        Case(method: "PATCH", path: configMaps + "/x?fieldManager=m", contentType: "application/apply-patch+yaml", body: "kind: ConfigMap\napiVersion: v1\nmetadata: [1]"),
        Case(method: "PATCH", path: configMaps + "/x?fieldManager=m", contentType: "application/apply-patch+yaml", body: "\u{1}\u{2}\u{3}"),
        Case(method: "PATCH", path: configMaps + "/existing", contentType: "application/merge-patch+json", body: #"{"metadata":null,"data":[1]}"#),
        Case(method: "PATCH", path: deployments + "/web", contentType: "application/strategic-merge-patch+json", body: #"{"spec":{"template":{"spec":{"containers":[1,{"$patch":"delete"}]}}}}"#),
        Case(method: "PUT", path: configMaps + "/existing", contentType: "application/json", body: #"{"metadata":{"name":"existing","resourceVersion":5}}"#),
        Case(method: "PUT", path: configMaps + "/existing", contentType: "application/json", body: #"{"metadata":{"name":"other"}}"#),
        Case(method: "DELETE", path: configMaps + "/existing", contentType: "application/json", body: "{not json"),
        Case(method: "GET", path: "/api/v1/namespaces/%ZZ/configmaps/%", contentType: nil, body: nil),
        Case(method: "GET", path: deployments + "/web/scale", contentType: nil, body: nil),
        Case(method: "GET", path: configMaps + "/a/b/c/d/e", contentType: nil, body: nil),
        Case(method: "GET", path: configMaps + "?labelSelector=(((%20in", contentType: nil, body: nil),
        Case(method: "GET", path: configMaps + "?watch=true&timeoutSeconds=-5", contentType: nil, body: nil),
        Case(method: "GET", path: configMaps + "?watch=1&timeoutSeconds=99999999999999999999999&resourceVersion=x", contentType: nil, body: nil),
        Case(method: "POST", path: "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", contentType: "application/json", body: #"{"metadata":{"name":"a.b"},"spec":{"versions":"x"}}"#),
        Case(method: "OPTIONS", path: "/api", contentType: nil, body: nil),
    ]

    @Test("bad bodies, paths and parameters", arguments: cases)
    func badInput(_ testCase: Case) async throws {
        try await KubeTestServer.withServer { server in
            let client = try CurlClient(server)
            _ = try await client.apply(Self.configMaps + "/existing", #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"existing"}}"#)
            _ = try await client.apply(
                Self.deployments + "/web",
                #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"template":{"spec":{"containers":[{"name":"a","image":"a"}]}}}}"#)
            let response = try await client.send(
                testCase.method, testCase.path, body: testCase.body, contentType: testCase.contentType, timeoutSeconds: 30)
            #expect(response.status != 0, "no answer: \(response.curlError)")
            #expect(response.status < 500)
            #expect(try await client.get("/version").status == 200)
        }
    }
}
