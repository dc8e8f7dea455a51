/// A file or role the loader is in the middle of reading; `LoadContext.loading` holds them,
/// innermost last, so an import of one of them is reported as a cycle instead of recursing.
enum LoadingStep: Hashable {
    /// A playbook or task file, by resolved path.
    case file(String)
    /// A role's task file (`main` or a `tasks_from:`), by the role's folder.
    case role(path: String, taskFile: String)

    /// How the step reads in a cycle: the path of a file, the folder name of a role.
    var display: String {
        switch self {
        case .file(let path): path
        case .role(let path, _): String(path.split(separator: "/").last ?? Substring(path))
        }
    }

    /// Whether `other` is a step of the same kind (both files, or both roles).
    func isSameKind(as other: LoadingStep) -> Bool {
        switch (self, other) {
        case (.file, .file), (.role, .role): true
        case (.file, .role), (.role, .file): false
        }
    }
}
