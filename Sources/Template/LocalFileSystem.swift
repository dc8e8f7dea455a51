import Foundation

/// The real disk, for `rig` itself; tests inject their own `TemplateFileSystem`.
package struct LocalFileSystem: TemplateFileSystem {
    package init() {}

    package func readFile(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    package func listDirectory(_ path: String) -> [String]? {
        try? FileManager.default.contentsOfDirectory(atPath: path)
    }
}
