import Foundation
import Synchronization

/// A compiled Python `re` pattern, run by ICU through `NSRegularExpression`.
///
/// Patterns are translated from Python syntax first (see `PythonRegexTranslator`) and compiled
/// with Unix line endings, so `.`, `^` and `$` treat only `\n` as a line break, as Python does.
/// Compiled patterns are cached process-wide behind a mutex; a pattern is immutable once built.
package struct PythonRegex: Sendable {
    /// Python's `re.I`, `re.M` and `re.S`.
    package struct Flags: OptionSet, Sendable, Hashable {
        package let rawValue: Int
        package init(rawValue: Int) { self.rawValue = rawValue }
        package static let ignoreCase = Flags(rawValue: 1)
        package static let multiline = Flags(rawValue: 2)
        package static let dotAll = Flags(rawValue: 4)
    }

    /// How a pattern must sit in the subject: Python's `search`, `match` or `fullmatch`.
    package enum Anchoring: String, Sendable {
        case search, match, fullmatch
    }

    private let expression: NSRegularExpression
    private let anchoredAtEnd: NSRegularExpression
    /// How many capturing groups the pattern has.
    package let groupCount: Int
    /// Named groups and their numbers.
    package let groupNames: [String: Int]

    private struct CacheKey: Hashable {
        var pattern: String
        var flags: Flags
    }

    private static let cache = Mutex<[CacheKey: PythonRegex]>([:])
    private static let cacheLimit = 512

    /// Compiles `pattern` (Python syntax), reusing a cached compilation when there is one.
    package static func compile(_ pattern: String, flags: Flags = []) throws(TemplateError) -> PythonRegex {
        let key = CacheKey(pattern: pattern, flags: flags)
        if let cached = cache.withLock({ $0[key] }) { return cached }
        let regex = try PythonRegex(pattern: pattern, flags: flags)
        cache.withLock { cache in
            if cache.count >= cacheLimit { cache.removeAll() }
            cache[key] = regex
        }
        return regex
    }

    private init(pattern: String, flags: Flags) throws(TemplateError) {
        var translator = PythonRegexTranslator(pattern)
        // ICU rejects an empty pattern; Python's matches the empty string everywhere.
        var translated = try translator.translate()
        if translated.isEmpty { translated = "(?:)" }
        var options: NSRegularExpression.Options = [.useUnixLineSeparators]
        if flags.contains(.ignoreCase) { options.insert(.caseInsensitive) }
        if flags.contains(.multiline) { options.insert(.anchorsMatchLines) }
        if flags.contains(.dotAll) { options.insert(.dotMatchesLineSeparators) }
        do {
            expression = try NSRegularExpression(pattern: translated, options: options)
            anchoredAtEnd = try NSRegularExpression(pattern: "(?:" + translated + ")\\z", options: options)
        } catch {
            throw .value("invalid regular expression '\(pattern)'")
        }
        groupCount = translator.groupCount
        groupNames = translator.groupNames
    }

    /// The first match, found the way Python's `search`, `match` or `fullmatch` would.
    package func firstMatch(in string: String, anchoring: Anchoring = .search) -> PythonMatch? {
        let range = NSRange(string.startIndex..<string.endIndex, in: string)
        let result: NSTextCheckingResult?
        switch anchoring {
        case .search: result = expression.firstMatch(in: string, options: [], range: range)
        case .match: result = expression.firstMatch(in: string, options: [.anchored], range: range)
        case .fullmatch: result = anchoredAtEnd.firstMatch(in: string, options: [.anchored], range: range)
        }
        return result.map { PythonMatch(result: $0, in: string, regex: self) }
    }

    /// Every non-overlapping match, left to right, as Python's `finditer` yields them.
    package func matches(in string: String) -> [PythonMatch] {
        let range = NSRange(string.startIndex..<string.endIndex, in: string)
        return expression.matches(in: string, options: [], range: range).map {
            PythonMatch(result: $0, in: string, regex: self)
        }
    }

    /// Python's `re.findall`: whole matches without groups, the group with one group, tuples of
    /// groups with several; groups that did not take part are empty strings.
    package func findAll(in string: String) -> [Value] {
        matches(in: string).map { match in
            switch groupCount {
            case 0: return .string(match.group(0) ?? "")
            case 1: return .string(match.group(1) ?? "")
            default: return .tuple((1...groupCount).map { .string(match.group($0) ?? "") })
            }
        }
    }

    /// Python's `re.subn(replacement, string, count)`: the new string and how many replacements
    /// were made. `replacement` uses Python's template syntax (`\1`, `\g<name>`, `\n`).
    package func substitute(
        in string: String, with replacement: String, count limit: Int = 0
    ) throws(TemplateError) -> (String, Int) {
        let template = try ReplacementTemplate(replacement, regex: self)
        var out = ""
        var position = string.startIndex
        var done = 0
        for match in matches(in: string) {
            if limit > 0, done >= limit { break }
            guard let whole = match.range(0) else { continue }
            out += string[position..<whole.lowerBound]
            out += template.expand(match)
            position = whole.upperBound
            done += 1
        }
        out += string[position...]
        return (out, done)
    }

    /// Python's `re.escape`: a backslash before each character that is special in a pattern.
    package static func escape(_ string: String) -> String {
        let special = Set("()[]{}?*+-|^$\\.&~# \t\n\r\u{0B}\u{0C}".unicodeScalars)
        var out = String.UnicodeScalarView()
        for scalar in string.unicodeScalars {
            if special.contains(scalar) { out.append("\\") }
            out.append(scalar)
        }
        return String(out)
    }
}

/// One match of a `PythonRegex`, with its groups as ranges of the subject string.
package struct PythonMatch: Sendable {
    private let subject: String
    private let ranges: [Range<String.Index>?]
    private let groupNames: [String: Int]

    fileprivate init(result: NSTextCheckingResult, in string: String, regex: PythonRegex) {
        subject = string
        groupNames = regex.groupNames
        ranges = (0..<result.numberOfRanges).map { Range(result.range(at: $0), in: string) }
    }

    /// The range of group `index` (0 is the whole match), nil when the group did not take part.
    package func range(_ index: Int) -> Range<String.Index>? {
        index < ranges.count ? ranges[index] : nil
    }

    /// The text of group `index`, nil when the group did not take part or does not exist.
    package func group(_ index: Int) -> String? {
        range(index).map { String(subject[$0]) }
    }

    /// The text of a named group, nil when the group did not take part or does not exist.
    package func group(named name: String) -> String? {
        groupNames[name].flatMap(group)
    }

    /// Whether the pattern has a group with this name.
    package func hasGroup(named name: String) -> Bool {
        groupNames[name] != nil
    }

    /// How many groups the pattern has, not counting the whole match.
    package var groupCount: Int { max(0, ranges.count - 1) }
}
