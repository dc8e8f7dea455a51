import ArgumentParser
import Diagnostics
import Engine
import Foundation
import Template
import YAML

/// What every playbook command takes: the playbook, the environment, variables and tags.
struct PlaybookOptions: ParsableArguments {
    @Argument(help: "The playbook to run.")
    var playbook: String

    @Option(name: .long, help: "Load env/NAME.yaml over the playbook's vars files and set the variable 'env'.")
    var env: String?

    @Option(name: .long, help: "Run only tasks with these tags (comma-separated).")
    var tags: [String] = []

    @Option(name: .customLong("skip-tags"), help: "Skip tasks with these tags (comma-separated).")
    var skipTags: [String] = []

    @OptionGroup var variables: VariableOptions
}

/// Loading shared by every playbook command: the playbook and its files, `--env`, `-e`.
struct LoadedRun {
    var playbook: Playbook
    var context: LoadContext
    var options: RunOptions

    /// Loads everything; on input errors returns the diagnostics and the files to quote.
    static func load(_ arguments: PlaybookOptions, mode: RunOptions.Mode, fileSystem: any EngineFileSystem = LocalEngineFileSystem())
        -> Result<LoadedRun, TemplateRendering.Failure>
    {
        let context = LoadContext(fileSystem: fileSystem)
        let loader = PlaybookLoader(context: context, rolesPaths: rolesPaths(fileSystem: fileSystem))
        let playbook = loader.load(arguments.playbook)
        var templateFiles: [String: SourceFile] = context.files
        var extra: [String: Value] = [:]
        do {
            extra = try ExtraVars.parse(arguments.variables.extraVars, fileSystem: TemplateFilesAdapter(fileSystem), files: &templateFiles)
        } catch {
            return .failure(TemplateRendering.Failure(diagnostics: context.diagnostics + error.diagnostics, files: templateFiles))
        }
        var properties: [String: Value] = [:]
        if let name = arguments.env {
            let directory = Paths.directory(of: arguments.playbook)
            let candidates = ["env/\(name).yaml", Paths.join(directory, "env/\(name).yaml"), Paths.join(directory, "../env/\(name).yaml")]
            if let found = fileSystem.readFirst(candidates) {
                // A YAML error in the file is reported by parseYAML itself.
                if let first = context.parseYAML(found.text, path: found.path)?.first {
                    properties = Value(yaml: first.value).stringKeyed
                }
            } else {
                context.error("load.missing-env", "no property file for --env \(name)", at: nil, hint: "looked for \(candidates.joined(separator: ", "))")
            }
        }
        guard let playbook, context.diagnostics.isEmpty else {
            return .failure(TemplateRendering.Failure(diagnostics: context.diagnostics, files: context.files.merging(templateFiles) { a, _ in a }))
        }
        let options = RunOptions(
            mode: mode, tags: TagFilter(only: arguments.tags, skip: arguments.skipTags), extraVariables: extra,
            environmentProperties: properties, environmentName: arguments.env,
            processEnvironment: ProcessInfo.processInfo.environment)
        return .success(LoadedRun(playbook: playbook, context: context, options: options))
    }

    /// `roles_path` from `./ansible.cfg`, as Ansible reads it, plus `./roles`.
    static func rolesPaths(fileSystem: any EngineFileSystem) -> [String] {
        var paths: [String] = []
        if let config = fileSystem.readFile("ansible.cfg") {
            for line in config.split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0] == "roles_path" {
                    paths += parts[1].split(separator: ":").map { Paths.normalize(String($0)) }
                }
            }
        }
        return paths + ["roles"]
    }
}

/// The engine's files as the template engine's, for `-e @file`.
struct TemplateFilesAdapter: TemplateFileSystem {
    let fileSystem: any EngineFileSystem
    init(_ fileSystem: any EngineFileSystem) { self.fileSystem = fileSystem }
    func readFile(_ path: String) -> String? { fileSystem.readFile(path) }
    func listDirectory(_ path: String) -> [String]? { fileSystem.listDirectory(path) }
}
