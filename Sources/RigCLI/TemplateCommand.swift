import ArgumentParser
import Diagnostics
import Foundation
import Template

/// `rig template FILE.j2`: renders one template with the template module's semantics.
struct TemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Render one Jinja2 template as Ansible's template module would, to stdout.",
        discussion: """
            Defaults are the template module's: trim_blocks on, lstrip_blocks off, trailing newlines kept; a first line '#jinja2: lstrip_blocks: True' overrides them. Includes and lookup('template') search the template's folder and a 'templates/' folder beside it.
            """
    )

    @Argument(help: "The template file.")
    var file: String

    @OptionGroup var variables: VariableOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let console = Console(noColor: output.noColor)
        let result = TemplateRendering.run(file: file, extraVars: variables.extraVars)
        switch result {
        case .success(let text):
            console.out(text)
        case .failure(let failure):
            console.report(failure.diagnostics, files: failure.files)
            throw RigExitCode.inputError.exitCode
        }
    }
}

/// The work behind `rig template`, separate from argument parsing so tests call it directly.
package enum TemplateRendering {
    package struct Failure: Error {
        package var diagnostics: [Diagnostic]
        package var files: [String: SourceFile]
    }

    package static func run(
        file: String, extraVars: [String], fileSystem: any TemplateFileSystem = LocalFileSystem(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Result<String, Failure> {
        guard let text = fileSystem.readFile(file) else {
            let diagnostic = Diagnostic(code: "template.missing", summary: "cannot read template '\(file)'", span: nil, hint: "check the path")
            return .failure(Failure(diagnostics: [diagnostic], files: [:]))
        }
        var files = [file: SourceFile(path: file, text: text)]
        let variables: [String: Value]
        do {
            variables = try ExtraVars.parse(extraVars, fileSystem: fileSystem, files: &files)
        } catch {
            return .failure(Failure(diagnostics: error.diagnostics, files: files))
        }
        let folder = file.lastIndex(of: "/").map { String(file[..<$0]) } ?? "."
        let templateEnvironment = TemplateEnvironment(
            fileSystem: fileSystem, searchPaths: [folder + "/templates"], environmentVariables: environment)
        do {
            let rendered = try AnsibleTemplate.render(
                text: text, path: file, environment: templateEnvironment,
                variables: TemplatedVariables(VariableTable(variables), environment: templateEnvironment))
            return .success(rendered)
        } catch {
            if let span = error.span, files[span.path] == nil, let other = fileSystem.readFile(span.path) {
                files[span.path] = SourceFile(path: span.path, text: other)
            }
            return .failure(Failure(diagnostics: [error.diagnostic], files: files))
        }
    }
}
