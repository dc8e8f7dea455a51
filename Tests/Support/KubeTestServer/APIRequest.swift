import Foundation
import YAML

/// One HTTP request as the API layer sees it: method, decoded path, query, headers and body.
struct APIRequest: Sendable {
    var method: String
    /// The path without the query, percent-decoding left to the router.
    var path: String
    /// Query parameters; when a name repeats, the last value wins.
    var query: [String: String]
    /// Header names in lowercase.
    var headers: [String: String]
    var body: [UInt8]

    var accept: String { headers["accept"] ?? "" }
    var contentType: String { headers["content-type"] ?? "" }
    var userAgent: String { headers["user-agent"] ?? "" }

    /// Splits a request target (`/api/v1/x?a=b`) into path and query.
    static func split(target: String) -> (path: String, query: [String: String]) {
        guard let mark = target.firstIndex(of: "?") else { return (target, [:]) }
        var query: [String: String] = [:]
        for item in target[target.index(after: mark)...].split(separator: "&") {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentDecoding.decode(String(parts[0]), plusIsSpace: true)
            query[name] = parts.count > 1 ? PercentDecoding.decode(String(parts[1]), plusIsSpace: true) : ""
        }
        return (String(target[..<mark]), query)
    }

    /// The media type of the body without parameters, lowercased (`application/apply-patch+yaml`).
    var bodyMediaType: String {
        contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }

    /// Whether a query flag is set the way the API server reads booleans (`true`, `1`).
    func flag(_ name: String) -> Bool {
        guard let value = query[name]?.lowercased() else { return false }
        return value == "true" || value == "1"
    }

    /// `dryRun=All`.
    var isDryRun: Bool { query["dryRun"] == "All" }

    /// The field manager of a write: the `fieldManager` parameter, else the User-Agent's first
    /// word (`curl/7.88.1` → `curl`), as the real server derives it.
    var updateManager: String {
        if let manager = query["fieldManager"], !manager.isEmpty { return manager }
        let product = userAgent.split(separator: "/").first.map(String.init) ?? ""
        return product.isEmpty ? "unknown" : String(product.prefix(128))
    }
}

/// Percent-decoding for paths and query strings; invalid escapes are kept as written.
enum PercentDecoding {
    static func decode(_ text: String, plusIsSpace: Bool = false) -> String {
        guard text.contains("%") || (plusIsSpace && text.contains("+")) else { return text }
        var bytes: [UInt8] = []
        let input = Array(text.utf8)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "%"), index + 2 < input.count,
                let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
                continue
            }
            bytes.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
