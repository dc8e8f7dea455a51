import Foundation
import YAML

/// Label and field selectors of a LIST: equality (`a=b`, `a==b`), inequality (`a!=b`),
/// existence (`a`, `!a`) and set terms (`a in (x,y)`, `a notin (x)`), joined by commas.
struct LabelSelector: Sendable {
    enum Term: Sendable {
        case equals(String, String)
        case notEquals(String, String)
        case exists(String)
        case notExists(String)
        case isIn(String, Set<String>)
        case notIn(String, Set<String>)
    }

    var terms: [Term] = []

    /// Parses a selector; nil when it cannot be read.
    init?(_ text: String) {
        for raw in Self.splitTerms(text) {
            let term = raw.trimmingCharacters(in: .whitespaces)
            if term.isEmpty { continue }
            guard let parsed = Self.parseTerm(term) else { return nil }
            terms.append(parsed)
        }
    }

    private static func splitTerms(_ text: String) -> [String] {
        var terms: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == ",", depth == 0 {
                terms.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        terms.append(current)
        return terms
    }

    private static func parseTerm(_ term: String) -> Term? {
        for (operatorText, make) in [("!=", Term.notEquals), ("==", Term.equals), ("=", Term.equals)] as [(String, (String, String) -> Term)] {
            if let range = term.range(of: operatorText) {
                let key = term[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                let value = term[range.upperBound...].trimmingCharacters(in: .whitespaces)
                return key.isEmpty ? nil : make(key, value)
            }
        }
        let words = term.split(separator: " ", maxSplits: 2).map(String.init)
        if words.count == 3, words[1] == "in" || words[1] == "notin", words[2].hasPrefix("("), words[2].hasSuffix(")") {
            let values = Set(words[2].dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            return words[1] == "in" ? .isIn(words[0], values) : .notIn(words[0], values)
        }
        if term.hasPrefix("!") { return .notExists(term.dropFirst().trimmingCharacters(in: .whitespaces)) }
        return term.contains(" ") ? nil : .exists(term)
    }

    /// Whether a set of labels (or fields) satisfies every term.
    func matches(_ labels: [String: String]) -> Bool {
        matches { labels[$0] }
    }

    /// Whether the values `lookup` gives for the terms' keys satisfy every term.
    func matches(_ lookup: (String) -> String?) -> Bool {
        terms.allSatisfy { term in
            switch term {
            case .equals(let key, let value): lookup(key) == value
            case .notEquals(let key, let value): lookup(key) != value
            case .exists(let key): lookup(key) != nil
            case .notExists(let key): lookup(key) == nil
            case .isIn(let key, let values): lookup(key).map(values.contains) ?? false
            case .notIn(let key, let values): !(lookup(key).map(values.contains) ?? false)
            }
        }
    }

    /// The labels of an object as a dictionary of strings.
    static func labels(of object: YAMLValue) -> [String: String] {
        var labels: [String: String] = [:]
        for pair in object[path: ["metadata", "labels"]]?.pairs ?? [] {
            if let key = pair.key.stringValue, let value = pair.value.scalarText { labels[key] = value }
        }
        return labels
    }

    /// A field selector's value for a dotted path (`metadata.name`, `involvedObject.name`,
    /// `status.phase`): the scalar there as text, empty when absent, as the server compares it.
    static func field(_ path: String, of object: YAMLValue) -> String? {
        var current: YAMLValue? = object
        for key in path.split(separator: ".") { current = current?[String(key)] }
        return current?.scalarText ?? ""
    }
}
