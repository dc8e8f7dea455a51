import Diagnostics
import Synchronization

/// Reads template and lookup files; the only way the template engine touches the disk.
package protocol TemplateFileSystem: Sendable {
    /// The file's text, or nil when it does not exist or is not readable.
    func readFile(_ path: String) -> String?
    /// The names in a directory, or nil when it is not one.
    func listDirectory(_ path: String) -> [String]?
}

/// Everything a render needs besides the variables: settings, filters, tests, lookups, files.
///
/// Immutable and `Sendable`; the parse cache inside is shared safely by every copy.
package struct TemplateEnvironment: Sendable {
    package var options: TemplateOptions
    package var filters: [String: FilterDefinition]
    package var tests: [String: TestDefinition]
    package var lookups: [String: LookupDefinition]
    package var fileSystem: (any TemplateFileSystem)?
    /// Folders searched for `include`, `import` and `lookup('template')` before the including
    /// template's own folder (a role's `templates/` comes first here).
    package var searchPaths: [String]
    /// The process environment, for `lookup('env', …)`.
    package var environmentVariables: [String: String]
    let cache: TemplateCache

    package init(
        options: TemplateOptions = .ansible,
        fileSystem: (any TemplateFileSystem)? = nil,
        searchPaths: [String] = [],
        environmentVariables: [String: String] = [:]
    ) {
        self.options = options
        self.filters = BuiltinFilters.all
        self.tests = BuiltinTests.all
        self.lookups = BuiltinLookups.all
        self.fileSystem = fileSystem
        self.searchPaths = searchPaths
        self.environmentVariables = environmentVariables
        self.cache = TemplateCache()
    }

    /// Parses template text; errors carry spans in `path` shifted by `origin`.
    package func parse(
        _ text: String, path: String, origin: SourcePosition = SourcePosition(line: 1, column: 1)
    ) throws(TemplateError) -> Template {
        let source = TemplateSource(text: text, path: path, origin: origin)
        return try parse(source, options: options)
    }

    func parse(_ source: TemplateSource, options: TemplateOptions) throws(TemplateError) -> Template {
        do {
            let tokens = try Lexer.tokenize(source.text, options: options)
            var parser = Parser(tokens: tokens, filters: filters, tests: tests)
            parser.newlineOffsets = source.file.lineStarts.dropFirst().map { $0 - 1 }
            let nodes = try parser.parseTemplate()
            return Template(source: source, nodes: nodes, blocks: parser.blocks)
        } catch {
            throw source.locate(error)
        }
    }

    /// Renders a parsed template to text.
    package func render(_ template: Template, variables: any VariableSource) throws(TemplateError) -> String {
        try renderReportingEmission(template, variables: variables).text
    }

    /// Renders, and says whether any data or output node ran at all.
    func renderReportingEmission(_ template: Template, variables: any VariableSource) throws(TemplateError) -> (text: String, emitted: Bool) {
        var renderer = Renderer(environment: self, template: template, globals: variables)
        let text = try renderer.renderTemplate()
        return (text, renderer.emitted)
    }

    /// Renders with Ansible's native-results rule: a template that is exactly one `{{ expr }}`
    /// yields the expression's value; anything else yields a string.
    package func renderNative(_ template: Template, variables: any VariableSource) throws(TemplateError) -> Value {
        guard let expression = template.singleExpression else {
            return .string(try render(template, variables: variables))
        }
        var renderer = Renderer(environment: self, template: template, globals: variables)
        return try renderer.evaluateTopLevel(expression)
    }

    /// Evaluates a bare expression such as a `when:` condition (no braces).
    package func evaluate(
        expression text: String, path: String, origin: SourcePosition = SourcePosition(line: 1, column: 1),
        variables: any VariableSource
    ) throws(TemplateError) -> Value {
        let wrapped = options.variableStart + " " + text + " " + options.variableEnd
        let shifted = SourcePosition(line: origin.line, column: origin.column - options.variableStart.count - 1)
        let template = try parse(TemplateSource(text: wrapped, path: path, origin: shifted), options: options)
        return try renderNative(template, variables: variables)
    }

    /// Finds and parses a template referenced by `include`, `import` or `lookup('template')`.
    func loadTemplate(named name: String, from includingPath: String) throws(TemplateError) -> Template? {
        guard let fileSystem else {
            throw TemplateError(.include, "cannot load '\(name)': no file access in this context")
        }
        for candidate in candidatePaths(for: name, from: includingPath) {
            if let cached = cache.template(at: candidate) { return cached }
            if let text = fileSystem.readFile(candidate) {
                let template = try parse(TemplateSource(text: text, path: candidate), options: options)
                cache.store(template, at: candidate)
                return template
            }
        }
        return nil
    }

    /// Where a relative name is looked for: the search paths (a role's `templates/` first), then
    /// the including file's folder, as Ansible's template module sets Jinja2's search path.
    func candidatePaths(for name: String, from includingPath: String) -> [String] {
        if name.hasPrefix("/") { return [name] }
        var folders = searchPaths
        if let slash = includingPath.lastIndex(of: "/") {
            folders.append(String(includingPath[..<slash]))
        } else {
            folders.append(".")
        }
        var seen = Set<String>()
        return folders.map { $0 == "." ? name : $0 + "/" + name }.filter { seen.insert($0).inserted }
    }
}

/// Parsed templates by path, shared by every copy of an environment.
final class TemplateCache: Sendable {
    private let storage = Mutex<[String: Template]>([:])

    func template(at path: String) -> Template? { storage.withLock { $0[path] } }

    func store(_ template: Template, at path: String) { storage.withLock { $0[path] = template } }
}
