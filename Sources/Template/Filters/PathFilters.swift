/// Ansible's POSIX path filters: Python's `posixpath` functions, which never touch the disk.
enum PathFilters {
    static let all: [FilterDefinition] = [
        FilterDefinition("basename") { value, arguments, _ throws(TemplateError) in
            _ = try Signature("basename").bind(arguments)
            return .string(basename(try path(value, "basename")))
        },
        FilterDefinition("dirname") { value, arguments, _ throws(TemplateError) in
            _ = try Signature("dirname").bind(arguments)
            return .string(dirname(try path(value, "dirname")))
        },
        FilterDefinition("splitext") { value, arguments, _ throws(TemplateError) in
            _ = try Signature("splitext").bind(arguments)
            let (root, ext) = splitext(try path(value, "splitext"))
            return .tuple([.string(root), .string(ext)])
        },
        FilterDefinition("normpath") { value, arguments, _ throws(TemplateError) in
            _ = try Signature("normpath").bind(arguments)
            return .string(normpath(try path(value, "normpath")))
        },
        FilterDefinition("path_join", body: pathJoin),
    ]

    private static func path(_ value: Value, _ filter: String) throws(TemplateError) -> String {
        guard case .string(let text) = value else {
            try value.requireDefined()
            throw .type("\(filter)(): expected str, bytes or os.PathLike object, not \(value.typeName)")
        }
        return text
    }

    /// `posixpath.basename`: everything after the last `/`.
    static func basename(_ path: String) -> String {
        let scalars = Array(path.unicodeScalars)
        let start = (scalars.lastIndex(of: "/") ?? -1) + 1
        return String(scalars: scalars[start...])
    }

    /// `posixpath.dirname`: everything before the last `/`, without trailing slashes unless it
    /// is all slashes.
    static func dirname(_ path: String) -> String {
        let scalars = Array(path.unicodeScalars)
        let end = (scalars.lastIndex(of: "/") ?? -1) + 1
        let head = scalars[..<end]
        guard head.contains(where: { $0 != "/" }) else { return String(scalars: head) }
        return PythonText.strip(String(scalars: head), characters: "/", side: .trailing)
    }

    /// `posixpath.splitext`: the root and the extension (from the last dot of the last
    /// component, ignoring leading dots).
    static func splitext(_ path: String) -> (String, String) {
        let scalars = Array(path.unicodeScalars)
        let separator = scalars.lastIndex(of: "/") ?? -1
        guard let dot = scalars.lastIndex(of: "."), dot > separator else { return (path, "") }
        var filename = separator + 1
        while filename < dot {
            if scalars[filename] != "." {
                return (String(scalars: scalars[..<dot]), String(scalars: scalars[dot...]))
            }
            filename += 1
        }
        return (path, "")
    }

    /// `posixpath.normpath`: `.` and `..` resolved lexically, repeated slashes collapsed.
    static func normpath(_ path: String) -> String {
        guard !path.isEmpty else { return "." }
        var initialSlashes = path.hasPrefix("/") ? 1 : 0
        if path.hasPrefix("//"), !path.hasPrefix("///") { initialSlashes = 2 }
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty || component == "." { continue }
            if component != ".." || (initialSlashes == 0 && components.isEmpty) || components.last == ".." {
                components.append(component)
            } else if !components.isEmpty {
                components.removeLast()
            }
        }
        let joined = String(repeating: "/", count: initialSlashes) + components.joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }

    /// Ansible's `path_join`: `os.path.join(*paths)` for a list, the string itself otherwise.
    static func pathJoin(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        _ = try Signature("path_join").bind(arguments)
        if case .string = value { return value }
        guard let items = value.sequenceItems else {
            try value.requireDefined()
            throw .type("|path_join expects string or sequence, got \(value.typeName) instead")
        }
        guard let first = items.first else { throw .type("path_join(): join() missing 1 required positional argument: 'a'") }
        var joined = try path(first, "path_join")
        for item in items.dropFirst() {
            let part = try path(item, "path_join")
            if part.hasPrefix("/") {
                joined = part
            } else if joined.isEmpty || joined.hasSuffix("/") {
                joined += part
            } else {
                joined += "/" + part
            }
        }
        return .string(joined)
    }
}
