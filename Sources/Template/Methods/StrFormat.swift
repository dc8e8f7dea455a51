/// Python's `str.format(*args, **kwargs)`: `{}`, `{0}`, `{name}`, `{0.attr}`, `{0[key]}`,
/// `!r`/`!s`/`!a` conversions, format specs (with nested `{}` fields) and `{{`/`}}` escapes.
struct StrFormat {
    private let arguments: Arguments
    private let site: CallSite
    private var nextAutomatic = 0
    private var numbering: Numbering = .unknown

    private enum Numbering {
        case unknown, automatic, manual
    }

    init(arguments: Arguments, site: CallSite) {
        self.arguments = arguments
        self.site = site
    }

    /// The formatted string.
    mutating func format(_ template: String, depth: Int = 0) throws(TemplateError) -> String {
        guard depth <= 2 else { throw .value("Max string recursion exceeded") }
        let characters = Array(template)
        var out = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "}" {
                guard index + 1 < characters.count, characters[index + 1] == "}" else {
                    throw .value("Single '}' encountered in format string")
                }
                out += "}"
                index += 2
                continue
            }
            guard character == "{" else {
                out.append(character)
                index += 1
                continue
            }
            if index + 1 < characters.count, characters[index + 1] == "{" {
                out += "{"
                index += 2
                continue
            }
            let (field, end) = try Self.fieldText(characters, from: index + 1)
            out += try replacement(for: field, depth: depth)
            index = end + 1
        }
        return out
    }

    /// The text between `{` at `start - 1` and its matching `}`, and the index of that `}`.
    private static func fieldText(_ characters: [Character], from start: Int) throws(TemplateError) -> (String, Int) {
        var depth = 1
        var index = start
        var inBrackets = false
        while index < characters.count {
            let character = characters[index]
            if character == "[" { inBrackets = true }
            if character == "]" { inBrackets = false }
            if !inBrackets {
                if character == "{" { depth += 1 }
                if character == "}" {
                    depth -= 1
                    if depth == 0 { return (String(characters[start..<index]), index) }
                }
            }
            index += 1
        }
        throw .value("expected '}' before end of string")
    }

    private mutating func replacement(for field: String, depth: Int) throws(TemplateError) -> String {
        var name = field
        var spec = ""
        var conversion: Character?
        if let colon = Self.topLevelIndex(of: ":", in: name) {
            spec = String(name[name.index(after: colon)...])
            name = String(name[..<colon])
        }
        if let bang = Self.topLevelIndex(of: "!", in: name) {
            let rest = name[name.index(after: bang)...]
            guard rest.count == 1, let letter = rest.first, "rsa".contains(letter) else {
                throw .value("unknown conversion specifier \(rest)")
            }
            conversion = letter
            name = String(name[..<bang])
        }
        var value = try resolve(name)
        switch conversion {
        case "r", "a": value = .string(value.pythonRepr())
        case "s": value = .string(try value.pythonString())
        default: break
        }
        let resolvedSpec = try format(spec, depth: depth + 1)
        return try FormatSpec(resolvedSpec).format(value)
    }

    private static func topLevelIndex(of target: Character, in text: String) -> String.Index? {
        var inBrackets = false
        for index in text.indices {
            let character = text[index]
            if character == "[" { inBrackets = true }
            if character == "]" { inBrackets = false }
            if character == target, !inBrackets { return index }
        }
        return nil
    }

    /// The argument a field name refers to, with its `.attr` and `[key]` accessors applied.
    private mutating func resolve(_ name: String) throws(TemplateError) -> Value {
        let head = name.prefix { $0 != "." && $0 != "[" }
        var rest = name.dropFirst(head.count)
        var value: Value
        if head.isEmpty {
            guard numbering != .manual else {
                throw .value("cannot switch from manual field specification to automatic field numbering")
            }
            numbering = .automatic
            value = try positional(nextAutomatic)
            nextAutomatic += 1
        } else if let number = Int(head) {
            guard numbering != .automatic else {
                throw .value("cannot switch from automatic field numbering to manual field specification")
            }
            numbering = .manual
            value = try positional(number)
        } else {
            guard let keyword = arguments.keyword[String(head)] else { throw TemplateError(.lookup, "'\(head)'") }
            value = keyword
        }
        while let first = rest.first {
            rest = rest.dropFirst()
            if first == "." {
                let attribute = rest.prefix { $0 != "." && $0 != "[" }
                rest = rest.dropFirst(attribute.count)
                value = site.runtime.attribute(of: value, String(attribute), at: site.span)
            } else {
                guard let close = rest.firstIndex(of: "]") else { throw .value("Missing ']' in format string") }
                let key = String(rest[..<close])
                rest = rest[rest.index(after: close)...]
                value = site.runtime.item(of: value, Int(key).map(Value.int) ?? .string(key), at: site.span)
            }
            try value.requireDefined()
        }
        return value
    }

    private func positional(_ index: Int) throws(TemplateError) -> Value {
        guard index < arguments.positional.count else {
            throw TemplateError(.lookup, "Replacement index \(index) out of range for positional args tuple")
        }
        return arguments.positional[index]
    }
}
