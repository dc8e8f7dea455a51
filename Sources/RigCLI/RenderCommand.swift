import ArgumentParser
import Diagnostics
import Engine
import Foundation
import Template
import YAML

/// `rig render PLAYBOOK`: every object, values file and stream the run would apply, offline.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Show every manifest, values file and stream the run would apply, without a cluster or network.",
        discussion: """
            Documents come in task order as multi-document YAML on stdout, each with a comment naming its task and location; with --out DIR, one file per document. Local tasks (debug, set_fact, assert, fail) run; shell and command do not.
            """
    )

    @OptionGroup var run: PlaybookOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Write one file per document into this folder instead of stdout.")
    var out: String?

    func run() async throws {
        let console = Console(noColor: output.noColor)
        let code = await PlaybookRendering.render(run, out: out, console: console)
        if code != .success { throw code.exitCode }
    }
}

/// `rig validate PLAYBOOK`: load and check everything, report every error, change nothing.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Load and check the playbook, its roles, files, templates and module options; report every error."
    )

    @OptionGroup var run: PlaybookOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let console = Console(noColor: output.noColor)
        let code = await PlaybookRendering.render(run, out: nil, console: console, quiet: true)
        if code == .success { console.err("\(run.playbook): ok\n") }
        if code != .success { throw code.exitCode }
    }
}

/// The work behind `render` and `validate`.
enum PlaybookRendering {
    /// Walks the playbook offline. With `failOnTasks: false` (apply's pre-check), only input
    /// errors count: a task that fails on purpose is the real run's business.
    static func render(
        _ arguments: PlaybookOptions, out: String?, console: Console, quiet: Bool = false, failOnTasks: Bool = true
    ) async -> RigExitCode {
        switch LoadedRun.load(arguments, mode: .render) {
        case .failure(let failure):
            console.report(failure.diagnostics, files: failure.files)
            return .inputError
        case .success(let loaded):
            return await walk(loaded, out: out, console: console, quiet: quiet, failOnTasks: failOnTasks)
        }
    }

    /// The offline walk over an already loaded run: documents out, or the first failure reported.
    static func walk(
        _ loaded: LoadedRun, out: String?, console: Console, quiet: Bool = false, failOnTasks: Bool = true
    ) async -> RigExitCode {
        var loaded = loaded
        loaded.options.mode = .render
        var documents: [RenderedDocument] = []
        var failure: TaskEvent?
        let runner = Runner(playbook: loaded.playbook, options: loaded.options, context: loaded.context) { event in
            switch event {
            case .rendered(let document): documents.append(document)
            case .task(let task) where task.status == .failed: failure = task
            default: break
            }
        }
        await runner.run()
        if let failure, let diagnostic = failure.diagnostic {
            let isInputError = diagnostic.code.hasPrefix("template.")
            if isInputError || failOnTasks {
                console.report([diagnostic], files: loaded.context.files)
                return isInputError ? .inputError : .taskFailed
            }
        }
        guard !quiet else { return .success }
        if let out {
            return write(documents, to: out, console: console)
        }
        console.out(documents.map { DocumentText.render($0, showing: $0.printable) }.joined())
        return .success
    }

    static func write(_ documents: [RenderedDocument], to folder: String, console: Console) -> RigExitCode {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (index, document) in documents.enumerated() {
                let name = String(format: "%02d-%@.yaml", index + 1, document.fileName)
                let path = folder + "/" + name
                let text = DocumentText.render(document)
                // A document with secrets is written for its owner only.
                let mode: Int = document.masked == nil ? 0o644 : 0o600
                guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: mode]) else {
                    throw CocoaError(.fileWriteUnknown)
                }
                try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
            }
            console.err("wrote \(documents.count) documents to \(folder)\n")
            return .success
        } catch {
            console.err("error: cannot write to \(folder): \(error.localizedDescription)\n")
            return .inputError
        }
    }
}

/// A rendered document as text: a `---` separator, a comment naming the task, then YAML.
/// Keys keep the order they were written in; strings that would read back as something else
/// are quoted.
package enum DocumentText {
    static let options = YAMLEmitOptions(indent: 2, width: -1, flowStyle: .block, sortKeys: false)

    package static func render(_ document: RenderedDocument, showing value: Value? = nil) -> String {
        var text = "---\n# \(document.title)\n# task: \(document.task) (\(document.location))\n"
        let shown = value ?? document.value
        if case .string(let content) = shown {
            text += content.hasSuffix("\n") || content.isEmpty ? content : content + "\n"
        } else {
            do {
                text += YAMLEmitter.emit(try shown.yamlValue(), options: options)
            } catch {
                // A value with no YAML form (a macro, omit, an undefined): say so instead of an empty document.
                text += "# cannot be written as YAML: \(error.message)\n"
            }
        }
        return text
    }
}
