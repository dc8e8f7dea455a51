import Foundation
import YAML

/// Values for one helm call, in a file only this user can read (0600) in a folder only this
/// user can enter (0700), removed afterwards; so values never appear in argv or `ps`.
struct HelmValuesFile {
    let folder: String
    let path: String

    /// Writes `values` as JSON (which helm reads as YAML).
    init(_ values: YAMLValue) throws(HelmError) {
        let folder = NSTemporaryDirectory() + "rig-helm-" + UUID().uuidString
        let path = folder + "/values.yaml"
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown)
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.write(contentsOf: Data(values.jsonText.utf8))
        } catch {
            try? manager.removeItem(atPath: folder)
            throw HelmError(code: "helm.values", message: "cannot write the values file for helm: \(error)")
        }
        self.folder = folder
        self.path = path
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
