import Foundation
import Diagnostics
import YAML

extension YAMLNode {
    /// The pairs of a mapping, or nil.
    package var pairs: [YAMLNodePair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    package var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The text of a scalar that resolved to a string.
    package var string: String? {
        if case .scalar(let scalar) = content, case .string(let text) = scalar.value { return text }
        return nil
    }

    /// The text of any scalar (`yes` → "yes").
    package var scalarText: String? {
        if case .scalar(let scalar) = content { return scalar.text }
        return nil
    }

    /// Whether the node is an empty value (`key:`, `~`, `null`, or a document of only `---`).
    package var isNull: Bool {
        if case .scalar(let scalar) = content { return scalar.value == .null }
        return false
    }

    package subscript(key: String) -> YAMLNode? {
        pairs?.first { $0.key.string == key }?.value
    }

    /// What kind of node this is, for messages ("a mapping", "a list").
    package var kindDescription: String {
        switch content {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let scalar):
            switch scalar.value {
            case .null: "null"
            case .bool: "a boolean"
            case .int: "an integer"
            case .float: "a number"
            case .string: "a string"
            default: "a value"
            }
        }
    }

    /// The node as a list of strings (a single string counts as a one-item list), or nil.
    package var stringList: [String]? {
        if let items {
            let strings = items.compactMap(\.scalarText)
            return strings.count == items.count ? strings : nil
        }
        if let text = scalarText { return text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        return nil
    }

    /// The node as a list of nodes (a scalar counts as a one-item list).
    package var asList: [YAMLNode] {
        items ?? [self]
    }
}
