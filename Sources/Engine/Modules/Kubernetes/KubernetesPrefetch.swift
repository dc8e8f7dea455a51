import Kube
import YAML

/// Reads the live state of a task's objects before they are reconciled one by one, so a task
/// with many objects costs a few round trips, not one per object: objects of one kind in one
/// namespace, when there are several, come from one LIST; the rest from concurrent GETs.
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

    /// GETs in flight at once.
    static let width = 16
    /// From how many objects of one kind in one namespace a LIST replaces their GETs.
    static let listThreshold = 4

    private struct Target: Sendable {
        var index: Int
        var resource: KubeResource
        var reference: KubeObjectReference
    }

    private struct Group: Hashable {
        var resource: KubeResource
        var namespace: String?
    }

    static func read(_ objects: [YAMLValue], request: KubernetesRequest, client: any KubeClient) async -> KubernetesPrefetch {
        var prefetch = KubernetesPrefetch()
        guard objects.count > 1 else { return prefetch }
        let targets = await resolve(objects, request: request, client: client)
        var groups: [Group: [Target]] = [:]
        for target in targets {
            groups[Group(resource: target.resource, namespace: target.reference.namespace), default: []].append(target)
        }
        var singles: [Target] = []
        for (group, members) in groups {
            guard members.count >= listThreshold, let listed = try? await client.list(group.resource, namespace: group.namespace) else {
                singles += members
                continue
            }
            var byName: [String: YAMLValue] = [:]
            for object in listed { if let name = object["metadata"]?["name"]?.stringValue { byName[name] = object } }
            for member in members { prefetch.entries[member.index] = Entry(resource: member.resource, live: byName[member.reference.name]) }
        }
        for (index, entry) in await get(singles, client: client) { prefetch.entries[index] = entry }
        return prefetch
    }

    /// Each object's resource and place; objects named twice, or of unknown kinds, are left out.
    private static func resolve(_ objects: [YAMLValue], request: KubernetesRequest, client: any KubeClient) async -> [Target] {
        let references = objects.map { KubeObjectReference(object: $0) }
        let repeated = Set(Dictionary(grouping: references.indices, by: { references[$0] }).filter { $0.value.count > 1 }.keys)
        var targets: [Target] = []
        for index in references.indices where !repeated.contains(references[index]) {
            let reference = references[index]
            guard let resource = try? await client.resource(apiVersion: reference.apiVersion, kind: reference.kind) else { continue }
            let placed = KubeObjectReference(object: request.placed(objects[index], namespaced: resource.namespaced, fallback: client.defaultNamespace))
            targets.append(Target(index: index, resource: resource, reference: placed))
        }
        return targets
    }

    private static func get(_ targets: [Target], client: any KubeClient) async -> [(Int, Entry)] {
        guard !targets.isEmpty else { return [] }
        return await withTaskGroup(of: (Int, Entry)?.self) { group in
            var queue = targets[...]
            var results: [(Int, Entry)] = []
            @Sendable func read(_ target: Target) async -> (Int, Entry)? {
                do {
                    let live = try await client.get(target.resource, name: target.reference.name, namespace: target.reference.namespace)
                    return (target.index, Entry(resource: target.resource, live: live))
                } catch {
                    return nil
                }
            }
            for _ in 0..<width {
                guard let target = queue.popFirst() else { break }
                group.addTask { await read(target) }
            }
            for await result in group {
                if let result { results.append(result) }
                if let target = queue.popFirst() { group.addTask { await read(target) } }
            }
            return results
        }
    }
}
