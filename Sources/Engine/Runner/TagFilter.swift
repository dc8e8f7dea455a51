/// `--tags` and `--skip-tags` with Ansible's rules: `all` (the default) runs everything not
/// tagged `never`; `always` runs unless skipped by name; `tagged` and `untagged` select by
/// whether a task has tags at all.
package struct TagFilter: Sendable, Hashable {
    package var only: Set<String>
    package var skip: Set<String>

    package init(only: [String] = [], skip: [String] = []) {
        self.only = Set(only.flatMap { $0.split(separator: ",").map(String.init) })
        self.skip = Set(skip.flatMap { $0.split(separator: ",").map(String.init) })
    }

    package func runs(_ tags: Set<String>) -> Bool {
        if !skip.isDisjoint(with: tags) { return false }
        if skip.contains("tagged"), !tags.isEmpty { return false }
        if skip.contains("untagged"), tags.isEmpty { return false }
        if tags.contains("always") { return true }
        let requested = only.isEmpty ? ["all"] : only
        if requested.contains("all") { return !tags.contains("never") }
        if requested.contains("tagged"), !tags.isEmpty { return true }
        if requested.contains("untagged"), tags.isEmpty { return true }
        return !requested.isDisjoint(with: tags)
    }
}
