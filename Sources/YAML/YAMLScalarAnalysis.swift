/// Which styles can write a scalar's text, worked out as libyaml's `yaml_emitter_analyze_scalar`
/// does (libyaml's `scalar_data`).
///
/// libyaml's character classes are not PyYAML's: a carriage return is a line break, and only
/// characters of the Basic Multilingual Plane from U+00A0 up (without U+FEFF, U+FFFE, U+FFFF)
/// are printable, so U+0085 and every emoji force double quotes, where they are escaped.
struct YAMLScalarAnalysis {
    /// The text's length in UTF-8 bytes, which is what libyaml measures simple keys in.
    var length: Int
    var multiline = false
    var flowPlainAllowed = true
    var blockPlainAllowed = true
    var singleQuotedAllowed = true

    /// libyaml's `IS_BREAK`.
    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\r", "\n", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }

    /// libyaml's `IS_BLANKZ`: space, tab, a line break, or NUL (also what lies past the end).
    static func isBlankOrBreak(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        return scalar == " " || scalar == "\t" || scalar == "\0" || isBreak(scalar)
    }

    /// libyaml's `IS_PRINTABLE`, which reads UTF-8 and so leaves out all 4-byte characters.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x20...0x7E, 0xA0...0xD7FF: true
        case 0xE000...0xFFFD: scalar.value != 0xFEFF
        default: false
        }
    }

    init(_ text: [Unicode.Scalar], unicode: Bool) {
        length = text.reduce(0) { $0 + UTF8.width($1) }
        guard !text.isEmpty else {
            flowPlainAllowed = false
            return
        }
        var flags = Flags()
        if text.starts(with: Array("---".unicodeScalars)) || text.starts(with: Array("...".unicodeScalars)) {
            flags.blockIndicators = true
            flags.flowIndicators = true
        }
        var precededByWhitespace = true
        var followedByWhitespace = Self.isBlankOrBreak(text.count > 1 ? text[1] : nil)
        var previousSpace = false
        var previousBreak = false
        for (index, character) in text.enumerated() {
            flags.noteIndicators(character, first: index == 0, preceded: precededByWhitespace, followed: followedByWhitespace)
            if !Self.isPrintable(character) || (!character.isASCII && !unicode) { flags.specialCharacters = true }
            if Self.isBreak(character) { flags.lineBreaks = true }
            let last = index == text.count - 1
            if character == " " {
                if index == 0 { flags.leadingSpace = true }
                if last { flags.trailingSpace = true }
                if previousBreak { flags.breakSpace = true }
                (previousSpace, previousBreak) = (true, false)
            } else if Self.isBreak(character) {
                if index == 0 { flags.leadingBreak = true }
                if last { flags.trailingBreak = true }
                if previousSpace { flags.spaceBreak = true }
                (previousSpace, previousBreak) = (false, true)
            } else {
                (previousSpace, previousBreak) = (false, false)
            }
            precededByWhitespace = Self.isBlankOrBreak(character)
            followedByWhitespace = Self.isBlankOrBreak(index + 2 < text.count ? text[index + 2] : nil)
        }
        apply(flags)
    }

    private mutating func apply(_ flags: Flags) {
        multiline = flags.lineBreaks
        if flags.leadingSpace || flags.leadingBreak || flags.trailingSpace || flags.trailingBreak {
            flowPlainAllowed = false
            blockPlainAllowed = false
        }
        if flags.breakSpace {
            flowPlainAllowed = false
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if flags.spaceBreak || flags.specialCharacters {
            flowPlainAllowed = false
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if flags.lineBreaks {
            flowPlainAllowed = false
            blockPlainAllowed = false
        }
        if flags.flowIndicators { flowPlainAllowed = false }
        if flags.blockIndicators { blockPlainAllowed = false }
    }

    /// What the scan found, before it is turned into allowed styles. libyaml's `block_allowed`
    /// is left out: literal and folded styles are only used when asked for, and plain data
    /// never asks.
    private struct Flags {
        var blockIndicators = false
        var flowIndicators = false
        var lineBreaks = false
        var specialCharacters = false
        var leadingSpace = false
        var leadingBreak = false
        var trailingSpace = false
        var trailingBreak = false
        var breakSpace = false
        var spaceBreak = false

        mutating func noteIndicators(_ character: Unicode.Scalar, first: Bool, preceded: Bool, followed: Bool) {
            if first {
                if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(character) {
                    flowIndicators = true
                    blockIndicators = true
                }
                if character == "?" || character == ":" {
                    flowIndicators = true
                    if followed { blockIndicators = true }
                }
                if character == "-" && followed {
                    flowIndicators = true
                    blockIndicators = true
                }
            } else {
                if ",?[]{}".unicodeScalars.contains(character) { flowIndicators = true }
                if character == ":" {
                    flowIndicators = true
                    if followed { blockIndicators = true }
                }
                if character == "#" && preceded {
                    flowIndicators = true
                    blockIndicators = true
                }
            }
        }
    }
}
