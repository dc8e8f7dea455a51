import Foundation
import Kube
import KubeHTTP
import KubeTestServer
import Testing
import YAML

@Suite("The HTTP client against the test API server")
struct HTTPKubeClientLiveTests {
    @Test("a minikube-shaped kubeconfig (certificate files) connects with the client certificate and discovers kinds")
    func minikubeDiscovery() async throws {
        try await LiveCluster.run(storage: .files) { (cluster: LiveCluster, client: any KubeClient) async throws -> Void in
            #expect(try await client.resource(apiVersion: "v1", kind: "ConfigMap") == LiveCluster.configMaps)
            #expect(try await client.resource(apiVersion: "apps/v1", kind: "Deployment")?.plural == "deployments")
            #expect(try await client.resource(apiVersion: "v1", kind: "NoSuchKind") == nil)
            #expect(try await client.resource(apiVersion: "jetstream.nats.io/v1beta2", kind: "Stream") == nil)
            let discovery = cluster.server.requests().filter { $0.path == "/api" || $0.path == "/apis" }
            #expect(discovery.count == 2)
            #expect(discovery.allSatisfy { $0.accept.hasPrefix("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList") })
            #expect(discovery.allSatisfy { $0.userAgent == "rig/\(HTTPKubeClientOptions.rigVersion)" })
        }
    }

    @Test("a kind-shaped kubeconfig (data fields) creates with SSA, re-applies without a new resourceVersion, and dry-runs")
    func serverSideApply() async throws {
        try await LiveCluster.run(storage: .embedded) { (cluster: LiveCluster, client: any KubeClient) async throws -> Void in
            _ = try await client.apply(try LiveCluster.namespace("messaging"), resource: LiveCluster.namespaces, options: .init())
            let created = try await client.apply(
                try LiveCluster.configMap("rig-demo", namespace: "messaging", color: "blue"), resource: LiveCluster.configMaps,
                options: .init())
            let version = try #require(created["metadata"]?["resourceVersion"]?.stringValue)
            let again = try await client.apply(
                try LiveCluster.configMap("rig-demo", namespace: "messaging", color: "blue"), resource: LiveCluster.configMaps,
                options: .init())
            #expect(again["metadata"]?["resourceVersion"]?.stringValue == version)
            let dryRun = try await client.apply(
                try LiveCluster.configMap("rig-demo", namespace: "messaging", color: "green"), resource: LiveCluster.configMaps,
                options: .init(dryRun: true))
            #expect(dryRun["data"]?["color"] == .string("green"))
            let live = try await client.get(LiveCluster.configMaps, name: "rig-demo", namespace: "messaging")
            #expect(live?["data"]?["color"] == .string("blue"))
            let patches = cluster.writes().filter { $0.method == "PATCH" }
            #expect(patches.count == 4)
            #expect(patches.allSatisfy { $0.contentType == "application/apply-patch+yaml" })
            #expect(patches.allSatisfy { $0.query["fieldManager"] == "rig" && $0.query["fieldValidation"] == "Strict" })
            #expect(patches.map { $0.query["dryRun"] } == [nil, nil, nil, "All"])
        }
    }

    @Test("get answers nil for a missing object and for a group the server does not serve")
    func getMissing() async throws {
        try await LiveCluster.run { (_: LiveCluster, client: any KubeClient) async throws -> Void in
            #expect(try await client.get(LiveCluster.configMaps, name: "nope", namespace: "default") == nil)
            let streams = KubeResource(group: "jetstream.nats.io", version: "v1beta2", kind: "Stream", plural: "streams", namespaced: true)
            #expect(try await client.get(streams, name: "orders", namespace: "default") == nil)
        }
    }

    @Test("delete removes the object, then reports it not found")
    func delete() async throws {
        try await LiveCluster.run { (cluster: LiveCluster, client: any KubeClient) async throws -> Void in
            _ = try await client.apply(
                try LiveCluster.configMap("doomed", namespace: "default", color: "red"), resource: LiveCluster.configMaps,
                options: .init())
            let first = try await client.delete(LiveCluster.configMaps, name: "doomed", namespace: "default", propagation: .background)
            #expect(first == .deleted)
            #expect(try await client.get(LiveCluster.configMaps, name: "doomed", namespace: "default") == nil)
            let second = try await client.delete(LiveCluster.configMaps, name: "doomed", namespace: "default", propagation: .background)
            #expect(second == .notFound)
            #expect(cluster.writes().filter { $0.method == "DELETE" }.count == 2)
        }
    }

    @Test("a bearer token from the kubeconfig is accepted; a wrong one is a 401 with the credentials hint")
    func bearerToken() async throws {
        let options = KubeTestServerOptions(bearerTokens: ["good-token"])
        for (token, accepted) in [("good-token", true), ("bad-token", false)] {
            try await LiveCluster.run(options: options, kubeconfigText: { Self.tokenKubeconfig($0, token: token) }) { (cluster: LiveCluster, client: any KubeClient) async throws -> Void in
                if accepted {
                    #expect(try await client.resource(apiVersion: "v1", kind: "Namespace") == LiveCluster.namespaces)
                } else {
                    let error = await #expect(throws: KubeError.self) {
                        try await client.get(LiveCluster.namespaces, name: "default", namespace: nil)
                    }
                    #expect(error?.statusCode == 401)
                    #expect(error?.hint?.hasPrefix("the cluster did not accept rig's credentials") == true)
                    #expect(error?.description.contains("bad-token") == false)
                    #expect(error?.hint?.hasSuffix("(credentials of context 'ci' in \(cluster.kubeconfig))") == true)
                }
            }
        }
    }

    static func tokenKubeconfig(_ server: KubeTestServer, token: String) -> String {
        let ca = Data(server.certificateAuthorityPEM.utf8).base64EncodedString()
        return """
            apiVersion: v1
            kind: Config
            clusters: [{name: test, cluster: {server: "\(server.url)", certificate-authority-data: \(ca)}}]
            users: [{name: ci, user: {token: \(token)}}]
            contexts: [{name: ci, context: {cluster: test, user: ci}}]
            current-context: ci
            """
    }

    @Test("plain discovery fetches one resource list per group-version used, once")
    func plainDiscovery() async throws {
        try await LiveCluster.run(discovery: .plain) { (cluster: LiveCluster, client: any KubeClient) async throws -> Void in
            #expect(try await client.resource(apiVersion: "v1", kind: "ConfigMap") == LiveCluster.configMaps)
            #expect(try await client.resource(apiVersion: "v1", kind: "Namespace") == LiveCluster.namespaces)
            #expect(try await client.resource(apiVersion: "apps/v1", kind: "Deployment")?.plural == "deployments")
            #expect(try await client.resource(apiVersion: "apps/v1", kind: "NoSuchKind") == nil)
            #expect(try await client.resource(apiVersion: "jetstream.nats.io/v1beta2", kind: "Stream") == nil)
            #expect(cluster.server.requests().map(\.path).sorted() == ["/api", "/api/v1", "/apis", "/apis/apps/v1"])
            #expect(cluster.server.requests().allSatisfy { $0.accept == "application/json" })
        }
    }

    @Test("a CRD's kind is found after invalidating discovery")
    func crdDiscovery() async throws {
        try await LiveCluster.run { (_: LiveCluster, client: any KubeClient) async throws -> Void in
            #expect(try await client.resource(apiVersion: "jetstream.nats.io/v1beta2", kind: "Stream") == nil)
            let crds = try #require(try await client.resource(apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition"))
            _ = try await client.apply(try Self.streamCRD(), resource: crds, options: .init())
            #expect(try await client.resource(apiVersion: "jetstream.nats.io/v1beta2", kind: "Stream") == nil)
            await client.invalidateDiscovery()
            let streams = try await client.resource(apiVersion: "jetstream.nats.io/v1beta2", kind: "Stream")
            #expect(streams == KubeResource(group: "jetstream.nats.io", version: "v1beta2", kind: "Stream", plural: "streams", namespaced: true))
        }
    }

    static func streamCRD() throws -> YAMLValue {
        try LiveCluster.object(
            #"""
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"streams.jetstream.nats.io"},
             "spec":{"group":"jetstream.nats.io","scope":"Namespaced",
                     "names":{"kind":"Stream","plural":"streams","singular":"stream","listKind":"StreamList"},
                     "versions":[{"name":"v1beta2","served":true,"storage":true,
                                  "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}
            """#)
    }
}
