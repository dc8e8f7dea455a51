import Kube
import YAML

/// Reads the live state of a task's objects concurrently before they are reconciled one by one,
/// so a task with many objects costs one round trip's latency, not one per object.
///
/// Only a cache: whatever it could not read (an unknown kind, an error, an object named twice)
/// the reconciler reads again itself, in order, and reports properly.
struct KubernetesPrefetch: Sendable {
    struct Entry: Sendable {
        var resource: KubeResource
        var live: YAMLValue?
    }

    /// Live state by the object's index in the task.
    private(set) var entries: [Int: Entry] = [:]

    static let width = 16

    static func read(_ objects: [YAMLValue], request: KubernetesRequest, client: any KubeClient) async -> KubernetesPrefetch {
        var prefetch = KubernetesPrefetch()
        guard objects.count > 1 else { return prefetch }
        let references = objects.map { KubeObjectReference(object: $0) }
        let repeated = Set(Dictionary(grouping: references.indices, by: { references[$0] }).filter { $0.value.count > 1 }.keys)
        let placer = request
        let candidates = references.indices.filter { !repeated.contains(references[$0]) }
        await withTaskGroup(of: (Int, Entry?).self) { group in
            var queue = candidates[...]
            func read(_ index: Int) async -> (Int, Entry?) {
                let reference = references[index]
                do {
                    guard let resource = try await client.resource(apiVersion: reference.apiVersion, kind: reference.kind) else { return (index, nil) }
                    let placed = KubeObjectReference(object: placer.placed(objects[index], namespaced: resource.namespaced, fallback: client.defaultNamespace))
                    let live = try await client.get(resource, name: placed.name, namespace: placed.namespace)
                    return (index, Entry(resource: resource, live: live))
                } catch {
                    return (index, nil)
                }
            }
            for _ in 0..<width {
                guard let index = queue.popFirst() else { break }
                group.addTask { await read(index) }
            }
            for await (index, entry) in group {
                if let entry { prefetch.entries[index] = entry }
                if let more = queue.popFirst() { group.addTask { await read(more) } }
            }
        }
        return prefetch
    }
}
