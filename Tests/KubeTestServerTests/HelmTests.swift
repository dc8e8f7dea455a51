import Foundation
import KubeTestServer
import Testing
import YAML

@Suite("The real helm 4 and helm 3 against the test server")
struct HelmTests {
    static let namespace = "apps"
    static let configMap = "/api/v1/namespaces/apps/configmaps/demo-settings"
    static let deployment = "/apis/apps/v1/namespaces/apps/deployments/demo-web"
    static let releases = "/api/v1/namespaces/apps/secrets?labelSelector=owner%3Dhelm"

    /// Creates the namespace the releases go into.
    static func createNamespace(_ client: CurlClient) async throws {
        let body = #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"apps"}}"#
        let created = try await client.send("POST", "/api/v1/namespaces", body: body, contentType: "application/json")
        try #require(created.status == 201, "\(created.body)")
    }

    /// The release Secrets in `apps`: name → `status` label.
    static func releaseStatuses(_ client: CurlClient) async throws -> [String: String] {
        let list = try await client.get(releases).json
        var statuses: [String: String] = [:]
        for item in list["items"]?.items ?? [] {
            guard let name = item[path: ["metadata", "name"]]?.stringValue else { continue }
            statuses[name] = item[path: ["metadata", "labels", "status"]]?.stringValue ?? ""
        }
        return statuses
    }

    /// Answers a real server would not give in these runs: anything but 2xx, 304 and the 404s of
    /// the GETs helm makes to see whether an object exists.
    static func unexpectedFailures(_ server: KubeTestServer) -> [String] {
        server.requests().filter { $0.status >= 400 && !($0.status == 404 && $0.method == "GET") }
            .map { "\($0.method) \($0.path) \($0.status)" }
    }

    /// helm 4 applies chart objects and reads Tables for `status`; helm 3 creates them and
    /// updates them with strategic merge patches (fixtures README, "How helm 3 and helm 4 differ").
    static func expectWriteStyle(_ major: Helm.Major, _ requests: [RecordedRequest]) {
        let patchTypes = Set(requests.filter { $0.method == "PATCH" }.map(\.contentType))
        let tables = requests.filter { $0.accept.contains("as=Table") && $0.query["includeObject"] == "Object" }
        switch major {
        case .four:
            #expect(patchTypes == ["application/apply-patch+yaml"])
            #expect(!tables.isEmpty, "helm 4 status reads Tables")
        case .three:
            #expect(patchTypes == ["application/strategic-merge-patch+json"])
            #expect(requests.contains { $0.method == "POST" && $0.path.hasSuffix("/deployments") })
        }
    }

    @Test("helm install --dry-run=server reads the cluster (GETs only) and renders the release")
    func dryRun() async throws {
        try await KubeTestServer.withServer { server in
            guard let helm = try Helm.make(for: server) else { return }
            let result = try await helm.run("install", "demo", Helm.chart("demo"), "-n", "default", "--dry-run=server")
            #expect(result.ok, "\(result.output)")
            #expect(result.output.contains("name: demo-settings"))
            #expect(!server.requests().isEmpty)
            #expect(server.requests().allSatisfy { !$0.isWrite })
        }
    }

    @Test("helm install stores its release")
    func install() async throws {
        try await KubeTestServer.withServer { server in
            guard let helm = try Helm.make(for: server) else { return }
            let result = try await helm.run("install", "demo", Helm.chart("demo"), "-n", "default")
            #expect(result.ok, "\(result.output)")
            let client = try CurlClient(server)
            let secret = try await client.get("/api/v1/namespaces/default/secrets/sh.helm.release.v1.demo.v1")
            #expect(secret.status == 200)
            #expect(try secret.json[path: ["metadata", "labels", "status"]] == .string("deployed"))
            #expect(try secret.json["type"] == .string("helm.sh/release.v1"))
        }
    }

    @Test(
        "install, list, upgrade --install with a changed value, get values, get manifest, status and uninstall",
        arguments: Helm.Major.allCases)
    func releaseLifecycle(_ major: Helm.Major) async throws {
        try await KubeTestServer.withServer { server in
            guard let helm = try Helm.make(major, for: server) else { return }
            let client = try CurlClient(server)
            try await Self.createNamespace(client)
            let chart = Helm.chart("demo")

            let installed = try await helm.run("install", "demo", chart, "-n", Self.namespace)
            try #require(installed.ok, "\(installed.output)")
            #expect(try await client.get(Self.configMap).json[path: ["data", "color"]] == .string("blue"))
            #expect(try await client.get(Self.deployment).status == 200)
            #expect(try await Self.releaseStatuses(client) == ["sh.helm.release.v1.demo.v1": "deployed"])

            let listed = try await helm.run("list", "-n", Self.namespace)
            #expect(listed.ok, "\(listed.output)")
            #expect(listed.output.contains("demo") && listed.output.contains("deployed"), "\(listed.output)")

            let upgraded = try await helm.run("upgrade", "--install", "demo", chart, "-n", Self.namespace, "--set", "color=red")
            try #require(upgraded.ok, "\(upgraded.output)")
            #expect(upgraded.output.contains("REVISION: 2"), "\(upgraded.output)")
            #expect(try await client.get(Self.configMap).json[path: ["data", "color"]] == .string("red"))
            let annotation = try await client.get(Self.deployment).json[path: ["spec", "template", "metadata", "annotations", "color"]]
            #expect(annotation == .string("red"))
            #expect(
                try await Self.releaseStatuses(client)
                    == ["sh.helm.release.v1.demo.v1": "superseded", "sh.helm.release.v1.demo.v2": "deployed"])

            let values = try await helm.run("get", "values", "demo", "-n", Self.namespace)
            #expect(values.ok && values.output.contains("color: red"), "\(values.output)")
            let manifest = try await helm.run("get", "manifest", "demo", "-n", Self.namespace)
            #expect(manifest.ok && manifest.output.contains("name: demo-settings"), "\(manifest.output)")
            #expect(manifest.output.contains("kind: Deployment"))
            let status = try await helm.run("status", "demo", "-n", Self.namespace)
            #expect(status.ok && status.output.contains("STATUS: deployed"), "\(status.output)")
            #expect(status.output.contains("REVISION: 2"))

            let uninstalled = try await helm.run("uninstall", "demo", "-n", Self.namespace)
            #expect(uninstalled.ok, "\(uninstalled.output)")
            #expect(try await client.get(Self.configMap).status == 404)
            #expect(try await client.get(Self.deployment).status == 404)
            #expect(try await Self.releaseStatuses(client).isEmpty)
            let after = try await helm.run("list", "-n", Self.namespace)
            #expect(after.ok && !after.output.contains("demo"), "\(after.output)")
            #expect(Self.unexpectedFailures(server).isEmpty, "\(Self.unexpectedFailures(server))")
            let protobufWrites = server.requests().filter { $0.contentType == "application/vnd.kubernetes.protobuf" }
            #expect(Set(protobufWrites.map(\.method)) == ["POST", "PUT", "DELETE"])
            Self.expectWriteStyle(major, server.requests())
        }
    }

    @Test("a chart's crds/ are created and Established, its custom resource gets the CRD's defaults", arguments: Helm.Major.allCases)
    func chartWithCRDs(_ major: Helm.Major) async throws {
        try await KubeTestServer.withServer { server in
            guard let helm = try Helm.make(major, for: server) else { return }
            let client = try CurlClient(server)
            try await Self.createNamespace(client)
            let installed = try await helm.run("install", "widgets", Helm.chart("widgets"), "-n", Self.namespace)
            try #require(installed.ok, "\(installed.output)")
            let crd = try await client.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.rig.dev")
            #expect(crd.status == 200)
            let widgetPath = "/apis/example.rig.dev/v1/namespaces/apps/widgets/widgets-widget"
            let widget = try await client.get(widgetPath)
            #expect(widget.status == 200, "\(widget.body)")
            #expect(try widget.json[path: ["spec", "size"]] == .int(3))

            let uninstalled = try await helm.run("uninstall", "widgets", "-n", Self.namespace)
            #expect(uninstalled.ok, "\(uninstalled.output)")
            #expect(try await client.get(widgetPath).status == 404)
            // helm never deletes the CRDs it installed from crds/.
            #expect(try await client.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.rig.dev").status == 200)
            #expect(try await Self.releaseStatuses(client).isEmpty)
            #expect(Self.unexpectedFailures(server).isEmpty, "\(Self.unexpectedFailures(server))")
        }
    }
}
