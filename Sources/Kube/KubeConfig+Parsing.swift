import Diagnostics
import YAML

extension KubeConfig {
    /// Reads one kubeconfig file's text. Relative paths inside resolve against the file's
    /// directory; `~/` at the start of a path is the home directory (kubectl leaves it alone, but
    /// nobody means a folder named `~`).
    ///
    /// An empty file is an empty config, as for kubectl. Bad YAML gives a `kube.config` error that
    /// starts with `file:line:col`.
    package static func parse(_ text: String, path: String, homeDirectory: String?) throws(KubeError) -> KubeConfig {
        let documents: [YAMLValue]
        do {
            documents = try YAMLLoader.loadValues(text, path: path)
        } catch {
            let lines = error.diagnostics.map { diagnostic in
                "\(diagnostic.span.map { "\($0): " } ?? "\(path): ")\(diagnostic.summary)"
            }
            throw .config("kubeconfig \(path) is not valid YAML: \(lines.joined(separator: "; "))")
        }
        var parser = KubeConfigParser(path: path, homeDirectory: homeDirectory)
        guard let document = documents.first, document != .null else { return parser.config }
        try parser.read(document)
        return parser.config
    }
}

/// Walks one kubeconfig document into a `KubeConfig`.
struct KubeConfigParser {
    let path: String
    let directory: String
    let homeDirectory: String?
    var config = KubeConfig()

    init(path: String, homeDirectory: String?) {
        self.path = path
        self.homeDirectory = homeDirectory
        if let slash = path.lastIndex(of: "/") {
            self.directory = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            self.directory = "."
        }
        config.files = [path]
    }

    mutating func read(_ document: YAMLValue) throws(KubeError) {
        guard case .mapping = document else { throw problem("the top level must be a mapping") }
        config.currentContext = try string(document["current-context"], "current-context").flatMap { $0.isEmpty ? nil : $0 }
        for (name, entry) in try namedEntries(document, list: "clusters", field: "cluster") where config.clusters[name] == nil {
            config.clusters[name] = try cluster(entry, name: name)
        }
        for (name, entry) in try namedEntries(document, list: "users", field: "user") where config.users[name] == nil {
            config.users[name] = try user(entry, name: name)
        }
        for (name, entry) in try namedEntries(document, list: "contexts", field: "context") where config.contexts[name] == nil {
            let where_ = "context '\(name)'"
            config.contexts[name] = KubeConfig.Context(
                cluster: try string(entry["cluster"], "\(where_) cluster") ?? "", user: try string(entry["user"], "\(where_) user") ?? "",
                namespace: try string(entry["namespace"], "\(where_) namespace").flatMap { $0.isEmpty ? nil : $0 }, origin: path)
        }
    }

    /// `list: [{name: N, field: {...}}]` as (N, {...}) pairs, in order.
    private func namedEntries(_ document: YAMLValue, list: String, field: String) throws(KubeError) -> [(String, YAMLValue)] {
        guard let value = document[list], value != .null else { return [] }
        guard case .sequence(let items) = value else { throw problem("'\(list)' must be a list") }
        var entries: [(String, YAMLValue)] = []
        for (index, item) in items.enumerated() {
            guard let name = try string(item["name"], "\(list)[\(index)].name"), !name.isEmpty else {
                throw problem("\(list)[\(index)] has no name")
            }
            var body = item[field] ?? .mapping([])
            if body == .null { body = .mapping([]) }
            guard case .mapping = body else { throw problem("\(list)[\(index)] ('\(name)'): '\(field)' must be a mapping") }
            entries.append((name, body))
        }
        return entries
    }

    private func cluster(_ entry: YAMLValue, name: String) throws(KubeError) -> KubeConfig.Cluster {
        let label = "cluster '\(name)'"
        var cluster = KubeConfig.Cluster(origin: path)
        cluster.server = try string(entry["server"], "\(label) server")
        cluster.certificateAuthority = try filePath(entry["certificate-authority"], "\(label) certificate-authority")
        cluster.certificateAuthorityData = try string(entry["certificate-authority-data"], "\(label) certificate-authority-data")
        cluster.insecureSkipTLSVerify = try bool(entry["insecure-skip-tls-verify"], "\(label) insecure-skip-tls-verify")
        cluster.tlsServerName = try string(entry["tls-server-name"], "\(label) tls-server-name").flatMap { $0.isEmpty ? nil : $0 }
        cluster.proxyURL = try string(entry["proxy-url"], "\(label) proxy-url").flatMap { $0.isEmpty ? nil : $0 }
        if case .sequence(let extensions) = entry["extensions"] ?? .null {
            for item in extensions where item["name"]?.stringValue == "client.authentication.k8s.io/exec" {
                cluster.execExtension = item["extension"]
            }
        }
        return cluster
    }

    private func user(_ entry: YAMLValue, name: String) throws(KubeError) -> KubeConfig.User {
        let label = "user '\(name)'"
        var user = KubeConfig.User(origin: path)
        user.clientCertificate = try filePath(entry["client-certificate"], "\(label) client-certificate")
        user.clientCertificateData = try string(entry["client-certificate-data"], "\(label) client-certificate-data")
        user.clientKey = try filePath(entry["client-key"], "\(label) client-key")
        user.clientKeyData = try string(entry["client-key-data"], "\(label) client-key-data").map(KubeSecret.init)
        user.token = try string(entry["token"], "\(label) token").flatMap { $0.isEmpty ? nil : KubeSecret($0) }
        user.tokenFile = try filePath(entry["tokenFile"], "\(label) tokenFile")
        user.username = try string(entry["username"], "\(label) username").flatMap { $0.isEmpty ? nil : $0 }
        user.password = try string(entry["password"], "\(label) password").map(KubeSecret.init)
        user.authProvider = entry["auth-provider"].flatMap { $0["name"]?.stringValue ?? "unnamed" }
        user.impersonate = try string(entry["as"], "\(label) as").flatMap { $0.isEmpty ? nil : $0 }
        if let exec = entry["exec"], exec != .null {
            user.exec = try execPlugin(exec, label: label)
        }
        return user
    }

    private func execPlugin(_ exec: YAMLValue, label: String) throws(KubeError) -> KubeExecPlugin {
        let label = "\(label) exec"
        guard let command = try string(exec["command"], "\(label) command"), !command.isEmpty else {
            throw problem("\(label) has no command")
        }
        let apiVersion = try string(exec["apiVersion"], "\(label) apiVersion") ?? ""
        guard KubeExecPlugin.supportedAPIVersions.contains(apiVersion) else {
            throw problem(
                "\(label) apiVersion '\(apiVersion)' is not supported; use one of \(KubeExecPlugin.supportedAPIVersions.joined(separator: ", "))")
        }
        var plugin = KubeExecPlugin(apiVersion: apiVersion, command: command.contains("/") ? resolve(command) : command)
        if case .sequence(let arguments) = exec["args"] ?? .null {
            for (index, argument) in arguments.enumerated() {
                plugin.arguments.append(try scalarText(argument, "\(label) args[\(index)]"))
            }
        }
        if case .sequence(let variables) = exec["env"] ?? .null {
            for (index, variable) in variables.enumerated() {
                guard let name = variable["name"]?.stringValue else { throw problem("\(label) env[\(index)] has no name") }
                plugin.environment.append(KubeSecretPair(name: name, value: try scalarText(variable["value"] ?? .string(""), "\(label) env \(name)")))
            }
        }
        if let mode = try string(exec["interactiveMode"], "\(label) interactiveMode"), !mode.isEmpty {
            guard let parsed = KubeExecPlugin.InteractiveMode(rawValue: mode) else {
                throw problem("\(label) interactiveMode '\(mode)' is not one of Never, IfAvailable, Always")
            }
            plugin.interactiveMode = parsed
        }
        plugin.installHint = try string(exec["installHint"], "\(label) installHint").flatMap { $0.isEmpty ? nil : $0 }
        plugin.provideClusterInfo = try bool(exec["provideClusterInfo"], "\(label) provideClusterInfo")
        return plugin
    }

    // MARK: - Scalars

    private func string(_ value: YAMLValue?, _ what: String) throws(KubeError) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw problem("\(what) must be a string")
        }
    }

    /// A scalar as text (args and env values are strings, but YAML may read `8080` as a number).
    private func scalarText(_ value: YAMLValue, _ what: String) throws(KubeError) -> String {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .float(let number): return String(number)
        case .null: return ""
        case .sequence, .mapping: throw problem("\(what) must be a string")
        }
    }

    private func bool(_ value: YAMLValue?, _ what: String) throws(KubeError) -> Bool {
        switch value {
        case nil, .null?: return false
        case .bool(let flag)?: return flag
        case .string("true")?: return true
        case .string("false")?: return false
        default: throw problem("\(what) must be true or false")
        }
    }

    private func filePath(_ value: YAMLValue?, _ what: String) throws(KubeError) -> String? {
        guard let text = try string(value, what), !text.isEmpty else { return nil }
        return resolve(text)
    }

    /// An absolute path: `~/…` under the home directory, anything relative under the file's directory.
    func resolve(_ text: String) -> String {
        if text.hasPrefix("/") { return text }
        if let homeDirectory, text == "~" || text.hasPrefix("~/") { return homeDirectory + text.dropFirst() }
        return directory == "/" ? "/" + text : "\(directory)/\(text)"
    }

    private func problem(_ message: String) -> KubeError {
        .config("kubeconfig \(path): \(message)")
    }
}
