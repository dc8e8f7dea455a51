import Foundation
import YAML

/// One exchange recorded from a real kube-apiserver 1.36 (`Fixtures/kube-api/*.json`, copied from
/// the shared recordings): the answer's status, Content-Type and body bytes.
struct RecordedExchange {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/kube-api")

    var status: Int
    var contentType: String?
    var body: [UInt8]
    var document: YAMLValue

    /// The exchange whose file name starts with `number` (`"25"`).
    init(_ number: String) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
        guard let name = names.first(where: { $0.hasPrefix(number + "-") }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(number)-*.json"])
        }
        let file = try YAMLValue.parseJSON([UInt8](try Data(contentsOf: Self.directory.appendingPathComponent(name))))
        let response = file["response"] ?? .null
        guard case .int(let status) = response["status"] ?? .null else { throw CocoaError(.coderReadCorrupt) }
        self.status = status
        self.contentType = response["headers"]?["Content-Type"]?.stringValue
        let body = response["body"] ?? .null
        if case .string(let text) = body {
            self.body = Array(text.utf8)
        } else {
            self.body = body.jsonBytes
        }
        self.document = body
    }
}
