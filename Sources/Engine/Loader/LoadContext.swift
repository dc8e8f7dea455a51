import Diagnostics
import Foundation
import YAML

/// Reads files for the loader and collects every problem, so one `rig validate` reports all.
package final class LoadContext {
    package let fileSystem: any EngineFileSystem
    package private(set) var diagnostics: [Diagnostic] = []
    /// Every file read, by path, for quoting lines in diagnostics.
    package private(set) var files: [String: SourceFile] = [:]
    /// Files and roles being loaded right now, to report include cycles.
    var loading: [LoadingStep] = []

    package init(fileSystem: any EngineFileSystem) {
        self.fileSystem = fileSystem
    }

    package func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    package func error(_ code: String, _ summary: String, at span: SourceSpan?, hint: String? = nil, notes: [Diagnostic.Note] = []) {
        diagnostics.append(Diagnostic(code: code, summary: summary, span: span, hint: hint, notes: notes))
    }

    /// Loads every YAML document of a file; nil (with a diagnostic) when unreadable or invalid.
    package func loadYAML(_ path: String, namedAt span: SourceSpan?, what: String) -> [YAMLNode]? {
        guard let text = fileSystem.readFile(path) else {
            error("load.missing-file", "\(what) '\(path)' not found", at: span, hint: "paths are relative to the file that names them")
            return nil
        }
        return parseYAML(text, path: path)
    }

    /// Parses text already read from `path`; nil (with diagnostics) when it is not valid YAML.
    package func parseYAML(_ text: String, path: String) -> [YAMLNode]? {
        let file = SourceFile(path: path, text: text)
        files[path] = file
        do {
            return try YAMLLoader.load(file)
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
    }

    /// Reports a file or role name that is a template and returns true; rig resolves imports
    /// before anything runs, so it needs the name as written.
    func rejectTemplated(_ name: String, what: String, at span: SourceSpan) -> Bool {
        guard name.contains("{{") || name.contains("{%") else { return false }
        error(
            "load.dynamic-include", "\(what) that are templates are not supported yet", at: span,
            hint: "name it literally; rig resolves imports before running so it can check them")
        return true
    }

    /// The steps of the same kind as `step` on the way to it, ending with it, as
    /// "play.yaml → a.yaml → a.yaml" or "web → db → web".
    func cycle(to step: LoadingStep) -> String {
        (loading.filter { $0.isSameKind(as: step) } + [step]).map(\.display).joined(separator: " → ")
    }

    /// Records a file read by other means (templates) so diagnostics can quote it.
    package func remember(_ file: SourceFile) {
        files[file.path] = file
    }
}

/// The files the engine reads and writes; tests give an in-memory one.
package protocol EngineFileSystem: Sendable {
    func readFile(_ path: String) -> String?
    func isDirectory(_ path: String) -> Bool
    func listDirectory(_ path: String) -> [String]?
}

extension EngineFileSystem {
    /// The first of `paths` that can be read, with its text: one read per candidate.
    package func readFirst(_ paths: [String]) -> (path: String, text: String)? {
        for path in paths {
            if let text = readFile(path) { return (path, text) }
        }
        return nil
    }
}

/// The real disk.
package struct LocalEngineFileSystem: EngineFileSystem {
    package init() {}

    package func readFile(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    package func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    package func listDirectory(_ path: String) -> [String]? {
        try? FileManager.default.contentsOfDirectory(atPath: path)
    }
}

/// Path helpers: rig resolves paths as Ansible does, relative to the naming file's folder.
package enum Paths {
    package static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    package static func join(_ base: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        if relative.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            return home + relative.dropFirst()
        }
        return normalize(base == "." ? relative : base + "/" + relative)
    }

    /// Removes `.` and resolves `..` where possible, keeping the path relative if it was.
    package static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
