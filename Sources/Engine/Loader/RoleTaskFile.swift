import Diagnostics

/// The task file of a role to load: `main`, or the `tasks_from:` of an `import_role` with
/// where it was written, so a missing file is reported there.
struct RoleTaskFile {
    var name: String
    var span: SourceSpan?

    static let main = RoleTaskFile(name: "main", span: nil)

    /// A file named by `tasks_from:` must exist; a role may have no `main` task file.
    var isRequired: Bool { span != nil }
}
