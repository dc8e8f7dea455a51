import Crypto
import Foundation
import YAML

/// What rig records with each release it installs or upgrades (as the release record's label
/// `rig-fingerprint`, through helm's `--labels`): a digest of the chart's content and the values
/// applied. When the live release carries the same digest, the release is what the task declares
/// and rig starts no helm process; when it is missing or differs, rig renders the chart to decide.
///
/// The digest is of data the release record already holds in clear (values, chart), so the label
/// tells a reader of the Secret nothing new.
package enum HelmFingerprint {
    /// The label on helm's release Secret.
    package static let label = "rig-fingerprint"

    /// What identifies a chart's content.
    package enum ChartContent: Sendable, Hashable {
        /// A chart directory: every file under it.
        case directory(String)
        /// A packaged chart on disk.
        case archive(String)
        /// A chart fetched by reference at a pinned version (`repo/name`, `oci://`, a URL).
        case pinned(reference: String, version: String)
    }

    /// The fingerprint (40 hex digits) of a chart and the values applied with it; nil when the
    /// chart's files cannot be read.
    package static func of(chart: ChartContent, values: YAMLValue, settings: [String] = []) -> String? {
        var hash = SHA256()
        func add(_ text: String) {
            let bytes = Array(text.utf8)
            hash.update(data: Array(String(bytes.count).utf8) + [0])
            hash.update(data: bytes)
        }
        add("rig-helm-fingerprint-v1")
        switch chart {
        case .directory(let path):
            guard let files = files(under: path), !files.isEmpty else { return nil }
            for file in files {
                guard let data = FileManager.default.contents(atPath: path + "/" + file) else { return nil }
                add(file)
                hash.update(data: Array(String(data.count).utf8) + [0])
                hash.update(data: data)
            }
        case .archive(let path):
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            add("archive")
            hash.update(data: data)
        case .pinned(let reference, let version):
            add(reference)
            add(version)
        }
        add(canonical(values).jsonText)
        for setting in settings { add(setting) }
        return hash.finalize().map { String(format: "%02x", $0) }.joined().prefix(40).description
    }

    /// Every regular file under a directory, as paths relative to it, sorted; nil when it cannot be read.
    private static func files(under root: String) -> [String]? {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return nil }
        var found: [String] = []
        while let next = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + next, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            found.append(next)
        }
        return found.sorted()
    }

    /// Mappings with their keys sorted, so key order does not change the digest.
    static func canonical(_ value: YAMLValue) -> YAMLValue {
        switch value {
        case .mapping(let pairs):
            let sorted = pairs.map { YAMLPair($0.key, canonical($0.value)) }.sorted { $0.key.jsonText < $1.key.jsonText }
            return .mapping(sorted)
        case .sequence(let items):
            return .sequence(items.map(canonical))
        default:
            return value
        }
    }
}
