extension YAMLEmitterMachine {
    enum ScalarStyle {
        case plain, singleQuoted, doubleQuoted
    }

    /// `yaml_emitter_emit_scalar`.
    mutating func emitScalar(_ text: [Unicode.Scalar], plainImplicit: Bool, quotedImplicit: Bool) {
        let analysis = self.analysis ?? YAMLScalarAnalysis(text, unicode: unicode)
        let style = selectScalarStyle(analysis, plainImplicit: plainImplicit)
        // `process_tag`: a quoted scalar that would not read back as its own type gets the
        // non-specific tag. Plain data never needs it (its non-strings always stay plain).
        if !quotedImplicit && style != .plain { writeTagHandle("!") }
        increaseIndent(flow: true)
        let allowBreaks = context != .simpleKey
        switch style {
        case .plain: writePlainScalar(text, allowBreaks: allowBreaks)
        case .singleQuoted: writeSingleQuotedScalar(text, allowBreaks: allowBreaks)
        case .doubleQuoted: writeDoubleQuotedScalar(text, allowBreaks: allowBreaks)
        }
        popIndent()
        popState()
    }

    /// `yaml_emitter_select_scalar_style` with no requested style and no explicit tag.
    func selectScalarStyle(_ analysis: YAMLScalarAnalysis, plainImplicit: Bool) -> ScalarStyle {
        if context == .simpleKey && analysis.multiline { return .doubleQuoted }
        let plainAllowed = flowLevel > 0 ? analysis.flowPlainAllowed : analysis.blockPlainAllowed
        let emptyWhereNotAllowed = analysis.length == 0 && (flowLevel > 0 || context == .simpleKey)
        if plainAllowed && !emptyWhereNotAllowed && plainImplicit { return .plain }
        return analysis.singleQuotedAllowed ? .singleQuoted : .doubleQuoted
    }

    /// `yaml_emitter_write_plain_scalar`: single spaces may wrap past the width.
    mutating func writePlainScalar(_ text: [Unicode.Scalar], allowBreaks: Bool) {
        var spaces = false
        var breaks = false
        if !whitespace && (!text.isEmpty || flowLevel > 0) { put(" ") }
        for (index, character) in text.enumerated() {
            if character == " " {
                if allowBreaks && !spaces && column > bestWidth && !Self.isSpace(text, at: index + 1) {
                    writeIndent()
                } else {
                    put(character)
                }
                spaces = true
            } else if YAMLScalarAnalysis.isBreak(character) {
                if !breaks && character == "\n" { putBreak() }
                writeBreak(character)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                put(character)
                indention = false
                spaces = false
                breaks = false
            }
        }
        whitespace = false
        indention = false
    }

    /// `yaml_emitter_write_single_quoted_scalar`: `'` doubled, single inner spaces may wrap,
    /// line breaks written twice (a folded line break reads back as one).
    mutating func writeSingleQuotedScalar(_ text: [Unicode.Scalar], allowBreaks: Bool) {
        var spaces = false
        var breaks = false
        writeIndicator("'", needWhitespace: true)
        for (index, character) in text.enumerated() {
            if character == " " {
                let inner = index != 0 && index != text.count - 1
                if allowBreaks && !spaces && column > bestWidth && inner && !Self.isSpace(text, at: index + 1) {
                    writeIndent()
                } else {
                    put(character)
                }
                spaces = true
            } else if YAMLScalarAnalysis.isBreak(character) {
                if !breaks && character == "\n" { putBreak() }
                writeBreak(character)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                if character == "'" { put("'") }
                put(character)
                indention = false
                spaces = false
                breaks = false
            }
        }
        if breaks { writeIndent() }
        writeIndicator("'", needWhitespace: false)
        whitespace = false
        indention = false
    }

    /// `yaml_emitter_write_double_quoted_scalar`: escapes, and long lines folded at a single
    /// inner space; a space that would start the next line is written as `\ `.
    mutating func writeDoubleQuotedScalar(_ text: [Unicode.Scalar], allowBreaks: Bool) {
        var spaces = false
        writeIndicator("\"", needWhitespace: true)
        for (index, character) in text.enumerated() {
            if needsEscape(character) {
                for escaped in Self.escape(character).unicodeScalars { put(escaped) }
                spaces = false
            } else if character == " " {
                let inner = index != 0 && index != text.count - 1
                if allowBreaks && !spaces && column > bestWidth && inner {
                    writeIndent()
                    if Self.isSpace(text, at: index + 1) { put("\\") }
                } else {
                    put(character)
                }
                spaces = true
            } else {
                put(character)
                spaces = false
            }
        }
        writeIndicator("\"", needWhitespace: false)
        whitespace = false
        indention = false
    }

    private static func isSpace(_ text: [Unicode.Scalar], at index: Int) -> Bool {
        index < text.count && text[index] == " "
    }

    private func needsEscape(_ character: Unicode.Scalar) -> Bool {
        !YAMLScalarAnalysis.isPrintable(character) || (!unicode && !character.isASCII)
            || character == "\u{FEFF}" || YAMLScalarAnalysis.isBreak(character)
            || character == "\"" || character == "\\"
    }

    private static let escapes: [Unicode.Scalar: String] = [
        "\0": "0", "\u{07}": "a", "\u{08}": "b", "\u{09}": "t", "\u{0A}": "n", "\u{0B}": "v",
        "\u{0C}": "f", "\u{0D}": "r", "\u{1B}": "e", "\"": "\"", "\\": "\\", "\u{85}": "N",
        "\u{A0}": "_", "\u{2028}": "L", "\u{2029}": "P",
    ]

    private static func escape(_ character: Unicode.Scalar) -> String {
        if let short = escapes[character] { return "\\" + short }
        let hex = String(character.value, radix: 16, uppercase: true)
        if character.value <= 0xFF { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
        if character.value <= 0xFFFF { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
        return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
