import YAML

/// One field that differs between the desired and the live configuration.
package struct JetStreamFieldChange: Sendable, Hashable {
    /// The JetStream field name (`max_age`), one element; a list for symmetry with other diffs.
    package var path: [String]
    package var before: YAMLValue?
    package var after: YAMLValue?
    /// The server cannot change it in place; only deleting and re-creating can.
    package var immutable: Bool

    package init(path: [String], before: YAMLValue?, after: YAMLValue?, immutable: Bool = false) {
        self.path = path
        self.before = before
        self.after = after
        self.immutable = immutable
    }
}
