import Foundation
import Kube
import KubeHTTP
import KubeTestServer
import Testing
import YAML

@Suite("Retries and errors against the test API server")
struct HTTPKubeClientFaultTests {
    func apply(_ client: any KubeClient, color: String = "blue", options: KubeApplyOptions = .init()) async throws(KubeError) -> YAMLValue {
        let object: YAMLValue
        do { object = try LiveCluster.configMap("rig-demo", namespace: "default", color: color) } catch { throw .response("\(error)") }
        return try await client.apply(object, resource: LiveCluster.configMaps, options: options)
    }

    @Test("429 with Retry-After is retried after the server's pause, and the apply succeeds")
    func throttled() async throws {
        try await LiveCluster.run { (cluster: LiveCluster, client: any KubeClient) async throws -> Void in
            cluster.server.inject(.throttle(method: "PATCH", count: 2))
            _ = try await apply(client)
            #expect(cluster.writes().map(\.status) == [429, 429, 201])
            #expect(cluster.clock.sleeps == [.zero, .zero])
        }
    }

    @Test("503 is retried with exponential backoff")
    func unavailable() async throws {
        try await LiveCluster.run { (cluster: LiveCluster, client: any KubeClient) async throws -> Void in
            cluster.server.inject(Fault(method: "PATCH", count: 3, effect: .status(code: 503, retryAfterSeconds: nil)))
            _ = try await apply(client)
            #expect(cluster.writes().map(\.status) == [503, 503, 503, 201])
            #expect(cluster.clock.sleeps == [.milliseconds(125), .milliseconds(250), .milliseconds(500)])
        }
    }

    @Test("dropped connections are retried on a new connection")
    func droppedConnections() async throws {
        try await LiveCluster.run { (cluster: LiveCluster, client: any KubeClient) async throws -> Void in
            cluster.server.inject(Fault(method: "PATCH", count: 2, effect: .dropConnection))
            _ = try await apply(client)
            #expect(cluster.writes().map(\.status) == [0, 0, 201])
            #expect(cluster.clock.sleeps.count == 2)
        }
    }

    @Test("after five 503s rig gives up with the status, the object and a hint")
    func givesUp() async throws {
        try await LiveCluster.run { (cluster: LiveCluster, client: any KubeClient) async throws -> Void in
            cluster.server.inject(Fault(method: "PATCH", count: 10, effect: .status(code: 503, retryAfterSeconds: nil)))
            let error = await #expect(throws: KubeError.self) { try await apply(client) }
            #expect(error?.statusCode == 503)
            #expect(error?.object?.description == "default/rig-demo ConfigMap")
            #expect(error?.hint?.contains("rig retried") == true)
            #expect(cluster.writes().count == 5)
        }
    }

    @Test("a 404 is not retried")
    func notRetried() async throws {
        try await LiveCluster.run { (cluster: LiveCluster, client: any KubeClient) async throws -> Void in
            let ghost = try LiveCluster.configMap("rig-demo", namespace: "ghost", color: "blue")
            let error = await #expect(throws: KubeError.self) {
                try await client.apply(ghost, resource: LiveCluster.configMaps, options: .init())
            }
            #expect(error?.statusCode == 404)
            #expect(error?.hint?.hasPrefix("namespace 'ghost' does not exist: create the namespace first") == true)
            #expect(cluster.writes().count == 1)
            #expect(cluster.clock.sleeps.isEmpty)
        }
    }

    @Test("another field manager's conflict becomes a hinted error; force takes the field over")
    func fieldManagerConflict() async throws {
        try await LiveCluster.run { (_: LiveCluster, client: any KubeClient) async throws -> Void in
            _ = try await apply(client, color: "blue")
            let error = await #expect(throws: KubeError.self) {
                try await apply(client, color: "purple", options: KubeApplyOptions(fieldManager: "other-tool"))
            }
            #expect(error?.statusCode == 409)
            #expect(error?.causes.first?.field == ".data.color")
            #expect(error?.hint?.contains("managed by \"rig\": set force_conflicts: true") == true)
            let forced = try await apply(client, color: "purple", options: KubeApplyOptions(fieldManager: "other-tool", force: true))
            #expect(forced["data"]?["color"] == .string("purple"))
        }
    }
}

@Suite("Deletes whose first attempt got no answer")
struct HTTPKubeClientLostDeleteTests {
    @Test("a delete retried after a dropped connection reports the object deleted")
    func lostDelete() async throws {
        try await LiveCluster.run { (cluster: LiveCluster, client: any KubeClient) async throws -> Void in
            _ = try await client.apply(
                try LiveCluster.configMap("doomed", namespace: "default", color: "red"), resource: LiveCluster.configMaps,
                options: .init())
            cluster.server.inject(Fault(method: "DELETE", count: 1, effect: .dropConnection))
            let outcome = try await client.delete(LiveCluster.configMaps, name: "doomed", namespace: "default", propagation: .foreground)
            #expect(outcome == .deleted)
            #expect(cluster.writes().filter { $0.method == "DELETE" }.map(\.status) == [0, 200])
        }
    }

    @Test("a 404 after a lost attempt counts as deleted, since that attempt may have deleted it")
    func notFoundAfterLostAttempt() async throws {
        try await LiveCluster.run { (cluster: LiveCluster, client: any KubeClient) async throws -> Void in
            cluster.server.inject(Fault(method: "DELETE", count: 1, effect: .dropConnection))
            let outcome = try await client.delete(LiveCluster.configMaps, name: "ghost", namespace: "default", propagation: .foreground)
            #expect(outcome == .deleted)
            #expect(cluster.writes().map(\.status) == [0, 404])
            let again = try await client.delete(LiveCluster.configMaps, name: "ghost", namespace: "default", propagation: .foreground)
            #expect(again == .notFound)
        }
    }
}
