import Foundation
import JetStream

/// A `.creds` file: the user JWT and the nkey seed that signs for it.
package struct NATSCredentials: Sendable {
    package var jwt: String
    package var seed: String

    /// Reads the two armoured blocks (`-----BEGIN NATS USER JWT-----`, `-----BEGIN USER NKEY SEED-----`).
    package init(text: String) throws(JetStreamError) {
        var blocks: [String] = []
        var inside = false
        var current = ""
        for line in text.split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.hasPrefix("---") {
                if inside { blocks.append(current) }
                inside = line.contains("BEGIN")
                current = ""
            } else if inside, !line.isEmpty {
                current += line
            }
        }
        guard blocks.count >= 2 else { throw .config("the creds file needs a user JWT block and an nkey seed block") }
        jwt = blocks[0]
        seed = blocks[1]
    }

    /// Reads a creds file from disk.
    package init(path: String) throws(JetStreamError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .config("cannot read the creds file \(path)") }
        try self.init(text: String(decoding: data, as: UTF8.self))
    }
}
