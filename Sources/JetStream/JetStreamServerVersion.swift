/// A nats-server version (`2.9.10`), for the rules that differ between releases.
package struct JetStreamServerVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var major: Int
    package var minor: Int
    package var patch: Int

    package init(_ major: Int, _ minor: Int, _ patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses `2.9.10`, `v2.10.0-beta.1`; unknown text reads as 0.0.0 (the strictest rules).
    package init(parsing text: String) {
        let numbers = text.drop { !$0.isNumber }.split(separator: ".").prefix(3).map { part in
            Int(part.prefix { $0.isNumber }) ?? 0
        }
        self.init(numbers.count > 0 ? numbers[0] : 0, numbers.count > 1 ? numbers[1] : 0, numbers.count > 2 ? numbers[2] : 0)
    }

    package var description: String { "\(major).\(minor).\(patch)" }

    package static func < (lhs: JetStreamServerVersion, rhs: JetStreamServerVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }
}
