/// The text of one input file, with the line index needed to turn offsets into positions.
///
/// Offsets are UTF-8 byte offsets into `text`; positions shown to users are 1-based lines and
/// 1-based columns counted in Unicode scalars, so a column means the same thing in every editor.
package struct SourceFile: Sendable, Hashable {
    /// The path as the user gave it or as it was found; used verbatim in diagnostics.
    package let path: String
    /// The whole text of the file.
    package let text: String
    /// UTF-8 offset at which each line starts; `lineStarts[0] == 0`.
    package let lineStarts: [Int]

    package init(path: String, text: String) {
        self.path = path
        self.text = text
        var starts = [0]
        var offset = 0
        for byte in text.utf8 {
            offset += 1
            if byte == UInt8(ascii: "\n") { starts.append(offset) }
        }
        self.lineStarts = starts
    }

    /// The 1-based line and scalar column of a UTF-8 offset, clamped into the file.
    package func position(ofOffset offset: Int) -> SourcePosition {
        let utf8 = text.utf8
        let clamped = max(0, min(offset, utf8.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts[low]
        let startIndex = utf8.index(utf8.startIndex, offsetBy: lineStart)
        let endIndex = utf8.index(utf8.startIndex, offsetBy: clamped)
        let column = text.unicodeScalars[startIndex..<endIndex].count + 1
        return SourcePosition(line: low + 1, column: column)
    }

    /// The text of a 1-based line without its line break, or nil when out of range.
    package func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        let endOffset = number < lineStarts.count ? lineStarts[number] - 1 : utf8.count
        let end = utf8.index(utf8.startIndex, offsetBy: max(endOffset, lineStarts[number - 1]))
        var line = text[start..<end]
        if line.hasSuffix("\r") { line = line.dropLast() }
        return line
    }
}

/// A 1-based line and column (columns count Unicode scalars).
package struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var line: Int
    package var column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    package static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    package var description: String { "\(line):\(column)" }
}

/// A range in a file: a path and the positions where the range starts and ends (end exclusive).
package struct SourceSpan: Sendable, Hashable, CustomStringConvertible {
    package var path: String
    package var start: SourcePosition
    package var end: SourcePosition

    package init(path: String, start: SourcePosition, end: SourcePosition) {
        self.path = path
        self.start = start
        self.end = end
    }

    /// `path:line:column` of the start, the form editors and terminals turn into links.
    package var description: String { "\(path):\(start.line):\(start.column)" }
}
