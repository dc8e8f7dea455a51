import Foundation
import YAML

/// The state of the test cluster and the handlers of the Kubernetes API; one actor, so every
/// request sees and leaves a consistent store.
actor KubeAPI {
    var store = ObjectStore()
    var registry = CRDRegistry()
    var establishment: CRDEstablishment
    var pending: [String: PendingEstablishment] = [:]
    let serverAddress: String

    init(establishment: CRDEstablishment, serverAddress: String) {
        self.establishment = establishment
        self.serverAddress = serverAddress
        var store = ObjectStore()
        for name in ["default", "kube-node-lease", "kube-public", "kube-system"] {
            Self.createInitialNamespace(name, in: &store)
        }
        self.store = store
    }

    /// Every kind served now: built-ins, then the kinds of Established CRDs.
    var kinds: [ResourceKind] { BuiltinKinds.all + registry.kinds }

    func setEstablishment(_ establishment: CRDEstablishment) { self.establishment = establishment }

    /// Answers one request.
    func handle(_ request: APIRequest) -> APIOutcome {
        promoteDueCRDs()
        do {
            return try route(request)
        } catch {
            return .response(error.response)
        }
    }

    private func route(_ request: APIRequest) throws(APIError) -> APIOutcome {
        let path = APIPath.parse(request.path)
        if case .resource(let resourcePath) = path { return try resource(resourcePath, request) }
        if case .unknown = path { return .response(.pageNotFound) }
        guard request.method == "GET" || request.method == "HEAD" else { throw .status(.methodNotAllowed) }
        let discovery = Discovery(kinds: kinds, serverAddress: serverAddress)
        let openAPI = OpenAPIStub(kinds: kinds)
        switch path {
        case .version: return .response(.json(200, Self.version))
        case .coreGroups, .groups: return .response(try discoveryAnswer(request, discovery, core: path == .coreGroups))
        case .group(let name): return .response(discovery.group(name).map { .json(200, $0) } ?? .pageNotFound)
        case .groupVersion(let group, let version):
            return .response(discovery.resourceList(group: group, version: version).map { .json(200, $0) } ?? .pageNotFound)
        case .openAPIIndex:
            return .response(
                APIResponse(
                    status: 200, contentType: "text/plain; charset=utf-8", headers: [("Cache-Control", "no-cache, private")],
                    body: openAPI.index.jsonBytes))
        case .openAPIDocument(let name):
            guard let document = openAPI.document(name) else { return .response(.pageNotFound) }
            var response = APIResponse.json(200, document)
            response.headers = [("Cache-Control", "public, immutable")]
            return .response(response)
        case .openAPIV2, .unknown, .resource: return .response(.pageNotFound)
        }
    }

    /// `/api` and `/apis`: aggregated v2 when the Accept header asks for it first, plain JSON
    /// otherwise, 406 when only v2beta1 (or nothing readable) is accepted.
    private func discoveryAnswer(_ request: APIRequest, _ discovery: Discovery, core: Bool) throws(APIError) -> APIResponse {
        let ranges = request.accept.isEmpty ? ["*/*"] : request.accept.split(separator: ",").map(String.init)
        for range in ranges {
            let parameters = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let mediaType = parameters.first ?? ""
            if parameters.contains("g=apidiscovery.k8s.io") {
                guard parameters.contains("v=v2"), mediaType == "application/json" else { continue }
                var response = APIResponse.json(200, discovery.aggregated(core: core), contentType: Discovery.aggregatedMediaType)
                response.headers = [("Vary", "Accept")]
                return response
            }
            if ["application/json", "*/*", "application/*"].contains(mediaType) {
                return .json(200, core ? discovery.apiVersions : discovery.groupList)
            }
        }
        throw .status(.notAcceptable)
    }

    private func resource(_ path: ResourcePath, _ request: APIRequest) throws(APIError) -> APIOutcome {
        guard let kind = kinds.first(where: { $0.group == path.group && $0.version == path.version && $0.plural == path.plural }),
            path.namespace == nil || kind.namespaced
        else { return .response(.pageNotFound) }
        if kind.namespaced, path.namespace == nil, path.name != nil || request.method != "GET" {
            return .response(.pageNotFound)
        }
        let target = Target(kind: kind, namespace: path.namespace, name: path.name)
        if let subresource = path.subresource {
            guard subresource == "status", kind.hasStatus, let name = path.name else { return .response(.pageNotFound) }
            guard request.method == "GET" else { throw .status(.methodNotAllowed) }
            return .response(try get(target, name: name, request))
        }
        switch (request.method, path.name) {
        case ("GET", nil): return request.flag("watch") ? .watch(try watchPlan(target, request)) : .response(try list(target, request))
        case ("GET", let name?): return .response(try get(target, name: name, request))
        case ("POST", nil): return .response(try create(target, request))
        case ("PUT", let name?): return .response(try update(target, name: name, request))
        case ("PATCH", let name?): return .response(try patch(target, name: name, request))
        case ("DELETE", let name?): return .response(try delete(target, name: name, request))
        case ("DELETE", nil): return .response(try deleteCollection(target, request))
        default: throw .status(.methodNotAllowed)
        }
    }

    static let version = YAMLValue.object([
        "major": .string("1"), "minor": .string("36"), "emulationMajor": .string("1"), "emulationMinor": .string("36"),
        "minCompatibilityMajor": .string("1"), "minCompatibilityMinor": .string("35"), "gitVersion": .string("v1.36.2"),
        "gitCommit": .string("0000000000000000000000000000000000000000"), "gitTreeState": .string("clean"),
        "buildDate": .string("2026-01-01T00:00:00Z"), "goVersion": .string("rig-kube-test-server"),
        "compiler": .string("swift"), "platform": .string("linux/amd64"),
    ])

    /// Server time as objects carry it (RFC 3339, seconds, UTC).
    static func timestamp(_ date: Date = Date()) -> String {
        date.formatted(.iso8601)
    }

    private static func createInitialNamespace(_ name: String, in store: inout ObjectStore) {
        guard let kind = BuiltinKinds.core.first(where: { $0.kind == "Namespace" }) else { return }
        var object = YAMLValue.object([
            "kind": .string("Namespace"), "apiVersion": .string("v1"), "metadata": .object(["name": .string(name)]),
        ])
        object = ObjectShape.stamp(object, kind: kind, old: nil, revision: store.nextRevision(), time: timestamp())
        store[ObjectKey(kind: kind, namespace: nil, name: name)] = KindRules.prepare(object, kind: kind)
    }
}

/// The kind, namespace and name a request is about.
struct Target: Sendable {
    var kind: ResourceKind
    var namespace: String?
    var name: String?

    func key(_ name: String) -> ObjectKey { ObjectKey(kind: kind, namespace: namespace, name: name) }
}
