/// One kind as the API server serves it: where its objects live and whether they are namespaced.
package struct KubeResource: Sendable, Hashable {
    /// Empty for the core group (`v1`).
    package var group: String
    package var version: String
    package var kind: String
    /// The plural name in URLs (`configmaps`, `streams`).
    package var plural: String
    package var namespaced: Bool

    package init(group: String, version: String, kind: String, plural: String, namespaced: Bool) {
        self.group = group
        self.version = version
        self.kind = kind
        self.plural = plural
        self.namespaced = namespaced
    }

    /// `v1` or `group/version`, as objects write it.
    package var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// The path of the collection (`/api/v1/namespaces/NS/configmaps`,
    /// `/apis/apps/v1/deployments`); `namespace` is ignored for cluster-scoped kinds.
    package func collectionPath(namespace: String?) -> String {
        let root = group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)"
        if namespaced, let namespace { return "\(root)/namespaces/\(KubePath.escape(namespace))/\(plural)" }
        return "\(root)/\(plural)"
    }

    /// The path of one object.
    package func objectPath(name: String, namespace: String?) -> String {
        "\(collectionPath(namespace: namespace))/\(KubePath.escape(name))"
    }

    /// Splits `apiVersion` into group and version.
    package static func split(apiVersion: String) -> (group: String, version: String) {
        guard let slash = apiVersion.lastIndex(of: "/") else { return ("", apiVersion) }
        return (String(apiVersion[..<slash]), String(apiVersion[apiVersion.index(after: slash)...]))
    }
}

/// Percent-escaping of path segments (names are DNS labels in practice, but input is input).
package enum KubePath {
    package static func escape(_ segment: String) -> String {
        var output = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ":"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                output.unicodeScalars.append("%")
                output.unicodeScalars.append(hex[Int(byte >> 4)])
                output.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return output
    }
}
