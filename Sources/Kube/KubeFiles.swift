import Foundation

/// The few file-system questions kubeconfig loading asks, in one place.
enum KubeFiles {
    /// Whether something exists at `path`.
    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// The bytes of a file, or a `kube.config` error naming what it was for.
    static func read(_ path: String, what: String) throws(KubeError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .config("\(what) \(path) does not exist")
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw .config("\(what) \(path) cannot be read")
        }
        return [UInt8](data)
    }

    /// The modification time and size of a file, to notice when a token file was rewritten.
    static func stamp(_ path: String) -> FileStamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return FileStamp(
            modified: (attributes[.modificationDate] as? Date) ?? .distantPast, size: (attributes[.size] as? Int) ?? -1)
    }

    /// Decodes base64 as kubeconfig `*-data` fields hold it (line breaks and spaces are ignored).
    static func base64(_ text: String, what: String) throws(KubeError) -> [UInt8] {
        let compact = text.filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: compact) else { throw .config("\(what) is not valid base64") }
        return [UInt8](data)
    }

    /// Encodes bytes as base64.
    static func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }
}

/// When a file was last written, and how long it is.
struct FileStamp: Hashable, Sendable {
    var modified: Date
    var size: Int
}
