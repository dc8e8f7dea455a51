import Foundation
import YAML

/// GET, LIST and the snapshots watches are made of.
extension KubeAPI {
    func get(_ target: Target, name: String, _ request: APIRequest) throws(APIError) -> APIResponse {
        noteRead(target, names: [name])
        guard let object = store[target.key(name)] else { throw .status(.notFound(target.kind, name: name)) }
        let shown = served(object, kind: target.kind)
        if TableResponse.isRequested(accept: request.accept) {
            return .json(200, table(target.kind, request).table([shown]))
        }
        return .json(200, shown)
    }

    func list(_ target: Target, _ request: APIRequest) throws(APIError) -> APIResponse {
        let objects = try selected(target, request)
        noteRead(target, names: objects.compactMap { $0[path: ["metadata", "name"]]?.stringValue })
        let shown = objects.map { served($0, kind: target.kind) }
        if TableResponse.isRequested(accept: request.accept) {
            return .json(200, table(target.kind, request).table(shown))
        }
        return .json(
            200,
            .object([
                "kind": .string(target.kind.listKind), "apiVersion": .string(target.kind.groupVersion),
                "metadata": .object(["resourceVersion": .string(String(store.revision))]),
                "items": .sequence(shown.map { ObjectShape.listItem($0, kind: target.kind) }),
            ]))
    }

    /// The objects a LIST or WATCH selects, by namespace, label and field selectors.
    func selected(_ target: Target, _ request: APIRequest) throws(APIError) -> [YAMLValue] {
        guard let labels = LabelSelector(request.query["labelSelector"] ?? "") else {
            throw .status(.badRequest("unable to parse requirement: \(request.query["labelSelector"] ?? "")"))
        }
        guard let fields = LabelSelector(request.query["fieldSelector"] ?? "") else {
            throw .status(.badRequest("invalid field selector: \(request.query["fieldSelector"] ?? "")"))
        }
        return store.list(group: target.kind.group, plural: target.kind.plural, namespace: target.namespace)
            .map(\.object)
            .filter { object in
                labels.matches(LabelSelector.labels(of: object)) && fields.matches { LabelSelector.field($0, of: object) }
            }
    }

    /// What a watch polls: the selected objects by namespace/name, with their resourceVersions.
    func watchSnapshot(_ plan: WatchPlan) -> [String: (revision: Int, object: YAMLValue)] {
        promoteDueCRDs()
        var snapshot: [String: (revision: Int, object: YAMLValue)] = [:]
        for object in (try? selected(plan.target, plan.request)) ?? [] {
            let namespace = object[path: ["metadata", "namespace"]]?.stringValue ?? ""
            let name = object[path: ["metadata", "name"]]?.stringValue ?? ""
            let revision = Int(object[path: ["metadata", "resourceVersion"]]?.stringValue ?? "") ?? 0
            snapshot["\(namespace)/\(name)"] = (revision, served(object, kind: plan.target.kind))
        }
        return snapshot
    }

    func watchPlan(_ target: Target, _ request: APIRequest) throws(APIError) -> WatchPlan {
        _ = try selected(target, request)
        let timeout = Int(request.query["timeoutSeconds"] ?? "").map { max(0, min($0, 3600)) } ?? 1800
        // A watch list (`sendInitialEvents=true`, client-go's WatchList, which Helm 4's --wait
        // uses) starts with every selected object, whatever resourceVersion it names.
        let initialEvents = request.query["sendInitialEvents"] == "true"
        let since = initialEvents ? 0 : Int(request.query["resourceVersion"] ?? "") ?? 0
        return WatchPlan(target: target, request: request, timeoutSeconds: timeout, sinceRevision: since, sendInitialEvents: initialEvents)
    }

    /// The BOOKMARK that ends a watch list's initial events, as the real API server sends it:
    /// an object of the watched kind holding only the resourceVersion and the
    /// `k8s.io/initial-events-end` annotation.
    func initialEventsEnd(_ plan: WatchPlan) -> YAMLValue {
        let metadata: YAMLValue = .object([
            "resourceVersion": .string(String(store.revision)),
            "annotations": .object(["k8s.io/initial-events-end": .string("true")]),
        ])
        return .object(["kind": .string(plan.target.kind.kind), "apiVersion": .string(plan.target.kind.groupVersion), "metadata": metadata])
    }

    /// The object as this kind's version serves it.
    func served(_ object: YAMLValue, kind: ResourceKind) -> YAMLValue {
        guard kind.isCustom else { return object }
        var object = object
        object.set("apiVersion", .string(kind.groupVersion))
        return object
    }

    private func table(_ kind: ResourceKind, _ request: APIRequest) -> TableResponse {
        TableResponse(
            kind: kind, include: TableResponse.include(request.query), resourceVersion: String(store.revision), now: Date())
    }
}

/// A watch to stream: what to select, since which resourceVersion, and for how long.
struct WatchPlan: Sendable {
    var target: Target
    var request: APIRequest
    var timeoutSeconds: Int
    /// Events for objects at or below this revision are not sent (0: send every object as ADDED).
    var sinceRevision: Int
    /// Whether the initial ADDED events end with a BOOKMARK marking their end.
    var sendInitialEvents = false
}
