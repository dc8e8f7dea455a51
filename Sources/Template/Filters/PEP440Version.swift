/// `packaging.version.Version`: parsing and ordering of PEP 440 version numbers
/// (`1!2.0rc1.post2.dev3+local.7`).
struct PEP440Version {
    private static let pattern =
        #"^\s*v?(?:(?:(?P<epoch>[0-9]+)!)?(?P<release>[0-9]+(?:\.[0-9]+)*)(?P<pre>[-_\.]?(?P<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_\.]?(?P<pre_n>[0-9]+)?)?(?P<post>(?:-(?P<post_n1>[0-9]+))|(?:[-_\.]?(?P<post_l>post|rev|r)[-_\.]?(?P<post_n2>[0-9]+)?))?(?P<dev>[-_\.]?(?P<dev_l>dev)[-_\.]?(?P<dev_n>[0-9]+)?)?)(?:\+(?P<local>[a-z0-9]+(?:[-_\.][a-z0-9]+)*))?\s*$"#

    /// A sort key part: missing parts sort before or after every present one, as
    /// `packaging` uses `-Infinity` and `Infinity`.
    private enum Part: Comparable {
        case lowest
        case value(String, Int)
        case highest

        static func < (lhs: Part, rhs: Part) -> Bool {
            switch (lhs, rhs) {
            case (.value(let a, let m), .value(let b, let n)): return (a, m) < (b, n)
            case (.lowest, .lowest), (.highest, .highest): return false
            case (.lowest, _), (_, .highest): return true
            default: return false
            }
        }
    }

    private var epoch: Int
    private var release: [Int]
    private var pre: Part
    private var post: Part
    private var dev: Part
    private var local: [Value]?

    init(_ text: String) throws(TemplateError) {
        let regex = try PythonRegex.compile(Self.pattern, flags: .ignoreCase)
        guard let match = regex.firstMatch(in: text) else { throw .value("invalid version: '\(text)'") }
        func number(_ name: String) -> Int { Int(match.group(named: name) ?? "") ?? 0 }
        epoch = number("epoch")
        var parts = (match.group(named: "release") ?? "").split(separator: ".").map { Int($0) ?? 0 }
        while parts.count > 1, parts.last == 0 { parts.removeLast() }
        release = parts
        let hasPost = match.group(named: "post") != nil
        let hasDev = match.group(named: "dev") != nil
        if let letter = match.group(named: "pre_l") {
            pre = .value(Self.normalizedPreLetter(letter.lowercased()), number("pre_n"))
        } else {
            pre = !hasPost && hasDev ? .lowest : .highest
        }
        post = hasPost ? .value("", Int(match.group(named: "post_n1") ?? match.group(named: "post_n2") ?? "") ?? 0) : .lowest
        dev = hasDev ? .value("", number("dev_n")) : .highest
        local = match.group(named: "local").map { text in
            text.lowercased().split(whereSeparator: { "-_.".contains($0) }).map { part in
                Int(part).map(Value.int) ?? .string(String(part))
            }
        }
    }

    private static func normalizedPreLetter(_ letter: String) -> String {
        switch letter {
        case "alpha": "a"
        case "beta": "b"
        case "c", "pre", "preview": "rc"
        default: letter
        }
    }

    func compare(_ other: PEP440Version) -> Int {
        if epoch != other.epoch { return epoch < other.epoch ? -1 : 1 }
        let length = max(release.count, other.release.count)
        let left = release + Array(repeating: 0, count: length - release.count)
        let right = other.release + Array(repeating: 0, count: length - other.release.count)
        if left != right { return left.lexicographicallyPrecedes(right) ? -1 : 1 }
        for (a, b) in [(pre, other.pre), (post, other.post), (dev, other.dev)] where a != b {
            return a < b ? -1 : 1
        }
        return Self.compareLocal(local, other.local)
    }

    /// Local segments: absent sorts first; numeric parts sort after alphanumeric ones.
    private static func compareLocal(_ a: [Value]?, _ b: [Value]?) -> Int {
        switch (a, b) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case (let a?, let b?):
            for (x, y) in zip(a, b) where x != y {
                switch (x, y) {
                case (.int(let m), .int(let n)): return m < n ? -1 : 1
                case (.int, _): return 1
                case (_, .int): return -1
                default: return ((try? Value.compare(x, y)) ?? 0) < 0 ? -1 : 1
                }
            }
            return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
        }
    }
}
