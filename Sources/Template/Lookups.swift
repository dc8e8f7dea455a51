import Diagnostics
import OrderedCollections

/// A lookup plugin: terms and options in, a list of values out.
package struct LookupDefinition: Sendable {
    package typealias Body = @Sendable ([Value], OrderedDictionary<String, Value>, LookupContext) throws(TemplateError) -> [Value]
    package var name: String
    package var body: Body

    package init(_ name: String, body: @escaping Body) {
        self.name = name
        self.body = body
    }
}

/// What a lookup can see: the environment (files, search paths, process environment), the
/// variables of the render, and the template it was called from.
package struct LookupContext: Sendable {
    package let environment: TemplateEnvironment
    package let variables: any VariableSource
    package let templatePath: String

    /// `lookup(name, *terms, wantlist=False, errors='strict', **options)` with Ansible's result
    /// shaping: `query` always gives a list; `lookup` joins strings with commas.
    func run(_ arguments: Arguments, alwaysList: Bool, span: SourceSpan?) throws(TemplateError) -> Value {
        guard let first = arguments.positional.first, case .string(let rawName) = first else {
            throw .arguments("lookup() needs the lookup's name as its first argument")
        }
        let name = Parser.shortName(rawName)
        guard let definition = environment.lookups[name] else {
            throw TemplateError(
                .unknownLookup, "no lookup named '\(rawName)'", span: span,
                hint: Suggestions.didYouMean(name, among: Array(environment.lookups.keys)))
        }
        var options = arguments.keyword
        let wantList = try options.removeValue(forKey: "wantlist")?.truthiness() ?? false
        let errors = try options.removeValue(forKey: "errors")?.pythonString() ?? "strict"
        var terms: [Value] = []
        for term in arguments.positional.dropFirst() {
            if case .undefined(let undefined) = term { throw .undefined(undefined) }
            terms.append(term)
        }
        let results: [Value]
        do {
            results = try definition.body(terms, options, self)
        } catch {
            switch errors {
            case "ignore": return alwaysList || wantList ? .list([]) : .none
            case "warn": return alwaysList || wantList ? .list([]) : .none
            default: throw error.located(at: span)
            }
        }
        if alwaysList || wantList { return .list(results) }
        if results.allSatisfy({ $0.stringValue != nil }) {
            return .string(results.compactMap(\.stringValue).joined(separator: ","))
        }
        return results.count == 1 ? results[0] : .list(results)
    }

    /// Candidate paths for a file named by a lookup: absolute, or under each search folder (and
    /// its sibling `files/` for role layouts), then beside the calling template.
    package func candidates(for name: String, subfolder: String) -> [String] {
        if name.hasPrefix("/") { return [name] }
        var folders: [String] = []
        for path in environment.searchPaths {
            if path.hasSuffix("/templates") {
                let role = String(path.dropLast("/templates".count))
                folders.append(role + "/" + subfolder)
                folders.append(role)
            } else {
                folders.append(path + "/" + subfolder)
                folders.append(path)
            }
        }
        let directory = templatePath.lastIndex(of: "/").map { String(templatePath[..<$0]) } ?? "."
        folders.append(directory + "/" + subfolder)
        folders.append(directory)
        var seen = Set<String>()
        return folders.map { $0 == "." ? name : $0 + "/" + name }.filter { seen.insert($0).inserted }
    }
}

/// The lookups infrastructure roles use: `env`, `vars`, `file`, `fileglob`, `template`, `items`.
package enum BuiltinLookups {
    package static let all: [String: LookupDefinition] = Dictionary(
        uniqueKeysWithValues: [env, vars, file, fileglob, template, items, list].map { ($0.name, $0) })

    static let env = LookupDefinition("env") { terms, options, context throws(TemplateError) in
        var results: [Value] = []
        for term in terms {
            let name = try term.pythonString()
            if let value = context.environment.environmentVariables[name] {
                results.append(.string(value))
            } else {
                results.append(options["default"] ?? .string(""))
            }
        }
        return results
    }

    static let vars = LookupDefinition("vars") { terms, options, context throws(TemplateError) in
        var results: [Value] = []
        for term in terms {
            let name = try term.pythonString()
            if let value = try context.variables.value(named: name) {
                results.append(value)
            } else if let fallback = options["default"] {
                results.append(fallback)
            } else {
                throw TemplateError(.undefined, "no variable found with this name: \(name)")
            }
        }
        return results
    }

    static let file = LookupDefinition("file") { terms, options, context throws(TemplateError) in
        var results: [Value] = []
        let strip = try options["rstrip"]?.truthiness() ?? true
        let lstrip = try options["lstrip"]?.truthiness() ?? false
        for term in terms {
            let name = try term.pythonString()
            guard let text = context.readFirst(context.candidates(for: name, subfolder: "files")) else {
                throw TemplateError(.lookup, "could not locate file in lookup: \(name)")
            }
            var content = text
            if strip { content = content.trimmingTrailingWhitespace() }
            if lstrip { content = String(content.drop(while: { $0.isWhitespace })) }
            results.append(.string(content))
        }
        return results
    }

    static let fileglob = LookupDefinition("fileglob") { terms, _, context throws(TemplateError) in
        var results: [Value] = []
        for term in terms {
            let pattern = try term.pythonString()
            let slash = pattern.lastIndex(of: "/")
            let folder = slash.map { String(pattern[..<$0]) } ?? ""
            let namePattern = slash.map { String(pattern[pattern.index(after: $0)...]) } ?? pattern
            for candidate in context.candidates(for: folder.isEmpty ? "." : folder, subfolder: "files") {
                guard let names = context.environment.fileSystem?.listDirectory(candidate) else { continue }
                let matched = names.filter { Glob.matches($0, pattern: namePattern) }.sorted()
                results += matched.map { .string(candidate == "." ? $0 : candidate + "/" + $0) }
                if !matched.isEmpty { break }
            }
        }
        return results
    }

    static let template = LookupDefinition("template") { terms, options, context throws(TemplateError) in
        var results: [Value] = []
        for term in terms {
            let name = try term.pythonString()
            let paths = context.candidates(for: name, subfolder: "templates")
            guard let path = paths.first(where: { context.environment.fileSystem?.readFile($0) != nil }),
                let text = context.environment.fileSystem?.readFile(path)
            else {
                throw TemplateError(.lookup, "the template file \(name) could not be found for the lookup")
            }
            var variables: any VariableSource = context.variables
            if case .dict(let extra) = options["template_vars"] ?? .none {
                variables = LayeredVariables(base: context.variables, overrides: VariableTable(extra))
            }
            results.append(.string(try AnsibleTemplate.render(text: text, path: path, environment: context.environment, variables: variables)))
        }
        return results
    }

    static let items = LookupDefinition("items") { terms, _, _ throws(TemplateError) in
        terms.flatMap { $0.sequenceItems ?? [$0] }
    }

    static let list = LookupDefinition("list") { terms, _, _ throws(TemplateError) in terms }
}

extension LookupContext {
    func readFirst(_ paths: [String]) -> String? {
        for path in paths {
            if let text = environment.fileSystem?.readFile(path) { return text }
        }
        return nil
    }
}

/// Variables from `overrides` first, then `base`.
package struct LayeredVariables: VariableSource {
    package let base: any VariableSource
    package let overrides: any VariableSource

    package init(base: any VariableSource, overrides: any VariableSource) {
        self.base = base
        self.overrides = overrides
    }

    package func value(named name: String) throws(TemplateError) -> Value? {
        if let value = try overrides.value(named: name) { return value }
        return try base.value(named: name)
    }

    package var names: [String] { Array(Set(base.names + overrides.names)) }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var view = Substring(self)
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}

/// Shell-style wildcard matching (`*`, `?`, `[abc]`) for `fileglob`.
enum Glob {
    static func matches(_ name: String, pattern: String) -> Bool {
        match(Array(name.unicodeScalars)[...], Array(pattern.unicodeScalars)[...])
    }

    private static func match(_ name: ArraySlice<Unicode.Scalar>, _ pattern: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = pattern.first else { return name.isEmpty }
        switch first {
        case "*":
            var rest = name
            while true {
                if match(rest, pattern.dropFirst()) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case "?":
            return !name.isEmpty && match(name.dropFirst(), pattern.dropFirst())
        case "[":
            guard let close = pattern.dropFirst().firstIndex(of: "]"), let scalar = name.first else { return false }
            let set = pattern[pattern.index(after: pattern.startIndex)..<close]
            return set.contains(scalar) && match(name.dropFirst(), pattern[pattern.index(after: close)...])
        default:
            return name.first == first && match(name.dropFirst(), pattern.dropFirst())
        }
    }
}
