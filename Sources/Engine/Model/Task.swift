import Diagnostics
import YAML

/// An entry of a task list: a task, a block, or an `include_tasks`/`include_role` resolved
/// when the run reaches it.
package indirect enum TaskItem: Sendable {
    case task(Task)
    case block(Block)
}

/// The keywords every task and block may carry, kept as located YAML until they are evaluated.
package struct TaskKeywords: Sendable {
    package var when: [YAMLNode] = []
    package var tags: [String] = []
    package var vars: [YAMLNodePair] = []
    package var ignoreErrors: YAMLNode?
    package var noLog: YAMLNode?
    package var notify: [String] = []
    package var register: String?
    package var changedWhen: [YAMLNode] = []
    package var failedWhen: [YAMLNode] = []
    package var loop: YAMLNode?
    package var loopControl: YAMLNode?
    package var until: [YAMLNode] = []
    package var retries: YAMLNode?
    package var delay: YAMLNode?

    package init() {}
}

/// One module call with its keywords.
package struct Task: Sendable {
    /// The `name:` as written (it may be a template).
    package var name: YAMLNode?
    package var module: ModuleCall
    package var keywords: TaskKeywords
    package var span: SourceSpan
    /// The role the task belongs to, for `role : name` and for finding templates and files.
    package var role: RoleContext?
    /// Where relative paths in the task resolve from when it is not in a role.
    package var directory: String
}

/// `block:` with its `rescue:` and `always:` sections.
package struct Block: Sendable {
    package var name: YAMLNode?
    package var tasks: [TaskItem]
    package var rescue: [TaskItem]
    package var always: [TaskItem]
    package var keywords: TaskKeywords
    package var span: SourceSpan
    package var role: RoleContext?
    /// Set on the block `import_role` makes: the role whose defaults and vars apply inside it.
    package var importedRole: Role? = nil
}

/// The role a task came from.
package struct RoleContext: Sendable, Hashable {
    package var name: String
    package var path: String
}

/// A module name as written, the module it resolves to, and its arguments.
package struct ModuleCall: Sendable {
    /// The canonical name (`kubernetes.core.k8s`).
    package var name: String
    /// How the task wrote it (`k8s`).
    package var written: String
    /// The arguments: a mapping, or a free-form string (`shell: echo hi`).
    package var arguments: YAMLNode
    package var span: SourceSpan
}
