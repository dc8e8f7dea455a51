import Testing
import YAML

/// Throws random and mutated input at the loader: it may only return nodes or throw diagnostics
/// that point into the file, and whatever it loads must survive an emit-and-load round trip.
@Suite("YAMLLoader on hostile input")
struct YAMLLoaderFuzzTests {
    static let seeds: [String] = [
        "a: 1\nb: [x, 'y', \"z\"]\nc: {d: e}\n",
        "- &a {k: v}\n- *a\n- <<: *a\n  k: w\n",
        "key: |\n  literal\n  text\nother: >-\n  folded\n---\n- !!str 1\n- !unsafe '{{ x }}'\n",
        "%YAML 1.1\n---\n? complex\n: value\n...\n--- plain\n",
        "a:\n  - b: 1\n    c: [1, 2, {d: 3}]\n  - 'q''s'\n",
    ]

    static let alphabet: [Unicode.Scalar] = Array(
        " \n\t\r:-?[]{},#&*!|>'\"%@`~.0123456789abcxyz<=\\\u{0}\u{1}\u{7F}\u{85}\u{A0}\u{FEFF}\u{2028}é😀".unicodeScalars)

    private static func mutate(_ text: String, using random: inout SeededGenerator) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            let position = Int.random(in: 0...scalars.count, using: &random)
            let scalar = alphabet.randomElement(using: &random) ?? " "
            switch Int.random(in: 0..<4, using: &random) {
            case 0: scalars.insert(scalar, at: position)
            case 1 where position < scalars.count: scalars.remove(at: position)
            case 2 where position < scalars.count: scalars[position] = scalar
            default:
                let cut = Int.random(in: 0...scalars.count, using: &random)
                scalars.insert(contentsOf: scalars[min(cut, position)..<max(cut, position)], at: position)
            }
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }

    private static func randomBytes(using random: inout SeededGenerator) -> String {
        let bytes = (0..<Int.random(in: 0...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("mutated documents load or give located diagnostics", arguments: 0..<8)
    func mutations(round: Int) {
        var random = SeededGenerator(seed: UInt64(round) &* 7919 &+ 1)
        for iteration in 0..<600 {
            let base = Self.seeds[iteration % Self.seeds.count]
            let text = iteration % 5 == 4 ? Self.randomBytes(using: &random) : Self.mutate(base, using: &random)
            check(text)
        }
    }

    private func check(_ text: String) {
        let file = YAMLFileCheck(text: text)
        do {
            let values = try YAMLLoader.loadValues(text, path: "fuzz.yml")
            for value in values {
                let emitted = YAMLEmitter.emit(value, options: YAMLEmitOptions(sortKeys: false))
                let reloaded = try? YAMLLoader.loadValues(emitted, path: "emitted.yml")
                let same = reloaded.map { $0.count == 1 && $0[0].sameData(as: value) } ?? false
                #expect(same, "round trip of \(value) through:\n\(emitted)\nfrom input \(text.debugDescription)")
            }
        } catch {
            #expect(!error.diagnostics.isEmpty)
            for diagnostic in error.diagnostics {
                #expect(file.contains(diagnostic.span?.start), "\(diagnostic) outside \(text.debugDescription)")
            }
        }
    }
}

/// The lines and columns that exist in a text, to check that diagnostics point into it.
struct YAMLFileCheck {
    let lineLengths: [Int]

    init(text: String) {
        lineLengths = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(\.count)
    }

    func contains(_ position: (some CustomStringConvertible)?) -> Bool {
        guard let text = position?.description else { return false }
        let parts = text.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, parts[0] >= 1, parts[0] <= lineLengths.count else { return false }
        return parts[1] >= 1 && parts[1] <= lineLengths[parts[0] - 1] + 1
    }
}
