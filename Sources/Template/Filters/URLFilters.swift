import OrderedCollections

/// Ansible's `urlsplit`: Python's `urllib.parse.urlsplit`, as a dict of its parts or one part.
enum URLFilters {
    static let all: [FilterDefinition] = [
        FilterDefinition("urlsplit", body: urlsplit)
    ]

    /// `urlsplit(query='')`.
    static func urlsplit(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("urlsplit", ["query"]).bind(arguments)
        let parts = try URLParts(try StringFilters.requireString(value, for: "urlsplit")).dictionary()
        let query = try bound.string("query", default: "")
        guard !query.isEmpty else { return .dict(parts) }
        guard let part = parts[.string(query)] else { throw .value("urlsplit: unknown URL component: \(query)") }
        return part
    }
}

/// `urllib.parse.SplitResult` and its derived properties (CPython 3.11).
private struct URLParts {
    var scheme = ""
    var netloc = ""
    var path = ""
    var query = ""
    var fragment = ""

    init(_ url: String) throws(TemplateError) {
        var rest = String(url.unicodeScalars.filter { $0 != "\t" && $0 != "\r" && $0 != "\n" }.map(Character.init))
        rest = String(rest.drop { $0.unicodeScalars.allSatisfy { $0.value <= 0x20 } })
        if let colon = rest.firstIndex(of: ":"), colon != rest.startIndex, let first = rest.first,
            first.isASCII, first.isLetter,
            rest[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        {
            scheme = rest[..<colon].lowercased()
            rest = String(rest[rest.index(after: colon)...])
        }
        if rest.hasPrefix("//") {
            let afterSlashes = rest.dropFirst(2)
            let end = afterSlashes.firstIndex { "/?#".contains($0) } ?? afterSlashes.endIndex
            netloc = String(afterSlashes[..<end])
            rest = String(afterSlashes[end...])
            if netloc.contains("[") != netloc.contains("]") { throw .value("Invalid IPv6 URL") }
        }
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = String(rest[..<hash])
        }
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: question)...])
            rest = String(rest[..<question])
        }
        path = rest
    }

    private var userInfo: String? {
        guard let at = netloc.lastIndex(of: "@") else { return nil }
        return String(netloc[..<at])
    }

    private var hostInfo: (host: String, port: String?) {
        let info = netloc.lastIndex(of: "@").map { String(netloc[netloc.index(after: $0)...]) } ?? netloc
        var host: Substring
        var port: Substring
        if let open = info.firstIndex(of: "[") {
            let bracketed = info[info.index(after: open)...]
            let close = bracketed.firstIndex(of: "]") ?? bracketed.endIndex
            host = bracketed[..<close]
            let after = close < bracketed.endIndex ? bracketed[bracketed.index(after: close)...] : ""
            port = after.firstIndex(of: ":").map { after[after.index(after: $0)...] } ?? ""
        } else {
            let colon = info.firstIndex(of: ":")
            host = info[..<(colon ?? info.endIndex)]
            port = colon.map { info[info.index(after: $0)...] } ?? ""
        }
        return (String(host), port.isEmpty ? nil : String(port))
    }

    private func portValue() throws(TemplateError) -> Value {
        guard let port = hostInfo.port else { return .none }
        guard port.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(port) else {
            throw .value("Port could not be cast to integer value as '\(port)'")
        }
        guard (0...65535).contains(number) else { throw .value("Port out of range 0-65535") }
        return .int(number)
    }

    private var hostname: Value {
        let host = hostInfo.host
        guard !host.isEmpty else { return .none }
        guard let percent = host.firstIndex(of: "%") else { return .string(host.lowercased()) }
        return .string(host[..<percent].lowercased() + host[percent...])
    }

    /// The parts in `dir()` order, as Ansible's `object_to_dict` lists them.
    func dictionary() throws(TemplateError) -> OrderedDictionary<Value, Value> {
        let user = userInfo
        let username = user.map { info in String(info.prefix { $0 != ":" }) }
        let password = user.flatMap { info in info.firstIndex(of: ":").map { String(info[info.index(after: $0)...]) } }
        var parts = OrderedDictionary<Value, Value>()
        parts[.string("fragment")] = .string(fragment)
        parts[.string("hostname")] = hostname
        parts[.string("netloc")] = .string(netloc)
        parts[.string("password")] = password.map(Value.string) ?? Value.none
        parts[.string("path")] = .string(path)
        parts[.string("port")] = try portValue()
        parts[.string("query")] = .string(query)
        parts[.string("scheme")] = .string(scheme)
        parts[.string("username")] = username.map(Value.string) ?? Value.none
        return parts
    }
}
