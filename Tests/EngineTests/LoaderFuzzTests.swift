import Diagnostics
import Engine
import Foundation
import Testing

/// Deterministic mutation fuzzing of the loader: thousands of damaged playbooks, task files and
/// role files, each loaded through `PlaybookLoader`. Diagnostics are expected; a crash, a hang or
/// a diagnostic pointing outside its file is a bug. The same seed gives the same mutants on
/// every run, so a failure reproduces by running the test again.
@Suite("The loader survives any input")
struct LoaderFuzzTests {
    /// A repository to mutate and the playbook in it to load.
    struct Seed: Sendable, CustomStringConvertible {
        var name: String
        var files: [String: String]
        var playbook = "play.yaml"
        var rolesPaths: [String] = []
        var description: String { name }
    }

    static let mutantsPerSeed = 60

    static var seeds: [Seed] {
        let cases = BrokenInputTests.cases + BrokenInputTests.nearMisses
        return cases.map { Seed(name: $0.name, files: $0.files) } + [exampleSeed]
    }

    /// The example repository's playbook, role tasks and properties, read into memory.
    static var exampleSeed: Seed {
        let paths = ["playbooks/local-dev-messaging.yaml", "roles/messaging/tasks/main.yaml", "env/properties.yaml"]
        var files: [String: String] = [:]
        for path in paths {
            files[path] = (try? String(contentsOfFile: ExampleRenderTests.repository + "/" + path, encoding: .utf8)) ?? ""
        }
        return Seed(name: "example repository", files: files, playbook: paths[0], rolesPaths: ["roles"])
    }

    @Test("the example repository is among the seeds and loads cleanly")
    func exampleSeedIsReal() {
        let seed = Self.exampleSeed
        #expect(seed.files.values.allSatisfy { !$0.isEmpty })
        let context = LoadContext(fileSystem: MemoryRepository(files: seed.files))
        let playbook = PlaybookLoader(context: context, rolesPaths: seed.rolesPaths).load(seed.playbook)
        #expect(context.diagnostics.isEmpty, "\(context.diagnostics)")
        #expect(playbook?.plays.first?.roles.first?.role.tasks.isEmpty == false)
    }

    @Test("mutated inputs load, and every diagnostic points inside its file", .timeLimit(.minutes(1)), arguments: seeds)
    func mutants(_ seed: Seed) throws {
        var mutator = YAMLMutator(seed: UInt64(truncatingIfNeeded: seed.name.utf8.reduce(5381) { $0 &* 33 &+ Int($1) }))
        let paths = seed.files.keys.sorted()
        for index in 0..<Self.mutantsPerSeed {
            var files = seed.files
            // The playbook most of the time; otherwise a file it names.
            let path = index % 3 == 2 ? paths[mutator.next(below: paths.count)] : seed.playbook
            files[path] = mutator.mutate(files[path] ?? "")
            let context = LoadContext(fileSystem: MemoryRepository(files: files))
            _ = PlaybookLoader(context: context, rolesPaths: seed.rolesPaths).load(seed.playbook)
            for diagnostic in context.diagnostics {
                try Self.expectInside(diagnostic, context: context, mutant: files[path] ?? "")
            }
        }
    }

    /// A diagnostic's place must be a line and column of a file the loader read, or the
    /// printer cannot quote it.
    static func expectInside(_ diagnostic: Diagnostic, context: LoadContext, mutant: String) throws {
        guard let span = diagnostic.span else { return }
        let file = try #require(context.files[span.path], "\(diagnostic) names a file that was not read")
        // Lines end at "\n" only and columns count scalars, as `SourcePosition` does; splitting
        // the String itself would keep "\r\n" together as one character.
        let lines = file.text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        let inside =
            span.start.line >= 1 && span.start.line <= lines.count && span.start.column >= 1
            && span.start.column <= lines[span.start.line - 1].count + 1
        #expect(inside, "\(diagnostic) is outside its file; mutant: \(mutant.debugDescription)")
    }
}

/// Damages YAML text the way typing and merging do: flipped and deleted bytes, duplicated
/// runs, and inserted punctuation, template braces and keywords that reach imports and roles.
struct YAMLMutator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    static let insertions: [String] = [
        ":", ": ", "- ", "-", "{", "}", "[", "]", ",", "\"", "'", "&a ", "*a", "!!str ", "!unsafe ", "? ", "|", ">-",
        "#", "\t", "\n", "  ", "---\n", "...\n", "{{", "}}", "{% if %}", "<<: *a", "%YAML 1.1\n", "@", "`", "~", "\\",
        "\u{FEFF}", "\r", "é", "\u{85}", "\u{2028}", "0x", "1e999", "99999999999999999999",
        "import_tasks: play.yaml", "import_playbook: play.yaml", "include_tasks: a.yaml", "roles: [web]",
        "- import_role: {name: web, tasks_from: x}", "block:", "rescue:", "hosts: localhost", "dependencies: [web]",
        "vars:", "when:", "loop:", "args:", "debug:", "k8s:", "msg=", "{{ x }}.yaml",
    ]

    /// SplitMix64: small, fast, and the same sequence on every platform.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`; `bound` must be positive.
    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// Usually one edit of `text`, sometimes up to four.
    mutating func mutate(_ text: String) -> String {
        var bytes = Array(text.utf8)
        let edits = next(below: 4) == 0 ? 2 + next(below: 3) : 1
        for _ in 0..<edits {
            edit(&bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func edit(_ bytes: inout [UInt8]) {
        let at = next(below: bytes.count + 1)
        switch next(below: 6) {
        case 5:
            insertLine(&bytes)
        case 0 where !bytes.isEmpty:
            bytes[min(at, bytes.count - 1)] = UInt8(truncatingIfNeeded: next())
        case 1 where !bytes.isEmpty:
            let start = min(at, bytes.count - 1)
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + next(below: 12)))
        case 2 where !bytes.isEmpty:
            let start = min(at, bytes.count - 1)
            let run = bytes[start..<min(bytes.count, start + 1 + next(below: 40))]
            bytes.insert(contentsOf: run, at: next(below: bytes.count + 1))
        default:
            bytes.insert(contentsOf: Array(Self.insertions[next(below: Self.insertions.count)].utf8), at: at)
        }
    }

    /// Inserts a whole line before a random line, indented like it, so the result often still
    /// parses and reaches the loader's checks instead of stopping at a syntax error.
    private mutating func insertLine(_ bytes: inout [UInt8]) {
        let lineStarts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
        let start = lineStarts[next(below: lineStarts.count)]
        let indent = bytes[start...].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "-") }
        let line = Array(indent) + Array(Self.insertions[next(below: Self.insertions.count)].utf8) + [UInt8(ascii: "\n")]
        bytes.insert(contentsOf: line, at: start)
    }
}
