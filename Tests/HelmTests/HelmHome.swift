import Foundation
import Helm
import Subprocess
import SystemPackage
import Testing
import YAML

/// A private helm home for one test: a temporary `HOME` holding helm's configuration, cache and
/// data, laid out one of the ways helm finds its files, and the real helm run in it.
struct HelmHome {
    /// Which variables tell helm where its files are.
    enum Layout: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case helmHomes = "HELM_CONFIG_HOME"
        case repositoryConfig = "HELM_REPOSITORY_CONFIG over HELM_CONFIG_HOME"
        case xdg = "XDG_CONFIG_HOME"
        case home = "HOME alone"

        var testDescription: String { rawValue }
    }

    let folder: String
    /// The environment helm (and rig's helm client) runs with.
    let environment: [String: String]
    /// Where helm keeps its repositories file in this layout.
    let repositoriesFile: String

    init(_ layout: Layout = .helmHomes) throws {
        folder = try HelmPlay.folder()
        var environment = ["HOME": folder, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let helmHomes = ["HELM_CACHE_HOME": folder + "/cache", "HELM_CONFIG_HOME": folder + "/config", "HELM_DATA_HOME": folder + "/data"]
        switch layout {
        case .helmHomes:
            environment.merge(helmHomes) { $1 }
            repositoriesFile = folder + "/config/repositories.yaml"
        case .repositoryConfig:
            environment.merge(helmHomes) { $1 }
            environment["HELM_REPOSITORY_CONFIG"] = folder + "/elsewhere/repos.yaml"
            repositoriesFile = folder + "/elsewhere/repos.yaml"
        case .xdg:
            environment["XDG_CONFIG_HOME"] = folder + "/xdg"
            repositoriesFile = folder + "/xdg/helm/repositories.yaml"
        case .home:
            #if os(macOS)
                repositoriesFile = folder + "/Library/Preferences/helm/repositories.yaml"
            #else
                repositoriesFile = folder + "/.config/helm/repositories.yaml"
            #endif
        }
        self.environment = environment
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// Runs the helm binary at `path` in this home; its stdout, or an error with all it said.
    func helm(_ path: String, _ arguments: [String]) async throws -> String {
        var variables: [Environment.Key: String] = [:]
        for (name, value) in environment { variables[Environment.Key(stringLiteral: name)] = value }
        let result = try await Subprocess.run(
            .path(FilePath(path)), arguments: Arguments(arguments), environment: .custom(variables),
            output: .string(limit: 1 << 20), error: .string(limit: 1 << 20))
        guard case .exited(0) = result.terminationStatus else {
            throw HelmError.command(arguments, output: result.standardError + result.standardOutput)
        }
        return result.standardOutput
    }

    /// The repositories as the real `helm repo list -o json` lists them.
    func listedRepositories(_ path: String) async throws -> [HelmRepository] {
        let output = try await helm(path, ["repo", "list", "-o", "json"]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard case .sequence(let items) = try YAMLValue.parseJSON(output.isEmpty ? "[]" : output) else { return [] }
        return items.map { HelmRepository(name: $0["name"]?.stringValue ?? "", url: $0["url"]?.stringValue ?? "") }
    }

    /// Packages the `web` chart's versions from `Fixtures/charts/web-<version>` with the real helm
    /// into `repository` and writes its `index.yaml` with chart URLs under `url`.
    func publishWebCharts(_ path: String, to repository: String, url: String, versions: [String] = ["0.1.0", "0.2.0"]) async throws {
        for version in versions {
            _ = try await helm(path, ["package", HelmPlay.chart("web-" + version), "-d", repository])
        }
        _ = try await helm(path, ["repo", "index", repository, "--url", url])
    }
}
