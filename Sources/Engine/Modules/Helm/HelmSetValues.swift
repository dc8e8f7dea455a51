import YAML

/// One `set_values` line (`a.b=c,d[0]=e`) applied to helm values as helm's `pkg/strvals` applies
/// `--set`, `--set-string`, `--set-json`, `--set-file` and `--set-literal`: into the values already
/// merged from `-f` files, so `a[1]=x` edits one item of an existing list and `a.b=x` over a
/// scalar `a` is an error, as in helm.
///
/// rig converts these to data itself so that no value ever reaches helm's argv and the result is
/// compared with the release as data. Where helm silently drops an incomplete line (`a[0`, `a.`,
/// `a[0]` with no `=`), rig reports it instead.
package struct HelmSetValues {
    /// How the right side of `=` is read: `value_type` of a `set_values` entry.
    package enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `--set`: `true`/`false`/`null`, integers without a leading zero; anything else a string.
        case raw
        /// `--set-string`: always a string.
        case string
        /// `--set-json`: one JSON value per key; an empty value is null.
        case json
        /// `--set-file`: the content of the file the value names, as a string.
        case file
        /// `--set-literal`: everything after the first `=` as one string; no escapes, no lists.
        case literal

        /// helm applies the kinds in this order whatever the order on its command line.
        var order: Int {
            switch self {
            case .json: 0
            case .raw: 1
            case .string: 2
            case .file: 3
            case .literal: 4
            }
        }

        /// The helm flag this kind stands for, for messages.
        var flag: String { self == .raw ? "--set" : "--set-\(rawValue)" }
    }

    /// Why a line could not be applied, in helm's terms but naming keys only, never values.
    package struct Failure: Error, Sendable {
        package var message: String
    }

    static let maximumIndex = 65536
    static let maximumNesting = 30
    /// Keys, list items and lists inside lists, all told; helm has no such limit (Go's stacks
    /// grow), rig needs one so `a[0][0]…` or `a[0].b[0].…` cannot exhaust the stack.
    static let maximumDepth = 200

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var depth = 0
    private let kind: Kind
    private let readFile: (String) throws(Failure) -> String

    /// Applies `line` to `values`, a mapping; `readFile` gives a `--set-file` path's content.
    /// On failure `values` is left as it was.
    package static func apply(
        _ line: String, kind: Kind, to values: inout YAMLValue, readFile: @escaping (String) throws(Failure) -> String
    ) throws(Failure) {
        guard case .mapping(var pairs) = values else { throw Failure(message: "the values are not a mapping") }
        var parser = HelmSetValues(scalars: Array(line.unicodeScalars), kind: kind, readFile: readFile)
        while try parser.key(&pairs, nesting: 0) == .more {}
        values = .mapping(pairs)
    }

    private init(scalars: [Unicode.Scalar], kind: Kind, readFile: @escaping (String) throws(Failure) -> String) {
        self.scalars = scalars
        self.kind = kind
        self.readFile = readFile
    }

    /// Whether input remains after a step.
    private enum Step { case more, end }

    /// A key, then what follows it: `.` (a nested mapping), `[` (a list item) or `=` (the value).
    private mutating func key(_ data: inout [YAMLPair], nesting: Int) throws(Failure) -> Step {
        try enter()
        defer { depth -= 1 }
        let stop: Set<Unicode.Scalar> = kind == .literal ? ["=", "[", "."] : ["=", "[", ",", "."]
        let (key, last) = runes(until: stop)
        switch last {
        case nil:
            if key.isEmpty { return .end }
            // Not named: a line without `=` may be a value written without its key.
            throw Failure(message: "the last key has no value (no '=' after it)")
        case "[":
            let index = try self.index(after: key)
            var list: [YAMLValue] = []
            if let existing = Self.lookup(data, key) {
                guard case .sequence(let items) = existing else { throw Self.conflict(key, existing, wanted: "a list") }
                list = items
            }
            let step = try listItem(&list, index, nesting: nesting, key: key)
            Self.assign(&data, key, .sequence(list))
            return step
        case "=":
            return try value { value in Self.assign(&data, key, value) }
        case ",":
            throw Failure(message: "a key before ',' has no value (no '=' after it)")
        default:
            guard nesting + 1 <= Self.maximumNesting else {
                throw Failure(message: "'\(key)' is nested deeper than helm's limit of \(Self.maximumNesting) levels")
            }
            guard position < scalars.count else { throw Failure(message: "key '\(key).' has no value") }
            var inner: [YAMLPair] = []
            if let existing = Self.lookup(data, key) {
                guard case .mapping(let pairs) = existing else { throw Self.conflict(key, existing, wanted: "a mapping") }
                inner = pairs
            }
            let step = try self.key(&inner, nesting: nesting + 1)
            guard !inner.isEmpty else { throw Failure(message: "key map '\(key)' has no value") }
            Self.assign(&data, key, .mapping(inner))
            return step
        }
    }

    /// What follows `key[index]`: `=` a value, `[` a nested list, `.` a mapping in the item.
    private mutating func listItem(_ list: inout [YAMLValue], _ index: Int, nesting: Int, key: String) throws(Failure) -> Step {
        try enter()
        defer { depth -= 1 }
        let (rest, last) = runes(until: ["[", ".", "="])
        guard rest.isEmpty else { throw Failure(message: "unexpected '\(rest)' after the index in '\(key)[\(index)]'") }
        switch last {
        case nil:
            throw Failure(message: "key '\(key)[\(index)]' has no value")
        case "=":
            var item: YAMLValue = .null
            let step = try value { item = $0 }
            try Self.assign(&list, index, item)
            return step
        case "[":
            let next = try self.index(after: key)
            var inner: [YAMLValue] = []
            if index < list.count, list[index] != .null {
                guard case .sequence(let items) = list[index] else { throw Self.conflict("\(key)[\(index)]", list[index], wanted: "a list") }
                inner = items
            }
            let step = try listItem(&inner, next, nesting: nesting, key: "\(key)[\(index)]")
            try Self.assign(&list, index, .sequence(inner))
            return step
        default:
            guard position < scalars.count else { throw Failure(message: "key '\(key)[\(index)].' has no value") }
            var inner: [YAMLPair] = []
            if index < list.count, case .mapping(let pairs) = list[index] { inner = pairs }
            let step = try self.key(&inner, nesting: nesting)
            try Self.assign(&list, index, .mapping(inner))
            return step
        }
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw Failure(message: "keys and lists are nested deeper than \(Self.maximumDepth) levels") }
    }

    /// The text between `[` and `]`, as an index helm accepts.
    private mutating func index(after key: String) throws(Failure) -> Int {
        let (text, last) = runes(until: ["]"])
        guard last != nil else { throw Failure(message: "'\(key)[' has no closing ']'") }
        guard let index = Int(text) else { throw Failure(message: "index '\(text)' of '\(key)' is not a number") }
        guard index >= 0 else { throw Failure(message: "negative index \(index) of '\(key)' is not allowed") }
        guard index <= Self.maximumIndex else {
            throw Failure(message: "index \(index) of '\(key)' is over helm's limit of \(Self.maximumIndex)")
        }
        return index
    }

    /// The value after `=`, handed to `store`, in the way this line's kind reads values.
    private mutating func value(_ store: (YAMLValue) throws(Failure) -> Void) throws(Failure) -> Step {
        switch kind {
        case .literal:
            try store(.string(String(String.UnicodeScalarView(scalars[position...]))))
            position = scalars.count
            return .end
        case .json:
            if emptyValue() {
                try store(.null)
                return .more
            }
            try store(try json())
            _ = emptyValue()
            return .more
        case .raw, .string, .file:
            guard position < scalars.count else {
                try store(.string(""))
                return .end
            }
            if scalars[position] == "{" {
                position += 1
                try store(.sequence(try list()))
                return .more
            }
            let (text, _) = runes(until: [","])
            try store(try read(text))
            return .more
        }
    }

    /// `{a,b}`: each item read as this kind reads values; a `,` right after `}` is consumed.
    private mutating func list() throws(Failure) -> [YAMLValue] {
        var items: [YAMLValue] = []
        while true {
            let (text, last) = runes(until: [",", "}"])
            guard let last else { throw Failure(message: "list must terminate with '}'") }
            items.append(try read(text))
            if last == "}" {
                if position < scalars.count, scalars[position] == "," { position += 1 }
                return items
            }
        }
    }

    /// One JSON value; what follows it is left for the next key.
    private mutating func json() throws(Failure) -> YAMLValue {
        let rest = String(String.UnicodeScalarView(scalars[position...]))
        do {
            let (value, length) = try YAMLValue.parseJSONPrefix(rest.utf8)
            position += String(decoding: Array(rest.utf8.prefix(length)), as: UTF8.self).unicodeScalars.count
            return value
        } catch {
            throw Failure(message: "a value is not JSON: \(error.message) (at byte \(error.offset) of it)")
        }
    }

    /// Skips blanks; true (and consumes it) at the end or at a `,`; false before anything else.
    private mutating func emptyValue() -> Bool {
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "," {
                position += 1
                return true
            }
            guard scalar.properties.isWhitespace else { return false }
            position += 1
        }
        return true
    }

    /// A value's text as this kind types it.
    private func read(_ text: String) throws(Failure) -> YAMLValue {
        switch kind {
        case .raw: Self.typed(text)
        case .file: .string(try readFile(text))
        case .string, .json, .literal: .string(text)
        }
    }

    /// `--set`'s typing: booleans and null by case-insensitive name, `0`, and 64-bit integers not
    /// starting with `0`; everything else stays a string (`1.5`, `007`, `1e3`).
    static func typed(_ text: String) -> YAMLValue {
        let folded = String(String.UnicodeScalarView(text.unicodeScalars.map(Self.folded)))
        switch folded {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        case "0": return .int(0)
        default:
            guard text.first != "0", let number = Int64(text), let integer = Int(exactly: number) else { return .string(text) }
            return .int(integer)
        }
    }

    /// Go's `strings.EqualFold` for the letters of true/false/null: ASCII case, and `ſ` (long s) as `s`.
    private static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar == "\u{017F}" { return "s" }
        guard ("A"..."Z").contains(scalar), let lower = Unicode.Scalar(scalar.value + 32) else { return scalar }
        return lower
    }

    /// Text up to one of `stop` (consumed, returned as `last`; nil at the end). Outside
    /// `literal`, a backslash takes the next character as it is.
    private mutating func runes(until stop: Set<Unicode.Scalar>) -> (text: String, last: Unicode.Scalar?) {
        var text = String.UnicodeScalarView()
        while position < scalars.count {
            let scalar = scalars[position]
            position += 1
            if stop.contains(scalar) { return (String(text), scalar) }
            if scalar == "\\", kind != .literal {
                guard position < scalars.count else { return (String(text), nil) }
                text.append(scalars[position])
                position += 1
            } else {
                text.append(scalar)
            }
        }
        return (String(text), nil)
    }

    private static func lookup(_ data: [YAMLPair], _ key: String) -> YAMLValue? {
        data.first { $0.key == .string(key) }?.value
    }

    /// Sets `key`; an empty key sets nothing, as in helm.
    private static func assign(_ data: inout [YAMLPair], _ key: String, _ value: YAMLValue) {
        guard !key.isEmpty else { return }
        if let index = data.firstIndex(where: { $0.key == .string(key) }) {
            data[index].value = value
        } else {
            data.append(YAMLPair(.string(key), value))
        }
    }

    /// Sets item `index`, growing the list with nulls as helm does.
    private static func assign(_ list: inout [YAMLValue], _ index: Int, _ value: YAMLValue) throws(Failure) {
        guard index <= maximumIndex else { throw Failure(message: "index \(index) is over helm's limit of \(maximumIndex)") }
        if list.count <= index { list += Array(repeating: .null, count: index + 1 - list.count) }
        list[index] = value
    }

    private static func conflict(_ key: String, _ existing: YAMLValue, wanted: String) -> Failure {
        let what: String =
            switch existing {
            case .null: "null"
            case .bool: "a boolean"
            case .int, .float: "a number"
            case .string: "a string"
            case .sequence: "a list"
            case .mapping: "a mapping"
            }
        return Failure(message: "'\(key)' is \(what) in the values so far, not \(wanted)")
    }
}
