import Kube
import KubeHTTP
import Testing
import YAML

@Suite("Discovery documents as kube-apiserver 1.36 serves them")
struct KubeDiscoveryTests {
    func document(_ number: String) throws -> YAMLValue { try RecordedExchange(number).document }

    @Test("aggregated /api gives every core kind with its plural and scope, without subresources")
    func aggregatedCore() throws {
        let discovery = try KubeDiscovery.parseRoot(try document("03"))
        #expect(
            discovery.resource(apiVersion: "v1", kind: "ConfigMap")
                == KubeResource(group: "", version: "v1", kind: "ConfigMap", plural: "configmaps", namespaced: true))
        #expect(
            discovery.resource(apiVersion: "v1", kind: "Namespace")
                == KubeResource(group: "", version: "v1", kind: "Namespace", plural: "namespaces", namespaced: false))
        #expect(discovery.resource(apiVersion: "v1", kind: "Pod")?.plural == "pods")
        let plurals = try #require(discovery.groupVersions["v1"] ?? nil).map(\.plural)
        #expect(!plurals.contains { $0.contains("/") })
    }

    @Test("aggregated /apis gives groups, each version, and CRD kinds once the CRD is in")
    func aggregatedGroups() throws {
        let discovery = try KubeDiscovery.parseRoot(try document("07"))
        #expect(
            discovery.resource(apiVersion: "apps/v1", kind: "Deployment")
                == KubeResource(group: "apps", version: "v1", kind: "Deployment", plural: "deployments", namespaced: true))
        #expect(
            discovery.resource(apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition")?.namespaced == false)
        #expect(discovery.resource(apiVersion: "jetstream.nats.io/v1beta2", kind: "Stream") == nil)
        #expect(!discovery.serves("jetstream.nats.io/v1beta2"))
        let after = try KubeDiscovery.parseRoot(try document("45"))
        #expect(
            after.resource(apiVersion: "jetstream.nats.io/v1beta2", kind: "Stream")
                == KubeResource(group: "jetstream.nats.io", version: "v1beta2", kind: "Stream", plural: "streams", namespaced: true))
        #expect(after.resource(apiVersion: "jetstream.nats.io/v1beta2", kind: "KeyValue")?.plural == "keyvalues")
    }

    @Test("plain /api and /apis name the group-versions; their resource lists come later")
    func plainRoots() throws {
        var discovery = try KubeDiscovery.parseRoot(try document("02"))
        discovery.merge(try KubeDiscovery.parseRoot(try document("06")))
        #expect(discovery.serves("v1"))
        #expect(discovery.serves("apps/v1"))
        #expect(discovery.serves("autoscaling/v1"))
        #expect(discovery.serves("autoscaling/v2"))
        #expect(!discovery.serves("jetstream.nats.io/v1beta2"))
        #expect(discovery.resource(apiVersion: "v1", kind: "ConfigMap") == nil)
    }

    @Test(
        "plain resource lists give kinds, plurals and scopes, without subresources",
        arguments: [
            ("09", "v1", "ConfigMap", "configmaps", true),
            ("09", "v1", "Namespace", "namespaces", false),
            ("10", "apiextensions.k8s.io/v1", "CustomResourceDefinition", "customresourcedefinitions", false),
            ("46", "jetstream.nats.io/v1beta2", "Stream", "streams", true),
        ])
    func plainResourceLists(number: String, apiVersion: String, kind: String, plural: String, namespaced: Bool) throws {
        let resources = try KubeDiscovery.parseResourceList(try document(number), apiVersion: apiVersion)
        let (group, version) = KubeResource.split(apiVersion: apiVersion)
        #expect(
            resources.first { $0.kind == kind }
                == KubeResource(group: group, version: version, kind: kind, plural: plural, namespaced: namespaced))
        #expect(!resources.contains { $0.plural.contains("/") })
    }

    @Test("an answer of another kind is a response error")
    func unexpectedKind() {
        #expect(throws: KubeError.self) { try KubeDiscovery.parseRoot(.mapping([YAMLPair(.string("kind"), .string("Status"))])) }
    }
}
