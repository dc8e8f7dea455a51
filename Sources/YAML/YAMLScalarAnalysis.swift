/// Which styles can write a scalar's text, worked out as PyYAML's `Emitter.analyze_scalar` does.
struct YAMLScalarAnalysis {
    var empty = false
    var multiline = false
    var allowFlowPlain = true
    var allowBlockPlain = true
    var allowSingleQuoted = true
    var allowDoubleQuoted = true
    var allowBlock = true

    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    static func isBlankOrBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\0" || scalar == " " || scalar == "\t" || scalar == "\r" || isBreak(scalar)
    }

    init(_ text: [Unicode.Scalar], allowUnicode: Bool) {
        guard !text.isEmpty else {
            self.empty = true
            self.allowFlowPlain = false
            self.allowBlock = false
            return
        }
        var flags = Flags()
        if text.starts(with: Array("---".unicodeScalars)) || text.starts(with: Array("...".unicodeScalars)) {
            flags.blockIndicators = true
            flags.flowIndicators = true
        }
        var precededByWhitespace = true
        var followedByWhitespace = text.count == 1 || Self.isBlankOrBreak(text[1])
        var previousSpace = false
        var previousBreak = false
        for (index, character) in text.enumerated() {
            flags.noteIndicators(character, first: index == 0, preceded: precededByWhitespace, followed: followedByWhitespace)
            if Self.isBreak(character) { flags.lineBreaks = true }
            if !(character == "\n" || (0x20...0x7E).contains(character.value)) {
                let value = character.value
                let printable = value == 0x85 || (0xA0...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value)
                    || (0x10000..<0x10FFFF).contains(value)
                if printable && value != 0xFEFF {
                    if !allowUnicode { flags.specialCharacters = true }
                } else {
                    flags.specialCharacters = true
                }
            }
            if character == " " {
                if index == 0 { flags.leadingSpace = true }
                if index == text.count - 1 { flags.trailingSpace = true }
                if previousBreak { flags.breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if Self.isBreak(character) {
                if index == 0 { flags.leadingBreak = true }
                if index == text.count - 1 { flags.trailingBreak = true }
                if previousSpace { flags.spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = Self.isBlankOrBreak(character)
            followedByWhitespace = index + 2 >= text.count || Self.isBlankOrBreak(text[index + 2])
        }
        apply(flags)
    }

    private mutating func apply(_ flags: Flags) {
        if flags.leadingSpace || flags.leadingBreak || flags.trailingSpace || flags.trailingBreak {
            allowFlowPlain = false
            allowBlockPlain = false
        }
        if flags.trailingSpace { allowBlock = false }
        if flags.breakSpace {
            allowFlowPlain = false
            allowBlockPlain = false
            allowSingleQuoted = false
        }
        if flags.spaceBreak || flags.specialCharacters {
            allowFlowPlain = false
            allowBlockPlain = false
            allowSingleQuoted = false
            allowBlock = false
        }
        if flags.lineBreaks {
            allowFlowPlain = false
            allowBlockPlain = false
        }
        if flags.flowIndicators { allowFlowPlain = false }
        if flags.blockIndicators { allowBlockPlain = false }
        multiline = flags.lineBreaks
    }

    /// What the scan found, before it is turned into allowed styles.
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
