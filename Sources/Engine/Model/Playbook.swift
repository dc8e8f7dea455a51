import Diagnostics
import YAML

/// A loaded playbook: its plays in order, every file already read and checked.
package struct Playbook: Sendable {
    package var path: String
    package var plays: [Play]
}

/// One play: where its variables come from and its task sections in the order they run.
package struct Play: Sendable {
    package var name: String
    package var span: SourceSpan
    /// The play's `vars`, located.
    package var vars: [YAMLNodePair]
    /// `vars_files` as resolved paths with where they were named.
    package var varsFiles: [LocatedPath]
    package var roles: [RoleInvocation]
    package var preTasks: [TaskItem]
    package var tasks: [TaskItem]
    package var postTasks: [TaskItem]
    package var handlers: [TaskItem]
    package var tags: [String]
    /// The folder relative paths in the play resolve from.
    package var directory: String
}

/// A path as written, where it was written, and the file it resolves to.
package struct LocatedPath: Sendable, Hashable {
    package var written: String
    package var resolved: String
    package var span: SourceSpan
}

/// `roles: [{role: messaging, tags: messaging, vars…}]`.
package struct RoleInvocation: Sendable {
    package var role: Role
    package var parameters: [YAMLNodePair]
    package var tags: [String]
    package var when: [YAMLNode]
    package var span: SourceSpan
}

/// A role read from disk: its defaults, vars, tasks, handlers and dependencies.
package struct Role: Sendable {
    package var name: String
    package var path: String
    package var defaults: [YAMLNodePair]
    package var vars: [YAMLNodePair]
    package var tasks: [TaskItem]
    package var handlers: [TaskItem]
    package var dependencies: [RoleInvocation]

    package var templatesPath: String { path + "/templates" }
    package var filesPath: String { path + "/files" }
}
