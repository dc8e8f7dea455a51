/// Where a request goes, read from its path alone (kinds are resolved later, against the
/// registry of served kinds).
enum APIPath: Sendable, Hashable {
    case version
    /// `/api`
    case coreGroups
    /// `/apis`
    case groups
    /// `/apis/<group>`
    case group(String)
    /// `/api/v1`, `/apis/<group>/<version>`
    case groupVersion(group: String, version: String)
    case openAPIIndex
    /// `/openapi/v3/<path>`, e.g. `api/v1` or `apis/apps/v1`.
    case openAPIDocument(String)
    case openAPIV2
    case resource(ResourcePath)
    case unknown

    /// Reads a request path; segments are percent-decoded.
    static func parse(_ path: String) -> APIPath {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map {
            PercentDecoding.decode(String($0))
        }
        switch segments.first {
        case "version": return segments.count == 1 ? .version : .unknown
        case "api": return parseCore(Array(segments.dropFirst()))
        case "apis": return parseGroups(Array(segments.dropFirst()))
        case "openapi": return parseOpenAPI(Array(segments.dropFirst()))
        default: return .unknown
        }
    }

    private static func parseCore(_ rest: [String]) -> APIPath {
        guard let version = rest.first else { return .coreGroups }
        if rest.count == 1 { return .groupVersion(group: "", version: version) }
        return ResourcePath.parse(group: "", version: version, rest: Array(rest.dropFirst())).map(APIPath.resource)
            ?? .unknown
    }

    private static func parseGroups(_ rest: [String]) -> APIPath {
        switch rest.count {
        case 0: return .groups
        case 1: return .group(rest[0])
        case 2: return .groupVersion(group: rest[0], version: rest[1])
        default:
            return ResourcePath.parse(group: rest[0], version: rest[1], rest: Array(rest.dropFirst(2)))
                .map(APIPath.resource) ?? .unknown
        }
    }

    private static func parseOpenAPI(_ rest: [String]) -> APIPath {
        guard let version = rest.first else { return .unknown }
        if version == "v2" { return rest.count == 1 ? .openAPIV2 : .unknown }
        guard version == "v3" else { return .unknown }
        if rest.count == 1 { return .openAPIIndex }
        return .openAPIDocument(rest.dropFirst().joined(separator: "/"))
    }
}

/// A path below a group-version: a collection, an object, or an object's subresource.
struct ResourcePath: Sendable, Hashable {
    var group: String
    var version: String
    var namespace: String?
    var plural: String
    var name: String?
    var subresource: String?

    /// `namespaces/NS/PLURAL[/NAME[/SUB]]` or `PLURAL[/NAME[/SUB]]`; `namespaces/X/status` is the
    /// namespace's own subresource, not a kind called `status`.
    static func parse(group: String, version: String, rest: [String]) -> ResourcePath? {
        if rest.count >= 3, rest[0] == "namespaces", !["status", "finalize"].contains(rest[2]) {
            guard rest.count <= 5 else { return nil }
            return ResourcePath(
                group: group, version: version, namespace: rest[1], plural: rest[2], name: element(rest, 3),
                subresource: element(rest, 4))
        }
        guard !rest.isEmpty, rest.count <= 3 else { return nil }
        return ResourcePath(
            group: group, version: version, namespace: nil, plural: rest[0], name: element(rest, 1),
            subresource: element(rest, 2))
    }

    private static func element(_ array: [String], _ index: Int) -> String? {
        index < array.count ? array[index] : nil
    }
}
