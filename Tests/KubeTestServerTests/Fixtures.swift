import Foundation
import Kube
import YAML

/// The recorded exchanges of a real kube-apiserver v1.36 (`shared/fixtures/kube-api`).
enum Fixtures {
    /// `shared/` beside the repository (CI clones it there), else the workplace's.
    static let sharedDirectory: String = {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let beside = repository.deletingLastPathComponent().appendingPathComponent("shared").path
        return FileManager.default.fileExists(atPath: beside) ? beside : "/work/shared"
    }()

    static var kubeAPI: String { sharedDirectory + "/fixtures/kube-api" }

    /// The exchange in `responses/NN-*.json`.
    static func exchange(_ number: String) throws -> YAMLValue {
        let directory = kubeAPI + "/responses"
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        guard let name = names.first(where: { $0.hasPrefix(number + "-") }) else {
            throw FixtureError(reason: "no fixture \(number) in \(directory)")
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
        return try YAMLValue.parseJSON(Array(data))
    }

    static func responseBody(_ number: String) throws -> YAMLValue {
        try exchange(number)[path: ["response", "body"]] ?? .null
    }

    /// The request body, as JSON text (YAML bodies are sent as recorded).
    static func requestBody(_ number: String) throws -> String {
        let body = try exchange(number)[path: ["request", "body"]] ?? .null
        if case .string(let text) = body { return text }
        return body.jsonText
    }

    static let varyingKeys: Set<String> = ["uid", "resourceVersion", "creationTimestamp", "time", "lastTransitionTime", "deletionTimestamp"]

    /// The tree with values that differ between runs (uids, times, resourceVersions) replaced,
    /// and `managedFields` ordered by operation and manager (the server orders them by time
    /// first, and the seconds differ between runs).
    static func normalised(_ value: YAMLValue) -> YAMLValue {
        switch value {
        case .mapping(let pairs):
            return .mapping(
                pairs.map { pair in
                    if let key = pair.key.stringValue, varyingKeys.contains(key), pair.value != .null {
                        return YAMLPair(pair.key, .string("<varies>"))
                    }
                    if pair.key == .string("managedFields"), let entries = pair.value.items {
                        let sorted = entries.map(normalised).sorted {
                            ($0["operation"]?.stringValue ?? "", $0["manager"]?.stringValue ?? "")
                                < ($1["operation"]?.stringValue ?? "", $1["manager"]?.stringValue ?? "")
                        }
                        return YAMLPair(pair.key, .sequence(sorted))
                    }
                    return YAMLPair(pair.key, normalised(pair.value))
                })
        case .sequence(let items):
            return .sequence(items.map(normalised))
        default:
            return value
        }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}

extension YAMLValue {
    subscript(path path: [String]) -> YAMLValue? {
        var current: YAMLValue? = self
        for key in path { current = current?[key] }
        return current
    }
}

extension YAMLValue {
    /// The items of a sequence; nil for other values.
    var items: [YAMLValue]? {
        if case .sequence(let items) = self { return items }
        return nil
    }
}
