import Diagnostics

/// Turns libyaml's character indices into the positions and spans diagnostics show.
///
/// libyaml counts characters (Unicode scalars) from the start of its input; `SourcePosition`
/// counts lines by `\n` and columns in scalars, so the locator keeps the scalars of the file and
/// the scalar index at which each line starts.
struct YAMLSourceLocator {
    let file: SourceFile
    let scalars: [Unicode.Scalar]
    /// Scalar index at which each line starts; `lineStarts[0] == 0`.
    let lineStarts: [Int]

    init(file: SourceFile) {
        self.file = file
        let scalars = Array(file.text.unicodeScalars)
        var starts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" {
            starts.append(index + 1)
        }
        self.scalars = scalars
        self.lineStarts = starts
    }

    /// The 1-based position of a scalar index, clamped into the file.
    func position(_ index: Int) -> SourcePosition {
        let clamped = max(0, min(index, scalars.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        return SourcePosition(line: low + 1, column: clamped - lineStarts[low] + 1)
    }

    /// A span between two scalar indices.
    func span(_ start: Int, _ end: Int) -> SourceSpan {
        SourceSpan(path: file.path, start: position(start), end: position(max(start, end)))
    }

    /// A span of one character at a UTF-8 offset (libyaml reports decoding errors that way).
    func span(byteOffset: Int) -> SourceSpan {
        let start = file.position(ofOffset: byteOffset)
        let end = SourcePosition(line: start.line, column: start.column + 1)
        return SourceSpan(path: file.path, start: start, end: end)
    }

    /// Moves `end` back over trailing spaces and line breaks, never before `start`.
    func trimmedEnd(start: Int, end: Int) -> Int {
        var end = min(end, scalars.count)
        while end > start, Self.isWhitespace(scalars[end - 1]) { end -= 1 }
        return max(start, end)
    }

    /// The scalar index at which a scalar's content starts: after its anchor, tag and opening
    /// quote, or at the first content column of a block scalar.
    func contentStart(of scalar: YAMLEventScalar, start: Int, end: Int) -> SourcePosition {
        var index = skipProperties(from: start, limit: end)
        switch scalar.style {
        case .plain:
            return position(index)
        case .singleQuoted, .doubleQuoted:
            return position(min(index + 1, end))
        case .literal, .folded:
            while index < end, scalars[index] != "\n" { index += 1 }
            return blockContentStart(lineStart: index + 1, end: end, text: scalar.text)
        }
    }

    /// Skips `&anchor`, `!tag`, blanks and comments in front of a node's value.
    private func skipProperties(from start: Int, limit: Int) -> Int {
        var index = start
        while index < limit {
            let scalar = scalars[index]
            if scalar == "&" || scalar == "!" {
                while index < limit, !Self.isWhitespace(scalars[index]) { index += 1 }
            } else if Self.isWhitespace(scalar) {
                index += 1
            } else if scalar == "#", index > start, Self.isWhitespace(scalars[index - 1]) {
                while index < limit, scalars[index] != "\n" { index += 1 }
            } else {
                break
            }
        }
        return index
    }

    /// The first content column of a block scalar whose first line starts at `lineStart`.
    ///
    /// The indentation is found from the first line with text: its first non-space column,
    /// less the spaces that the scalar's text keeps at the start of its first non-empty line.
    private func blockContentStart(lineStart: Int, end: Int, text: String) -> SourcePosition {
        guard lineStart <= end else { return position(end) }
        var index = lineStart
        var column = 0
        while index < end {
            let scalar = scalars[index]
            if scalar == " " {
                column += 1
            } else if scalar == "\n" || scalar == "\r" {
                column = 0
            } else {
                break
            }
            index += 1
        }
        let first = position(lineStart)
        guard index < end else { return first }
        let firstLine = text.split(separator: "\n", omittingEmptySubsequences: true).first
        let keptSpaces = firstLine?.prefix { $0 == " " }.count ?? 0
        return SourcePosition(line: first.line, column: 1 + max(0, column - keptSpaces))
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }
}
