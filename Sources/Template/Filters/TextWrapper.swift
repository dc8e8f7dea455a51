/// Python's `textwrap.wrap` with the options Jinja2's `wordwrap` filter uses
/// (`expand_tabs=False`, `replace_whitespace=False`, `drop_whitespace=True`, no indents).
struct TextWrapper {
    var width: Int
    var breakLongWords = true
    var breakOnHyphens = true

    /// CPython 3.11's `TextWrapper.wordsep_re`, in one line.
    private static let wordSeparators =
        #"([\t\n\x0b\x0c\r ]+|(?<=[\w!"'&.,?])-{2,}(?=\w)|[^\t\n\x0b\x0c\r ]+?(?:-(?:(?<=[^\d\W]{2}-)|(?<=[^\d\W]-[^\d\W]-))(?=[^\d\W]-?[^\d\W])|(?=[\t\n\x0b\x0c\r ]|\Z)|(?<=[\w!"'&.,?])(?=-{2,}\w)))"#
    private static let simpleSeparators = #"([\t\n\x0b\x0c\r ]+)"#

    /// The lines `textwrap.wrap(text)` returns.
    func wrap(_ text: String) throws(TemplateError) -> [String] {
        guard width > 0 else { throw .value("invalid width \(width) (must be > 0)") }
        return wrapChunks(try chunks(of: text).reversed())
    }

    /// `TextWrapper._split`: words, whitespace runs and hyphenated pieces, in order.
    private func chunks(of text: String) throws(TemplateError) -> [[Unicode.Scalar]] {
        let regex = try PythonRegex.compile(breakOnHyphens ? Self.wordSeparators : Self.simpleSeparators)
        var pieces: [String] = []
        var position = text.startIndex
        for match in regex.matches(in: text) {
            guard let range = match.range(0) else { continue }
            pieces.append(String(text[position..<range.lowerBound]))
            pieces.append(String(text[range]))
            position = range.upperBound
        }
        pieces.append(String(text[position...]))
        return pieces.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) }
    }

    private static func isBlank(_ chunk: [Unicode.Scalar]) -> Bool {
        chunk.allSatisfy(PythonText.isWhitespace)
    }

    /// `TextWrapper._wrap_chunks`, with `chunks` reversed so the next chunk is the last.
    private func wrapChunks(_ reversedChunks: [[Unicode.Scalar]]) -> [String] {
        var chunks = reversedChunks
        var lines: [String] = []
        while !chunks.isEmpty {
            var line: [[Unicode.Scalar]] = []
            var length = 0
            if let last = chunks.last, Self.isBlank(last), !lines.isEmpty { chunks.removeLast() }
            while let last = chunks.last, length + last.count <= width {
                line.append(last)
                length += last.count
                chunks.removeLast()
            }
            if let last = chunks.last, last.count > width {
                handleLongWord(&chunks, &line, length: length)
            }
            if let last = line.last, Self.isBlank(last) { line.removeLast() }
            if !line.isEmpty { lines.append(String(scalars: line.joined())) }
        }
        return lines
    }

    /// `TextWrapper._handle_long_word`.
    private func handleLongWord(_ chunks: inout [[Unicode.Scalar]], _ line: inout [[Unicode.Scalar]], length: Int) {
        guard let chunk = chunks.last else { return }
        let spaceLeft = width < 1 ? 1 : width - length
        guard breakLongWords else {
            if line.isEmpty { line.append(chunks.removeLast()) }
            return
        }
        var end = spaceLeft
        if breakOnHyphens, chunk.count > spaceLeft,
            let hyphen = chunk[0..<min(spaceLeft, chunk.count)].lastIndex(of: "-"), hyphen > 0,
            chunk[..<hyphen].contains(where: { $0 != "-" })
        {
            end = hyphen + 1
        }
        end = min(max(end, 0), chunk.count)
        line.append(Array(chunk[..<end]))
        chunks[chunks.count - 1] = Array(chunk[end...])
    }
}
