/// The tags the loader understands, in the long form libyaml reports them.
enum YAMLTag {
    static let prefix = "tag:yaml.org,2002:"
    static let str = prefix + "str"
    static let int = prefix + "int"
    static let float = prefix + "float"
    static let bool = prefix + "bool"
    static let null = prefix + "null"
    static let timestamp = prefix + "timestamp"
    static let map = prefix + "map"
    static let seq = prefix + "seq"
    static let set = prefix + "set"
    static let merge = prefix + "merge"
    /// Ansible: a string that must never be templated.
    static let unsafe = "!unsafe"
    /// Ansible: an inline vault-encrypted string.
    static let vaultTags: Set<String> = ["!vault", "!vault-encrypted"]
    /// The non-specific tag: PyYAML resolves the scalar as if it were plain.
    static let nonSpecific = "!"

    /// The short form users write, for messages (`tag:yaml.org,2002:str` → `!!str`).
    static func display(_ tag: String) -> String {
        tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }
}
