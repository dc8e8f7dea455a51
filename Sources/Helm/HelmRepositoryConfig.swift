import Foundation
import Kube
import YAML

/// helm's repositories file (`repositories.yaml`), read directly so that checking a repository
/// starts no helm process.
///
/// The file is found the way helm finds it, from the environment helm runs with:
/// `HELM_REPOSITORY_CONFIG`, else `$HELM_CONFIG_HOME/repositories.yaml`, else
/// `$XDG_CONFIG_HOME/helm/repositories.yaml`, else the platform's default under `$HOME`
/// (`.config/helm` on Linux, `Library/Preferences/helm` on macOS). Empty variables count as unset.
/// Only names and URLs are read; credentials helm keeps in the file are never looked at.
package struct HelmRepositoryConfig: Sendable, Hashable {
    /// Where helm's configuration lives by default when no variable says otherwise.
    package enum Platform: Sendable, Hashable {
        case linux
        case macOS

        /// The platform rig runs on.
        package static var current: Platform {
            #if os(macOS)
                .macOS
            #else
                .linux
            #endif
        }
    }

    /// The file helm reads and writes; nil when the environment does not say (no `HOME` and no
    /// helm variable), in which case only helm itself can tell.
    package var path: String?

    /// The file's location for helm running with `environment`.
    package init(environment: [String: String], platform: Platform = .current) {
        func variable(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        if let file = variable("HELM_REPOSITORY_CONFIG") {
            path = file
        } else if let home = variable("HELM_CONFIG_HOME") {
            path = home + "/repositories.yaml"
        } else if let xdg = variable("XDG_CONFIG_HOME") {
            path = xdg + "/helm/repositories.yaml"
        } else if let home = variable("HOME") {
            path = home + (platform == .macOS ? "/Library/Preferences" : "/.config") + "/helm/repositories.yaml"
        } else {
            path = nil
        }
    }

    /// The configured repositories: empty when the file does not exist (helm has none); nil when
    /// rig cannot locate, read or parse the file, so the caller asks helm (`helm repo list`).
    package func repositories() -> [HelmRepository]? {
        guard let path else { return nil }
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return nil }
        return Self.repositories(in: text, path: path)
    }

    /// The repositories in the file's text; nil when it is not what helm writes (a YAML error,
    /// `repositories` not a list, an entry without a string `name` and `url`). Like helm, only the
    /// first YAML document counts.
    package static func repositories(in text: String, path: String = "repositories.yaml") -> [HelmRepository]? {
        guard let documents = try? YAMLLoader.loadValues(text, path: path) else { return nil }
        let root = documents.first ?? .null
        if root == .null { return [] }
        guard case .mapping = root else { return nil }
        switch root["repositories"] ?? .null {
        case .null:
            return []
        case .sequence(let entries):
            var repositories: [HelmRepository] = []
            for entry in entries {
                guard let name = entry["name"]?.stringValue, let url = entry["url"]?.stringValue else { return nil }
                repositories.append(HelmRepository(name: name, url: url))
            }
            return repositories
        default:
            return nil
        }
    }
}
