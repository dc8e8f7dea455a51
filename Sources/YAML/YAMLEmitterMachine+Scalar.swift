extension YAMLEmitterMachine {
    /// PyYAML's `process_tag` for scalars: the tag is left out whenever the chosen style reads
    /// back as the same type, which for plain data is always.
    mutating func processTag() {
        guard case .scalar(let text, let tag, let plainImplicit) = event else { return }
        let chosen = style ?? chooseScalarStyle(text, plainImplicit: plainImplicit)
        style = chosen
        let isString = tag == "str"
        if (chosen == .plain && plainImplicit) || (chosen != .plain && isString) { return }
        writeIndicator("!!" + tag, needWhitespace: true)
    }

    /// PyYAML's `choose_scalar_style` with no requested style.
    func chooseScalarStyle(_ text: [Unicode.Scalar], plainImplicit: Bool) -> ScalarStyle {
        let analysis = self.analysis ?? YAMLScalarAnalysis(text, allowUnicode: allowUnicode)
        if plainImplicit,
            !(simpleKeyContext && (analysis.empty || analysis.multiline)),
            (flowLevel > 0 && analysis.allowFlowPlain) || (flowLevel == 0 && analysis.allowBlockPlain)
        {
            return .plain
        }
        if analysis.allowSingleQuoted && !(simpleKeyContext && analysis.multiline) {
            return .singleQuoted
        }
        return .doubleQuoted
    }

    /// PyYAML's `process_scalar`.
    mutating func processScalar() {
        guard case .scalar(let text, _, let plainImplicit) = event else { return }
        if analysis == nil { analysis = YAMLScalarAnalysis(text, allowUnicode: allowUnicode) }
        let chosen = style ?? chooseScalarStyle(text, plainImplicit: plainImplicit)
        let split = !simpleKeyContext
        switch chosen {
        case .doubleQuoted: writeDoubleQuoted(text, split: split)
        case .singleQuoted: writeSingleQuoted(text, split: split)
        case .plain: writePlain(text, split: split)
        }
        analysis = nil
        style = nil
    }

    private mutating func writeBreaks(_ breaks: ArraySlice<Unicode.Scalar>) {
        for character in breaks {
            writeLineBreak(character)
        }
    }

    /// PyYAML's `write_plain`: words separated by single spaces may wrap at `width`.
    mutating func writePlain(_ text: [Unicode.Scalar], split: Bool) {
        if rootContext { openEnded = true }
        if text.isEmpty { return }
        if !whitespace { write([" "]) }
        whitespace = false
        indention = false
        var spaces = false
        var breaks = false
        var start = 0
        var end = 0
        while end <= text.count {
            let character: Unicode.Scalar? = end < text.count ? text[end] : nil
            if spaces {
                if character != " " {
                    if start + 1 == end && column > bestWidth && split {
                        writeIndent()
                        whitespace = false
                        indention = false
                    } else {
                        write(text[start..<end])
                    }
                    start = end
                }
            } else if breaks {
                if character.map(YAMLScalarAnalysis.isBreak) != true {
                    if text[start] == "\n" { writeLineBreak() }
                    writeBreaks(text[start..<end])
                    writeIndent()
                    whitespace = false
                    indention = false
                    start = end
                }
            } else if character.map({ $0 == " " || YAMLScalarAnalysis.isBreak($0) }) ?? true {
                write(text[start..<end])
                start = end
            }
            if let character {
                spaces = character == " "
                breaks = YAMLScalarAnalysis.isBreak(character)
            }
            end += 1
        }
    }

    /// PyYAML's `write_single_quoted`: `'` doubled, single spaces may wrap, line breaks written
    /// twice (a folded line break reads back as one).
    mutating func writeSingleQuoted(_ text: [Unicode.Scalar], split: Bool) {
        writeIndicator("'", needWhitespace: true)
        var spaces = false
        var breaks = false
        var start = 0
        var end = 0
        while end <= text.count {
            let character: Unicode.Scalar? = end < text.count ? text[end] : nil
            if spaces {
                if character != " " {
                    if start + 1 == end && column > bestWidth && split && start != 0 && end != text.count {
                        writeIndent()
                    } else {
                        write(text[start..<end])
                    }
                    start = end
                }
            } else if breaks {
                if character.map(YAMLScalarAnalysis.isBreak) != true {
                    if text[start] == "\n" { writeLineBreak() }
                    writeBreaks(text[start..<end])
                    writeIndent()
                    start = end
                }
            } else if character.map({ $0 == " " || $0 == "'" || YAMLScalarAnalysis.isBreak($0) }) ?? true {
                if start < end {
                    write(text[start..<end])
                    start = end
                }
            }
            if character == "'" {
                write(["'", "'"])
                start = end + 1
            }
            if let character {
                spaces = character == " "
                breaks = YAMLScalarAnalysis.isBreak(character)
            }
            end += 1
        }
        writeIndicator("'", needWhitespace: false)
    }

    private static let escapes: [Unicode.Scalar: String] = [
        "\0": "0", "\u{07}": "a", "\u{08}": "b", "\u{09}": "t", "\u{0A}": "n", "\u{0B}": "v",
        "\u{0C}": "f", "\u{0D}": "r", "\u{1B}": "e", "\"": "\"", "\\": "\\", "\u{85}": "N",
        "\u{A0}": "_", "\u{2028}": "L", "\u{2029}": "P",
    ]

    private func needsEscape(_ character: Unicode.Scalar) -> Bool {
        let value = character.value
        if "\"\\\u{85}\u{2028}\u{2029}\u{FEFF}".unicodeScalars.contains(character) { return true }
        if (0x20...0x7E).contains(value) { return false }
        return !(allowUnicode && ((0xA0...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value)))
    }

    private static func escape(_ character: Unicode.Scalar) -> String {
        if let short = escapes[character] { return "\\" + short }
        let hex = String(character.value, radix: 16, uppercase: true)
        if character.value <= 0xFF { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
        if character.value <= 0xFFFF { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
        return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// PyYAML's `write_double_quoted`: escapes, and long lines broken with a trailing `\`.
    mutating func writeDoubleQuoted(_ text: [Unicode.Scalar], split: Bool) {
        writeIndicator("\"", needWhitespace: true)
        var start = 0
        var end = 0
        while end <= text.count {
            let character: Unicode.Scalar? = end < text.count ? text[end] : nil
            if character.map(needsEscape) ?? true {
                if start < end {
                    write(text[start..<end])
                    start = end
                }
                if let character {
                    write(Array(Self.escape(character).unicodeScalars)[...])
                    start = end + 1
                }
            }
            if 0 < end && end < text.count - 1 && (character == " " || start >= end)
                && column + (end - start) > bestWidth && split
            {
                var data = Array(text[start..<max(start, end)])
                data.append("\\")
                if start < end { start = end }
                write(data[...])
                writeIndent()
                whitespace = false
                indention = false
                if text[start] == " " { write(["\\"]) }
            }
            end += 1
        }
        writeIndicator("\"", needWhitespace: false)
    }
}
