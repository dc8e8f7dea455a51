/// Rewrites a Python `re` pattern into the ICU syntax `NSRegularExpression` understands.
///
/// The differences handled: `(?P<name>…)` and `(?P=name)` (ICU group names cannot contain `_`,
/// so named groups become numbered ones and the names are kept here), `\Z` (ICU's `\z`), `\v`
/// (a class in ICU, a character in Python), `{` that does not start a quantifier (a literal in
/// Python, an error in ICU), `{,n}`, and `[`, `&` and a leading `]` inside a character class
/// (literals in Python, set operators in ICU).
struct PythonRegexTranslator {
    private let source: [Character]
    private var index = 0
    private var output = ""
    private(set) var groupCount = 0
    private(set) var groupNames: [String: Int] = [:]

    init(_ pattern: String) {
        source = Array(pattern)
    }

    /// The ICU pattern, or a Python-worded error for patterns Python rejects too.
    mutating func translate() throws(TemplateError) -> String {
        while index < source.count {
            let character = source[index]
            switch character {
            case "\\": try translateEscape(inClass: false)
            case "[": try translateClass()
            case "(": try translateGroup()
            case "{": translateBrace()
            case "}":
                output += "\\}"
                index += 1
            default:
                output.append(character)
                index += 1
            }
        }
        return output
    }

    private func peek(_ offset: Int = 0) -> Character? {
        index + offset < source.count ? source[index + offset] : nil
    }

    private mutating func translateEscape(inClass: Bool) throws(TemplateError) {
        guard let next = peek(1) else { throw .value("bad escape (end of pattern) at position \(index)") }
        index += 2
        switch next {
        case "Z" where !inClass: output += "\\z"
        case "v": output += "\\x{0B}"
        case "b" where inClass: output += "\\x{08}"
        default:
            output.append("\\")
            output.append(next)
        }
    }

    private mutating func translateClass() throws(TemplateError) {
        output += "["
        index += 1
        if peek() == "^" {
            output += "^"
            index += 1
        }
        var first = true
        while let character = peek() {
            switch character {
            case "\\":
                try translateEscape(inClass: true)
            case "]" where !first:
                output += "]"
                index += 1
                return
            case "[", "]", "&":
                output += "\\"
                output.append(character)
                index += 1
            case "-" where peek(1) == "-":
                output += "\\-"
                index += 1
            default:
                output.append(character)
                index += 1
            }
            first = false
        }
        throw .value("unterminated character set")
    }

    private mutating func translateGroup() throws(TemplateError) {
        guard peek(1) == "?" else {
            groupCount += 1
            output += "("
            index += 1
            return
        }
        guard peek(2) == "P" else {
            if peek(2) == "<", let after = peek(3), after != "=", after != "!" {
                throw .value("unknown extension ?<\(after) at position \(index + 1)")
            }
            output += "(?"
            index += 2
            return
        }
        switch peek(3) {
        case "<":
            index += 4
            let name = try readName(until: ">")
            guard groupNames[name] == nil else { throw .value("redefinition of group name '\(name)'") }
            groupCount += 1
            groupNames[name] = groupCount
            output += "("
        case "=":
            index += 4
            let name = try readName(until: ")")
            guard let number = groupNames[name] else { throw .value("unknown group name '\(name)'") }
            output += "(?:\\\(number))"
        default:
            throw .value("unknown extension ?P at position \(index + 1)")
        }
    }

    private mutating func readName(until terminator: Character) throws(TemplateError) -> String {
        var name = ""
        while let character = peek(), character != terminator {
            name.append(character)
            index += 1
        }
        guard peek() == terminator else { throw .value("missing \(terminator), unterminated name") }
        index += 1
        let valid = name.first.map { !$0.isNumber } ?? false
            && name.unicodeScalars.allSatisfy { $0 == "_" || PythonText.isAlphanumeric($0) }
        guard valid else { throw .value("bad character in group name '\(name)'") }
        return name
    }

    /// `{m,n}` is a quantifier only when it is complete; otherwise Python reads `{` literally.
    private mutating func translateBrace() {
        var cursor = index + 1
        var low = ""
        var high = ""
        while cursor < source.count, source[cursor].isASCII, source[cursor].isNumber {
            low.append(source[cursor])
            cursor += 1
        }
        var hasComma = false
        if cursor < source.count, source[cursor] == "," {
            hasComma = true
            cursor += 1
            while cursor < source.count, source[cursor].isASCII, source[cursor].isNumber {
                high.append(source[cursor])
                cursor += 1
            }
        }
        let closes = cursor < source.count && source[cursor] == "}"
        guard closes, !(low.isEmpty && !hasComma) else {
            output += "\\{"
            index += 1
            return
        }
        let minimum = low.isEmpty ? "0" : low
        output += hasComma ? "{\(minimum),\(high)}" : "{\(minimum)}"
        index = cursor + 1
    }
}
