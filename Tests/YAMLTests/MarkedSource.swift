import YAML

/// Test source with position markers (`1️⃣`, `2️⃣`, ...) written where a location is expected,
/// so tests never hand-count columns.
struct MarkedSource {
    static let markers: [Character] = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    /// The text without its markers.
    let text: String
    /// Marker number (1-based) → 1-based line and scalar column of the character after it.
    let positions: [Int: (line: Int, column: Int)]

    init(_ marked: String) {
        var text = ""
        var positions: [Int: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        for character in marked {
            if let marker = Self.markers.firstIndex(of: character) {
                positions[marker + 1] = (line, column)
                continue
            }
            text.append(character)
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        self.text = text
        self.positions = positions
    }

    /// "line:column" of marker `number`, to compare with a `SourcePosition`'s description.
    func at(_ number: Int) -> String {
        guard let position = positions[number] else { return "no marker \(number)" }
        return "\(position.line):\(position.column)"
    }
}
