/// The version number schemes Ansible's `version` test compares with (`version_type`).
///
/// Each parses like the Python class Ansible uses and compares like its `_cmp`: `loose` is
/// distutils' `LooseVersion` (which fails on `1.0a` against `1.0.1`, as Python 3 cannot order
/// `'a'` and `1`), `strict` is `StrictVersion`, `semver` is Ansible's `SemanticVersion`, and
/// `pep440` is `packaging.version.Version`.
package enum VersionScheme: String, Sendable, CaseIterable {
    case loose, strict, semver, semantic, pep440

    /// -1, 0 or 1 as `a` is older than, equal to or newer than `b`.
    package func compare(_ a: String, _ b: String) throws(TemplateError) -> Int {
        switch self {
        case .loose: return try Value.compare(.list(try Self.looseComponents(a)), .list(try Self.looseComponents(b)))
        case .strict: return try Self.strictKey(a).compare(Self.strictKey(b))
        case .semver, .semantic: return try Self.semanticCompare(a, b)
        case .pep440: return try PEP440Version(a).compare(PEP440Version(b))
        }
    }

    /// `LooseVersion.parse`: `re.split(r'(\d+|[a-z]+|\.)')` without empty parts and dots,
    /// each part a number when `int()` accepts it.
    static func looseComponents(_ text: String) throws(TemplateError) -> [Value] {
        let regex = try PythonRegex.compile(#"(\d+|[a-z]+|\.)"#)
        var parts: [String] = []
        var position = text.startIndex
        for match in regex.matches(in: text) {
            guard let range = match.range(0) else { continue }
            parts.append(String(text[position..<range.lowerBound]))
            parts.append(String(text[range]))
            position = range.upperBound
        }
        parts.append(String(text[position...]))
        return parts.filter { !$0.isEmpty && $0 != "." }.map { part in
            PythonNumber.parseInt(part).map(Value.int) ?? .string(part)
        }
    }

    private struct StrictKey {
        var version: [Int]
        var prerelease: (String, Int)?

        func compare(_ other: StrictKey) -> Int {
            if version != other.version { return version.lexicographicallyPrecedes(other.version) ? -1 : 1 }
            switch (prerelease, other.prerelease) {
            case (nil, nil): return 0
            case (.some, nil): return -1
            case (nil, .some): return 1
            case (let a?, let b?):
                if a == b { return 0 }
                return (a.0, a.1) < (b.0, b.1) ? -1 : 1
            }
        }
    }

    /// `StrictVersion.parse`: `N.N[.N][{a|b}N]`.
    private static func strictKey(_ text: String) throws(TemplateError) -> StrictKey {
        let regex = try PythonRegex.compile(#"^(\d+)\.(\d+)(\.(\d+))?([ab](\d+))?$"#)
        guard let match = regex.firstMatch(in: text), text.unicodeScalars.allSatisfy(\.isASCII) else {
            throw .value("invalid version number '\(text)'")
        }
        var version = [match.group(1), match.group(2), match.group(4) ?? "0"].map { Int($0 ?? "") ?? 0 }
        if version.count < 3 { version.append(0) }
        let prerelease = match.group(5).map { (String($0.prefix(1)), Int(match.group(6) ?? "") ?? 0) }
        return StrictKey(version: version, prerelease: prerelease)
    }

    private static let semverPattern =
        #"^(?P<major>0|[1-9]\d*)\.(?P<minor>0|[1-9]\d*)\.(?P<patch>0|[1-9]\d*)(?:-(?P<prerelease>(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+(?P<buildmetadata>[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"#

    /// `SemanticVersion._cmp`: the core numbers, then a release after its pre-releases, then the
    /// pre-release identifiers (numbers before words, shorter lists first).
    private static func semanticCompare(_ a: String, _ b: String) throws(TemplateError) -> Int {
        let (coreA, preA) = try semanticParts(a)
        let (coreB, preB) = try semanticParts(b)
        if coreA != coreB { return coreA.lexicographicallyPrecedes(coreB) ? -1 : 1 }
        switch (preA.isEmpty, preB.isEmpty) {
        case (true, true): return 0
        case (false, true): return -1
        case (true, false): return 1
        case (false, false): break
        }
        for (x, y) in zip(preA, preB) where x != y {
            switch (x, y) {
            case (.int(let m), .int(let n)): return m < n ? -1 : 1
            case (.int, _): return -1
            case (_, .int): return 1
            default: return try Value.compare(x, y)
            }
        }
        return preA.count == preB.count ? 0 : (preA.count < preB.count ? -1 : 1)
    }

    private static func semanticParts(_ text: String) throws(TemplateError) -> ([Int], [Value]) {
        let regex = try PythonRegex.compile(semverPattern)
        guard let match = regex.firstMatch(in: text) else { throw .value("invalid semantic version '\(text)'") }
        var core: [Int] = []
        for name in ["major", "minor", "patch"] {
            guard let number = Int(match.group(named: name) ?? "") else {
                throw .value("invalid semantic version '\(text)'")
            }
            core.append(number)
        }
        let prerelease = (match.group(named: "prerelease") ?? "").split(separator: ".").map { identifier -> Value in
            PythonText.isDigit(String(identifier)) ? Int(identifier).map(Value.int) ?? .string(String(identifier))
                : .string(String(identifier))
        }
        return (core, prerelease)
    }
}
