/// Splits a template into tokens, applying Jinja2's whitespace control on the original offsets.
///
/// Mirrors `jinja2/lexer.py`: data, `{{ … }}`, `{% … %}`, `{# … #}` and `{% raw %}`; `-` and `+`
/// markers; `trim_blocks` and `lstrip_blocks`; inside tags, an end delimiter only counts when
/// every bracket is closed. The final newline is dropped unless `keepTrailingNewline`.
struct Lexer {
    let bytes: [UInt8]
    let options: TemplateOptions
    let limit: Int
    var pos = 0
    var tokens: [Token] = []
    /// Whether the lexer is inside `{{ … }}`, where `escapeBackslashes` applies.
    var insideVariable = false
    private let blockStart: [UInt8]
    private let blockEnd: [UInt8]
    private let variableStart: [UInt8]
    private let variableEnd: [UInt8]
    private let commentStart: [UInt8]
    private let commentEnd: [UInt8]

    init(source: String, options: TemplateOptions) {
        bytes = Array(source.utf8)
        self.options = options
        var end = bytes.count
        if !options.keepTrailingNewline, end > 0 {
            if bytes[end - 1] == 0x0A {
                end -= 1
                if end > 0, bytes[end - 1] == 0x0D { end -= 1 }
            } else if bytes[end - 1] == 0x0D {
                end -= 1
            }
        }
        limit = end
        blockStart = Array(options.blockStart.utf8)
        blockEnd = Array(options.blockEnd.utf8)
        variableStart = Array(options.variableStart.utf8)
        variableEnd = Array(options.variableEnd.utf8)
        commentStart = Array(options.commentStart.utf8)
        commentEnd = Array(options.commentEnd.utf8)
    }

    static func tokenize(_ source: String, options: TemplateOptions) throws(TemplateError) -> [Token] {
        var lexer = Lexer(source: source, options: options)
        try lexer.run()
        return lexer.tokens
    }

    private enum TagKind { case variable, block, comment }

    private mutating func run() throws(TemplateError) {
        var lineStarting = true
        while pos < limit {
            guard let (tagStart, kind) = nextTag(from: pos) else {
                emitData(from: pos, to: limit)
                pos = limit
                break
            }
            let delimiter = startDelimiter(kind)
            let marker = tagStart + delimiter.count < limit ? bytes[tagStart + delimiter.count] : 0
            var dataEnd = tagStart
            if marker == UInt8(ascii: "-") {
                while dataEnd > pos, isWhitespace(bytes[dataEnd - 1]) { dataEnd -= 1 }
            } else if marker != UInt8(ascii: "+"), options.lstripBlocks, kind != .variable {
                dataEnd = lstrippedEnd(dataStart: pos, tagStart: tagStart, lineStarting: lineStarting)
            }
            emitData(from: pos, to: dataEnd)
            var bodyStart = tagStart + delimiter.count
            if marker == UInt8(ascii: "-") || marker == UInt8(ascii: "+") { bodyStart += 1 }
            switch kind {
            case .comment:
                try lexComment(tagStart: tagStart, bodyStart: bodyStart)
            case .variable:
                tokens.append(Token(kind: .variableBegin, start: tagStart, end: bodyStart))
                try lexInside(bodyStart: bodyStart, end: variableEnd, endKind: .variableEnd, allowsPlus: false)
            case .block:
                if let rawEnd = rawBlockBodyStart(bodyStart) {
                    try lexRaw(tagStart: tagStart, contentStart: rawEnd)
                } else {
                    tokens.append(Token(kind: .blockBegin, start: tagStart, end: bodyStart))
                    try lexInside(bodyStart: bodyStart, end: blockEnd, endKind: .blockEnd, allowsPlus: true)
                }
            }
            lineStarting = pos > 0 && (bytes[pos - 1] == 0x0A || bytes[pos - 1] == 0x0D)
        }
        tokens.append(Token(kind: .endOfInput, start: limit, end: limit))
    }

    // MARK: data and whitespace control

    private func nextTag(from start: Int) -> (Int, TagKind)? {
        var index = start
        while index < limit {
            let byte = bytes[index]
            if byte == blockStart[0] || byte == variableStart[0] || byte == commentStart[0] {
                if matches(commentStart, at: index) { return (index, .comment) }
                if matches(blockStart, at: index) { return (index, .block) }
                if matches(variableStart, at: index) { return (index, .variable) }
            }
            index += 1
        }
        return nil
    }

    private func startDelimiter(_ kind: TagKind) -> [UInt8] {
        switch kind {
        case .variable: variableStart
        case .block: blockStart
        case .comment: commentStart
        }
    }

    private func matches(_ needle: [UInt8], at index: Int) -> Bool {
        guard index + needle.count <= limit else { return false }
        for offset in 0..<needle.count where bytes[index + offset] != needle[offset] { return false }
        return true
    }

    /// `lstrip_blocks`: spaces and tabs between the start of a line and a block tag are removed.
    private func lstrippedEnd(dataStart: Int, tagStart: Int, lineStarting: Bool) -> Int {
        var lineStart = tagStart
        while lineStart > dataStart, bytes[lineStart - 1] != 0x0A, bytes[lineStart - 1] != 0x0D { lineStart -= 1 }
        guard lineStart > dataStart || lineStarting else { return tagStart }
        for index in lineStart..<tagStart where bytes[index] != 0x20 && bytes[index] != 0x09 {
            return tagStart
        }
        return lineStart
    }

    private mutating func emitData(from start: Int, to end: Int) {
        guard end > start else { return }
        var text = String(decoding: bytes[start..<end], as: UTF8.self)
        if bytes[start..<end].contains(0x0D) {
            text = text.replacingNewlines(with: options.newlineSequence)
        } else if options.newlineSequence != "\n", text.utf8.contains(0x0A) {
            text = text.replacingNewlines(with: options.newlineSequence)
        }
        tokens.append(Token(kind: .data(text), start: start, end: end))
    }

    /// After a block or comment end: `-` strips all whitespace, `+` nothing, else `trim_blocks`.
    private mutating func skipAfterTag(marker: UInt8, trims: Bool) {
        if marker == UInt8(ascii: "-") {
            while pos < limit, isWhitespace(bytes[pos]) { pos += 1 }
        } else if marker != UInt8(ascii: "+"), trims, options.trimBlocks, pos < limit {
            if bytes[pos] == 0x0A {
                pos += 1
            } else if bytes[pos] == 0x0D {
                pos += 1
                if pos < limit, bytes[pos] == 0x0A { pos += 1 }
            }
        }
    }

    private mutating func lexComment(tagStart: Int, bodyStart: Int) throws(TemplateError) {
        var index = bodyStart
        while index < limit, !matches(commentEnd, at: index) { index += 1 }
        guard index < limit else {
            throw .syntax("missing end of comment tag", span: nil).at(tagStart)
        }
        let marker = index > bodyStart ? bytes[index - 1] : 0
        pos = index + commentEnd.count
        skipAfterTag(marker: marker, trims: true)
    }

    // MARK: raw blocks

    /// If the block at `bodyStart` is `raw`, the offset just after its closing delimiter.
    private mutating func rawBlockBodyStart(_ bodyStart: Int) -> Int? {
        var index = bodyStart
        while index < limit, isWhitespace(bytes[index]) { index += 1 }
        guard matchesWord("raw", at: index) else { return nil }
        index += 3
        while index < limit, isWhitespace(bytes[index]) { index += 1 }
        var marker: UInt8 = 0
        if index < limit, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            marker = bytes[index]
            index += 1
        }
        guard matches(blockEnd, at: index) else { return nil }
        pos = index + blockEnd.count
        if marker == UInt8(ascii: "-") {
            while pos < limit, isWhitespace(bytes[pos]) { pos += 1 }
        }
        return pos
    }

    private func matchesWord(_ word: String, at index: Int) -> Bool {
        let utf8 = Array(word.utf8)
        guard matches(utf8, at: index) else { return false }
        let after = index + utf8.count
        return after >= limit || !isNameByte(bytes[after])
    }

    private mutating func lexRaw(tagStart: Int, contentStart: Int) throws(TemplateError) {
        var index = contentStart
        while index < limit {
            if matches(blockStart, at: index), let (contentEnd, after, marker) = endRaw(at: index) {
                var end = contentEnd
                if marker == UInt8(ascii: "-") {
                    while end > contentStart, isWhitespace(bytes[end - 1]) { end -= 1 }
                } else if marker != UInt8(ascii: "+"), options.lstripBlocks {
                    end = lstrippedEnd(dataStart: contentStart, tagStart: contentEnd, lineStarting: false)
                }
                emitData(from: contentStart, to: end)
                pos = after
                let endMarker = bytes[after - blockEnd.count - 1]
                skipAfterTag(marker: endMarker, trims: true)
                return
            }
            index += 1
        }
        throw .syntax("missing end of raw directive", span: nil).at(tagStart)
    }

    /// Matches `{%[-+]? endraw [-+]?%}` at `index`: the content end, the offset after, the marker.
    private func endRaw(at index: Int) -> (Int, Int, UInt8)? {
        var cursor = index + blockStart.count
        var marker: UInt8 = 0
        if cursor < limit, bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == UInt8(ascii: "+") {
            marker = bytes[cursor]
            cursor += 1
        }
        while cursor < limit, isWhitespace(bytes[cursor]) { cursor += 1 }
        guard matchesWord("endraw", at: cursor) else { return nil }
        cursor += 6
        while cursor < limit, isWhitespace(bytes[cursor]) { cursor += 1 }
        if cursor < limit, bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == UInt8(ascii: "+") { cursor += 1 }
        guard matches(blockEnd, at: cursor) else { return nil }
        return (index, cursor + blockEnd.count, marker)
    }

    // MARK: inside tags

    private mutating func lexInside(bodyStart: Int, end: [UInt8], endKind: Token.Kind, allowsPlus: Bool) throws(TemplateError) {
        pos = bodyStart
        insideVariable = endKind == .variableEnd
        var brackets: [(UInt8, Int)] = []
        while pos < limit {
            let byte = bytes[pos]
            if isWhitespace(byte) {
                pos += 1
                continue
            }
            if brackets.isEmpty {
                if matches(end, at: pos) {
                    tokens.append(Token(kind: endKind, start: pos, end: pos + end.count))
                    pos += end.count
                    skipAfterTag(marker: 0, trims: endKind == .blockEnd)
                    return
                }
                if byte == UInt8(ascii: "-") || (allowsPlus && byte == UInt8(ascii: "+")), matches(end, at: pos + 1) {
                    tokens.append(Token(kind: endKind, start: pos, end: pos + 1 + end.count))
                    pos += 1 + end.count
                    skipAfterTag(marker: byte, trims: endKind == .blockEnd)
                    return
                }
            }
            try lexExpressionToken(&brackets)
        }
        // Let the parser report what it expected at the end of the input.
    }

    private mutating func lexExpressionToken(_ brackets: inout [(UInt8, Int)]) throws(TemplateError) {
        let start = pos
        let byte = bytes[pos]
        if isNameStart(byte) {
            while pos < limit, isNameByte(bytes[pos]) { pos += 1 }
            let name = String(decoding: bytes[start..<pos], as: UTF8.self)
            tokens.append(Token(kind: .name(name), start: start, end: pos))
        } else if isDigit(byte) {
            try lexNumber()
        } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
            try lexString(quote: byte)
        } else {
            try lexOperator(&brackets)
        }
    }

    private mutating func lexOperator(_ brackets: inout [(UInt8, Int)]) throws(TemplateError) {
        let start = pos
        let byte = bytes[pos]
        let next = pos + 1 < limit ? bytes[pos + 1] : 0
        let two: String? =
            switch (byte, next) {
            case (UInt8(ascii: "/"), UInt8(ascii: "/")): "//"
            case (UInt8(ascii: "*"), UInt8(ascii: "*")): "**"
            case (UInt8(ascii: "="), UInt8(ascii: "=")): "=="
            case (UInt8(ascii: "!"), UInt8(ascii: "=")): "!="
            case (UInt8(ascii: ">"), UInt8(ascii: "=")): ">="
            case (UInt8(ascii: "<"), UInt8(ascii: "=")): "<="
            default: nil
            }
        if let two {
            pos += 2
            tokens.append(Token(kind: .operator(two), start: start, end: pos))
            return
        }
        let singles: [UInt8] = Array("+-/*%~[](){}><=.:|,;".utf8)
        guard singles.contains(byte) else {
            let scalar = String(decoding: bytes[start..<min(start + utf8Length(byte), limit)], as: UTF8.self)
            throw .syntax("unexpected char '\(scalar)'", span: nil).at(start)
        }
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            brackets.append((byte, start))
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            let open: UInt8 = byte == UInt8(ascii: ")") ? UInt8(ascii: "(") : (byte == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "{"))
            guard let last = brackets.last else {
                throw .syntax("unexpected '\(Character(Unicode.Scalar(byte)))'", span: nil).at(start)
            }
            guard last.0 == open else {
                throw .syntax(
                    "unexpected '\(Character(Unicode.Scalar(byte)))', expected '\(closing(last.0))'", span: nil
                ).at(start)
            }
            brackets.removeLast()
        default: break
        }
        pos += 1
        tokens.append(Token(kind: .operator(String(Character(Unicode.Scalar(byte)))), start: start, end: pos))
    }

    private func closing(_ open: UInt8) -> Character {
        open == UInt8(ascii: "(") ? ")" : (open == UInt8(ascii: "[") ? "]" : "}")
    }

    private func utf8Length(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : (lead >= 0xF0 ? 4 : (lead >= 0xE0 ? 3 : 2))
    }
}

// MARK: byte classes

func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C || byte == 0x0B
}

func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

func isNameStart(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || byte >= 0x80
}

func isNameByte(_ byte: UInt8) -> Bool { isNameStart(byte) || isDigit(byte) }

extension TemplateError {
    /// Marks the error with a UTF-8 offset; the template resolves it to a position later.
    func at(_ offset: Int) -> TemplateError {
        var copy = self
        copy.offset = offset
        return copy
    }
}

extension String {
    /// `\r\n`, `\r` and `\n` all become `sequence`, as Jinja2's lexer normalises newlines.
    func replacingNewlines(with sequence: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var previousCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                out += sequence
                previousCR = true
                continue
            }
            if scalar == "\n" {
                if !previousCR { out += sequence }
            } else {
                out.unicodeScalars.append(scalar)
            }
            previousCR = false
        }
        return out
    }
}
