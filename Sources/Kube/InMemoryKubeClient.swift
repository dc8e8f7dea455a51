import OrderedCollections
import YAML

/// A deterministic in-memory cluster for the engine's tests: the kinds of a fresh cluster, CRDs
/// that register their kind (Established at once, or after a number of reads), namespaces that
/// namespaced objects need, server-side apply with `managedFields` for one manager at a time,
/// and a log of every call. Failures are injected per verb.
package actor InMemoryKubeClient: KubeClient {
    /// One call, as the log records it.
    package struct Call: Sendable, Hashable, CustomStringConvertible {
        package var verb: String
        package var object: String
        package var dryRun = false

        package var isWrite: Bool { !dryRun && ["apply", "delete"].contains(verb) }
        package var description: String { "\(verb)\(dryRun ? " (dry run)" : "") \(object)" }
    }

    private struct Key: Hashable {
        var group: String
        var plural: String
        var namespace: String?
        var name: String
    }

    private var resources: [KubeResource]
    private var objects: OrderedDictionary<Key, YAMLValue> = [:]
    private var nextVersion = 100
    private var failures: [String: [KubeError]] = [:]
    /// Reads of a CRD left before it reports Established.
    private var establishAfterReads: [String: Int] = [:]
    package private(set) var calls: [Call] = []
    /// Reads before a new CRD reports Established; 0 means at once.
    package var crdEstablishDelay = 0

    package init(resources: [KubeResource] = InMemoryKubeClient.builtinResources) {
        self.resources = resources
    }

    /// The kinds a fresh cluster serves (a small subset, enough for tests).
    package static let builtinResources: [KubeResource] = [
        KubeResource(group: "", version: "v1", kind: "Namespace", plural: "namespaces", namespaced: false),
        KubeResource(group: "", version: "v1", kind: "ConfigMap", plural: "configmaps", namespaced: true),
        KubeResource(group: "", version: "v1", kind: "Secret", plural: "secrets", namespaced: true),
        KubeResource(group: "", version: "v1", kind: "Service", plural: "services", namespaced: true),
        KubeResource(group: "apps", version: "v1", kind: "Deployment", plural: "deployments", namespaced: true),
        KubeResource(group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition", plural: "customresourcedefinitions", namespaced: false),
    ]

    /// Makes the next calls of `verb` (`get`, `apply`, `delete`, `resource`) fail, in order.
    package func failNext(_ verb: String, with error: KubeError) {
        failures[verb, default: []].append(error)
    }

    package func setCRDEstablishDelay(_ reads: Int) { crdEstablishDelay = reads }

    package func clearCalls() { calls = [] }

    /// Every stored object, in creation order.
    package var storedObjects: [YAMLValue] { Array(objects.values) }

    package func resource(apiVersion: String, kind: String) async throws(KubeError) -> KubeResource? {
        try injected("resource")
        let (group, version) = KubeResource.split(apiVersion: apiVersion)
        return resources.first { $0.group == group && $0.version == version && $0.kind == kind }
    }

    package func invalidateDiscovery() async {}

    package func get(_ resource: KubeResource, name: String, namespace: String?) async throws(KubeError) -> YAMLValue? {
        calls.append(Call(verb: "get", object: describe(resource, name, namespace)))
        try injected("get")
        try requireServed(resource)
        let key = key(resource, name, namespace)
        guard var object = objects[key] else { return nil }
        if resource.kind == "CustomResourceDefinition", let left = establishAfterReads[name] {
            if left <= 0 {
                establishAfterReads[name] = nil
                object = established(object)
                objects[key] = object
            } else {
                establishAfterReads[name] = left - 1
            }
        }
        return object
    }

    package func list(_ resource: KubeResource, namespace: String?, labelSelector: String?) async throws(KubeError) -> [YAMLValue] {
        let selected = labelSelector.map { " with \($0)" } ?? ""
        calls.append(Call(verb: "list", object: "\(resource.kind) in \(resource.namespaced ? namespace ?? "default" : "cluster")\(selected)"))
        try injected("list")
        try requireServed(resource)
        let terms = (labelSelector ?? "").split(separator: ",").map { term in
            let parts = term.split(separator: "=", maxSplits: 1).map(String.init)
            return (parts.first ?? "", parts.count > 1 ? parts[1] : "")
        }
        return objects.filter { $0.key.group == resource.group && $0.key.plural == resource.plural && $0.key.namespace == (resource.namespaced ? namespace : nil) }
            .map(\.value)
            .filter { object in terms.allSatisfy { object["metadata"]?["labels"]?[$0.0]?.stringValue == $0.1 } }
    }

    package func apply(_ object: YAMLValue, resource: KubeResource, options: KubeApplyOptions) async throws(KubeError) -> YAMLValue {
        let reference = KubeObjectReference(object: object)
        let namespace = resource.namespaced ? reference.namespace : nil
        calls.append(Call(verb: "apply", object: describe(resource, reference.name, namespace), dryRun: options.dryRun))
        try injected("apply")
        try requireServed(resource)
        if resource.namespaced {
            guard let namespace, !namespace.isEmpty else {
                throw .status(400, reason: "BadRequest", message: "the namespace of the object must be set", object: reference)
            }
            let namespaceKey = Key(group: "", plural: "namespaces", namespace: nil, name: namespace)
            guard objects[namespaceKey] != nil else {
                throw .status(404, reason: "NotFound", message: "namespaces \"\(namespace)\" not found", object: reference)
            }
        }
        let key = key(resource, reference.name, namespace)
        let previous = objects[key]
        var stored = object
        var metadata = stored["metadata"] ?? .mapping([])
        if let previous {
            for field in ["uid", "creationTimestamp", "resourceVersion", "generation"] {
                if let value = previous["metadata"]?[field] { metadata.set(field, value) }
            }
            if let status = previous["status"] { stored.set("status", status) }
        } else {
            metadata.set("uid", .string("00000000-0000-0000-0000-\(String(nextVersion, radix: 16).leftPadded(to: 12))"))
            metadata.set("creationTimestamp", .string("2026-11-22T00:00:00Z"))
            metadata.set("generation", .int(1))
        }
        let fields = KubeFieldSet(appliedObject: object).fieldsV1
        metadata.set(
            "managedFields",
            .sequence([
                .mapping([
                    YAMLPair(.string("manager"), .string(options.fieldManager)), YAMLPair(.string("operation"), .string("Apply")),
                    YAMLPair(.string("apiVersion"), .string(resource.apiVersion)), YAMLPair(.string("fieldsType"), .string("FieldsV1")),
                    YAMLPair(.string("fieldsV1"), fields),
                ])
            ]))
        stored.set("metadata", metadata)
        let changed = previous.map { KubeObjectComparison.pruned($0) != KubeObjectComparison.pruned(stored) } ?? true
        if options.dryRun {
            // As the real server: a dry-run create has no resourceVersion, an update keeps it.
            if previous == nil { metadata.remove("resourceVersion") }
            stored.set("metadata", metadata)
            return stored
        }
        if changed {
            metadata.set("resourceVersion", .string(String(nextVersion)))
            nextVersion += 1
            if let previous, previous["spec"] != object["spec"] {
                metadata.set("generation", .int((previous["metadata"]?["generation"]?.intValue ?? 1) + 1))
            }
        }
        stored.set("metadata", metadata)
        if resource.kind == "CustomResourceDefinition", previous == nil {
            register(crd: stored)
            if crdEstablishDelay > 0 {
                establishAfterReads[reference.name] = crdEstablishDelay
            } else {
                stored = established(stored)
            }
        }
        objects[key] = stored
        return stored
    }

    package func delete(
        _ resource: KubeResource, name: String, namespace: String?, propagation: KubePropagation
    ) async throws(KubeError) -> KubeDeleteOutcome {
        calls.append(Call(verb: "delete", object: describe(resource, name, namespace)))
        try injected("delete")
        try requireServed(resource)
        let key = key(resource, name, namespace)
        guard let object = objects.removeValue(forKey: key) else { return .notFound }
        if resource.kind == "Namespace" {
            objects = objects.filter { $0.key.namespace != name }
        }
        if resource.kind == "CustomResourceDefinition", let group = object["spec"]?["group"]?.stringValue,
            let plural = object["spec"]?["names"]?["plural"]?.stringValue
        {
            resources.removeAll { $0.group == group && $0.plural == plural }
            objects = objects.filter { !($0.key.group == group && $0.key.plural == plural) }
        }
        return .deleted
    }

    private func injected(_ verb: String) throws(KubeError) {
        guard var queue = failures[verb], !queue.isEmpty else { return }
        let error = queue.removeFirst()
        failures[verb] = queue
        throw error
    }

    private func requireServed(_ resource: KubeResource) throws(KubeError) {
        guard resources.contains(resource) else {
            throw .status(404, reason: "NotFound", message: "the server could not find the requested resource")
        }
    }

    private func key(_ resource: KubeResource, _ name: String, _ namespace: String?) -> Key {
        Key(group: resource.group, plural: resource.plural, namespace: resource.namespaced ? namespace : nil, name: name)
    }

    private func describe(_ resource: KubeResource, _ name: String, _ namespace: String?) -> String {
        KubeObjectReference(apiVersion: resource.apiVersion, kind: resource.kind, name: name, namespace: resource.namespaced ? namespace : nil)
            .description
    }

    private func register(crd: YAMLValue) {
        guard let spec = crd["spec"], let group = spec["group"]?.stringValue, let kind = spec["names"]?["kind"]?.stringValue,
            let plural = spec["names"]?["plural"]?.stringValue, case .sequence(let versions) = spec["versions"] ?? .null
        else { return }
        let namespaced = spec["scope"]?.stringValue != "Cluster"
        for version in versions {
            guard let name = version["name"]?.stringValue, version["served"] != .bool(false) else { continue }
            resources.append(KubeResource(group: group, version: name, kind: kind, plural: plural, namespaced: namespaced))
        }
    }

    private func established(_ crd: YAMLValue) -> YAMLValue {
        var copy = crd
        let condition = { (type: String) -> YAMLValue in
            .mapping([YAMLPair(.string("type"), .string(type)), YAMLPair(.string("status"), .string("True"))])
        }
        copy.set("status", .mapping([YAMLPair(.string("conditions"), .sequence([condition("NamesAccepted"), condition("Established")]))]))
        return copy
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}

/// Hands out one in-memory cluster for every kubeconfig and context, and records which were asked for.
package actor InMemoryKubeClientProvider: KubeClientProvider {
    package let cluster: InMemoryKubeClient
    package private(set) var requested: [String] = []

    package init(cluster: InMemoryKubeClient = InMemoryKubeClient()) { self.cluster = cluster }

    package func client(kubeconfig: String?, context: String?) async throws(KubeError) -> any KubeClient {
        requested.append("\(kubeconfig ?? "-") \(context ?? "-")")
        return cluster
    }
}
