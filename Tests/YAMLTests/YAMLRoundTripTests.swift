import Testing
import YAML

/// Property: whatever value rig builds, emitting it and loading the text gives the value back.
@Suite("emit then load")
struct YAMLRoundTripTests {
    static let pieces = [
        "a", "Z", " ", "  ", ":", ": ", "#", " #", "-", "- ", "?", "'", "\"", "\\", "\n", "\t", "\r", "\u{0}",
        "\u{1B}", "é", "日本", "😀", "\u{A0}", "\u{FEFF}", "\u{85}", "\u{2028}", "\u{2029}", "{", "}", "[", "]",
        ",", "&", "*", "!", "|", ">", "%",
        "@", "`", "yes", "no", "null", "~", "1", "0x1", "1.5", "1e3", ".inf", "2024-01-01", "<<", "=", "---",
        "...", "long words that go on and on and on past the width of a line in YAML",
    ]

    private static func randomString(using random: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
    }

    private static func randomScalar(using random: inout SeededGenerator) -> YAMLValue {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: .null
        case 1: .bool(Bool.random(using: &random))
        case 2: .int(Int.random(in: Int.min...Int.max, using: &random))
        case 3: .float(Double(bitPattern: random.next()))
        case 4: .float([0.1, -0.0, 1e16, 1e-5, .infinity, -.infinity, .nan, 123456.789].randomElement(using: &random) ?? 0)
        default: .string(randomString(using: &random))
        }
    }

    static func randomValue(depth: Int, using random: inout SeededGenerator) -> YAMLValue {
        let kind = Int.random(in: 0..<10, using: &random)
        if depth > 4 || kind < 5 { return randomScalar(using: &random) }
        let count = Int.random(in: 0...4, using: &random)
        if kind < 7 {
            return .sequence((0..<count).map { _ in randomValue(depth: depth + 1, using: &random) })
        }
        var keys: [String] = []
        for _ in 0..<count {
            let key = randomString(using: &random)
            if !keys.contains(where: { $0.unicodeScalars.elementsEqual(key.unicodeScalars) }) { keys.append(key) }
        }
        return .mapping(keys.map { YAMLPair(.string($0), randomValue(depth: depth + 1, using: &random)) })
    }

    static let optionSets: [YAMLEmitOptions] = [
        YAMLEmitOptions(sortKeys: false),
        YAMLEmitOptions(indent: 4, flowStyle: .block, sortKeys: false),
        YAMLEmitOptions(indent: 3, width: 30, flowStyle: .flow, sortKeys: false, explicitStart: true),
        YAMLEmitOptions(width: 200, sortKeys: false, explicitEnd: true, allowUnicode: false),
    ]

    @Test("random values survive emit and load", arguments: 0..<optionSets.count)
    func randomValues(optionIndex: Int) throws {
        var random = SeededGenerator(seed: 42 &+ UInt64(optionIndex))
        let options = Self.optionSets[optionIndex]
        for _ in 0..<400 {
            let value = Self.randomValue(depth: 0, using: &random)
            let emitted = YAMLEmitter.emit(value, options: options)
            let loaded = try YAMLLoader.loadValues(emitted, path: "emitted.yml")
            #expect(loaded.count == 1 && loaded[0].sameData(as: value), "\(value) emitted as:\n\(emitted)")
        }
    }
}
