import CompressNIO
import Foundation
import NIOCore
import Kube
import YAML

/// One revision of a release as helm stores it in its Secret `sh.helm.release.v1.<name>.v<N>`:
/// `data.release` is base64 (the Secret's encoding) of base64 of gzip of the release JSON.
package struct HelmRelease: Sendable, Hashable {
    /// `deployed`, `failed`, `pending-install`, `pending-upgrade`, `pending-rollback`,
    /// `superseded`, `uninstalling`, `uninstalled`.
    package var status: String
    package var name: String
    package var namespace: String
    package var revision: Int
    package var chartName: String
    package var chartVersion: String
    /// The user-supplied values (`config`), merged as helm merged them; an empty mapping when none.
    package var values: YAMLValue
    /// The rendered objects helm applied, as one YAML stream.
    package var manifest: String
    /// The labels of the release record beyond helm's own (`--labels`), such as rig's fingerprint.
    package var labels: [String: String] = [:]

    package init(
        status: String, name: String, namespace: String, revision: Int, chartName: String, chartVersion: String,
        values: YAMLValue = .mapping([]), manifest: String = ""
    ) {
        self.status = status
        self.name = name
        self.namespace = namespace
        self.revision = revision
        self.chartName = chartName
        self.chartVersion = chartVersion
        self.values = values
        self.manifest = manifest
    }

    /// The fingerprint rig recorded when it last installed or upgraded this release.
    package var fingerprint: String? { labels[HelmFingerprint.label] }

    /// Whether helm is in the middle of an operation on it (or was killed in one).
    package var isPending: Bool { status.hasPrefix("pending-") }

    /// Reads a release Secret as the Kubernetes API returns it.
    package init(secret: YAMLValue) throws(HelmError) {
        let secretName = secret["metadata"]?["name"]?.stringValue ?? "?"
        guard let encoded = secret["data"]?["release"]?.stringValue,
            let outer = Data(base64Encoded: encoded), let inner = Data(base64Encoded: outer)
        else {
            throw .record(secretName, "data.release is not base64 of base64")
        }
        let json: [UInt8]
        if inner.starts(with: [0x1f, 0x8b]) {
            var buffer = ByteBuffer(bytes: inner)
            do {
                // A release record is a Secret (at most 1 MiB); 256 MiB unpacked is far beyond any real one.
                var plain = try buffer.decompress(with: .gzip(), maxSize: 256 << 20)
                json = plain.readBytes(length: plain.readableBytes) ?? []
            } catch {
                throw .record(secretName, "its gzip data is corrupt (\(error))")
            }
        } else {
            json = Array(inner)
        }
        let record: YAMLValue
        do {
            record = try YAMLValue.parseJSON(json)
        } catch {
            throw .record(secretName, "its release is not JSON (\(error))")
        }
        self.init(record: record)
        if case .mapping(let pairs) = secret["metadata"]?["labels"] ?? .null {
            for pair in pairs {
                guard let key = pair.key.stringValue, let value = pair.value.stringValue, !Self.helmLabels.contains(key) else { continue }
                labels[key] = value
            }
        }
    }

    /// The labels helm itself puts on a release record.
    static let helmLabels: Set<String> = ["name", "owner", "status", "version", "createdAt", "modifiedAt"]

    /// Reads helm's release JSON.
    package init(record: YAMLValue) {
        let metadata = record["chart"]?["metadata"]
        let config = record["config"] ?? .null
        self.init(
            status: record["info"]?["status"]?.stringValue ?? "unknown",
            name: record["name"]?.stringValue ?? "",
            namespace: record["namespace"]?.stringValue ?? "",
            revision: Self.integer(record["version"]),
            chartName: metadata?["name"]?.stringValue ?? "",
            chartVersion: metadata?["version"]?.stringValue ?? "",
            values: config == .null ? .mapping([]) : config,
            manifest: record["manifest"]?.stringValue ?? "")
    }

    private static func integer(_ value: YAMLValue?) -> Int {
        switch value {
        case .int(let int): int
        case .float(let double): Int(exactly: double) ?? 0
        default: 0
        }
    }

    /// The release JSON helm would store (the parts rig reads).
    package var record: YAMLValue {
        .mapping([
            YAMLPair(.string("name"), .string(name)),
            YAMLPair(.string("info"), .mapping([YAMLPair(.string("status"), .string(status))])),
            YAMLPair(
                .string("chart"),
                .mapping([
                    YAMLPair(.string("metadata"), .mapping([YAMLPair(.string("name"), .string(chartName)), YAMLPair(.string("version"), .string(chartVersion))]))
                ])),
            YAMLPair(.string("config"), values),
            YAMLPair(.string("manifest"), .string(manifest)),
            YAMLPair(.string("version"), .int(revision)),
            YAMLPair(.string("namespace"), .string(namespace)),
        ])
    }

    /// The release Secret helm would write for this revision (for fakes and tests).
    package func secret() throws(HelmError) -> YAMLValue {
        var buffer = ByteBuffer(string: record.jsonText)
        let gzipped: [UInt8]
        do {
            var compressed = try buffer.compress(with: .gzip())
            gzipped = compressed.readBytes(length: compressed.readableBytes) ?? []
        } catch {
            throw .record(secretName, "cannot gzip it (\(error))")
        }
        let helmEncoded = Data(gzipped).base64EncodedString()
        let recordLabels: [YAMLPair] = [
            YAMLPair(.string("name"), .string(name)), YAMLPair(.string("owner"), .string("helm")),
            YAMLPair(.string("status"), .string(status)), YAMLPair(.string("version"), .string(String(revision))),
        ] + labels.sorted { $0.key < $1.key }.map { YAMLPair(.string($0.key), .string($0.value)) }
        return .mapping([
            YAMLPair(.string("apiVersion"), .string("v1")), YAMLPair(.string("kind"), .string("Secret")),
            YAMLPair(
                .string("metadata"),
                .mapping([
                    YAMLPair(.string("name"), .string(secretName)), YAMLPair(.string("namespace"), .string(namespace)),
                    YAMLPair(.string("labels"), .mapping(recordLabels)),
                ])),
            YAMLPair(.string("type"), .string("helm.sh/release.v1")),
            YAMLPair(.string("data"), .mapping([YAMLPair(.string("release"), .string(Data(helmEncoded.utf8).base64EncodedString()))])),
        ])
    }

    /// `sh.helm.release.v1.<name>.v<revision>`.
    package var secretName: String { "sh.helm.release.v1.\(name).v\(revision)" }
}
