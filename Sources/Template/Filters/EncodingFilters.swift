import Crypto

/// Encodings and digests: `b64encode`, `b64decode`, `hash`, `checksum`, `sha1`, `md5`,
/// `to_uuid`, `urlencode`, `urldecode`.
enum EncodingFilters {
    static let all: [FilterDefinition] = [
        FilterDefinition("b64encode", body: b64encode),
        FilterDefinition("b64decode", body: b64decode),
        FilterDefinition("hash", body: hash),
        FilterDefinition("checksum") { value, arguments, _ throws(TemplateError) in
            _ = try Signature("checksum").bind(arguments)
            return .string(try digest(value, "sha1"))
        },
        FilterDefinition("sha1") { value, arguments, _ throws(TemplateError) in
            _ = try Signature("sha1").bind(arguments)
            return .string(try digest(value, "sha1"))
        },
        FilterDefinition("md5") { value, arguments, _ throws(TemplateError) in
            _ = try Signature("md5").bind(arguments)
            return .string(try digest(value, "md5"))
        },
        FilterDefinition("to_uuid", body: toUUID),
        FilterDefinition("urlencode", body: urlencode),
        FilterDefinition("urldecode", body: urldecode),
    ]

    /// Ansible's `b64encode(encoding='utf-8', urlsafe=False)`.
    static func b64encode(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("b64encode", ["encoding", "urlsafe"]).bind(arguments)
        let encoding = try TextEncoding(try bound.string("encoding", default: "utf-8"))
        let bytes = try encoding.encode(try value.pythonString())
        return .string(Base64.encode(bytes, urlSafe: try bound.bool("urlsafe", default: false)))
    }

    /// Ansible's `b64decode(encoding='utf-8', urlsafe=False)`: lenient like Python's
    /// `base64.b64decode` (characters outside the alphabet are skipped).
    static func b64decode(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("b64decode", ["encoding", "urlsafe"]).bind(arguments)
        let encoding = try TextEncoding(try bound.string("encoding", default: "utf-8"))
        let bytes = try Base64.decode(try value.pythonString(), urlSafe: try bound.bool("urlsafe", default: false))
        return .string(encoding.decode(bytes))
    }

    /// Ansible's `hash(hashtype='sha1')`: the hex digest of `str(value)` in UTF-8.
    static func hash(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("hash", ["hashtype"]).bind(arguments)
        return .string(try digest(value, try bound.string("hashtype", default: "sha1")))
    }

    static func digest(_ value: Value, _ algorithm: String) throws(TemplateError) -> String {
        let data = Array(try value.pythonString().utf8)
        let bytes: [UInt8]
        switch algorithm.lowercased() {
        case "md5": bytes = Array(Insecure.MD5.hash(data: data))
        case "sha1": bytes = Array(Insecure.SHA1.hash(data: data))
        case "sha256": bytes = Array(SHA256.hash(data: data))
        case "sha384": bytes = Array(SHA384.hash(data: data))
        case "sha512": bytes = Array(SHA512.hash(data: data))
        default: throw .value("unsupported hash type \(algorithm)")
        }
        return hex(bytes)
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".unicodeScalars)
        var out = String.UnicodeScalarView()
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(out)
    }

    /// Ansible's `to_uuid(namespace='361e6d51-faec-444a-9079-341386da8e2e')`: a version-5 UUID.
    static func toUUID(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("to_uuid", ["namespace"]).bind(arguments)
        let namespaceText = try bound.string("namespace", default: "361E6D51-FAEC-444A-9079-341386DA8E2E")
        guard let namespace = parseUUID(namespaceText) else {
            throw .value("invalid value '\(namespaceText)' for 'namespace': badly formed hexadecimal UUID string")
        }
        var bytes = Array(Insecure.SHA1.hash(data: namespace + Array(try value.pythonString().utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let text = hex(bytes)
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(text.unicodeScalars.dropFirst(range.lowerBound).prefix(range.count))
        }
        return .string(parts.joined(separator: "-"))
    }

    /// Python's `uuid.UUID(text)`: 32 hex digits, with optional braces, `urn:uuid:` and dashes.
    private static func parseUUID(_ text: String) -> [UInt8]? {
        var body = text.replacingDashes()
        if body.hasPrefix("urn:uuid:") { body.removeFirst(9) }
        if body.hasPrefix("{"), body.hasSuffix("}") { body = String(body.dropFirst().dropLast()) }
        let scalars = Array(body.unicodeScalars)
        guard scalars.count == 32 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: 32, by: 2) {
            guard let byte = UInt8(String(scalars: scalars[index..<index + 2]), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }

    /// Jinja2's `urlencode`: a quoted string (keeping `/`), or `k=v&…` pairs for dicts and lists
    /// of pairs (with `+` for spaces).
    static func urlencode(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        _ = try Signature("urlencode").bind(arguments)
        let pairs: [(Value, Value)]
        switch value {
        case .dict(let dict): pairs = dict.map { ($0.key, $0.value) }
        case .list(let items), .tuple(let items):
            pairs = try items.map { (item: Value) throws(TemplateError) -> (Value, Value) in
                guard let pair = item.sequenceItems, pair.count == 2 else {
                    throw .value("urlencode(): expected (key, value) pairs, got \(item.pythonRepr())")
                }
                return (pair[0], pair[1])
            }
        default:
            return .string(percentEncode(try value.pythonString(), safe: "/"))
        }
        var parts: [String] = []
        for (key, item) in pairs {
            let encodedKey = PythonText.replace(percentEncode(try key.pythonString(), safe: ""), "%20", with: "+")
            let encodedValue = PythonText.replace(percentEncode(try item.pythonString(), safe: ""), "%20", with: "+")
            parts.append(encodedKey + "=" + encodedValue)
        }
        return .string(parts.joined(separator: "&"))
    }

    /// Python's `urllib.parse.quote_from_bytes` over UTF-8.
    private static func percentEncode(_ text: String, safe: String) -> String {
        let digits = Array("0123456789ABCDEF".unicodeScalars)
        var out = String.UnicodeScalarView()
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_.-~".unicodeScalars.contains(scalar)
                || safe.unicodeScalars.contains(scalar)
            {
                out.append(scalar)
            } else {
                out.append("%")
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0F)])
            }
        }
        return String(out)
    }

    /// Ansible's `urldecode`: Python's `unquote_plus` (`+` is a space, `%XX` bytes are UTF-8).
    static func urldecode(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        _ = try Signature("urldecode").bind(arguments)
        let scalars = Array(PythonText.replace(try value.pythonString(), "+", with: " ").utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < scalars.count {
            if scalars[index] == UInt8(ascii: "%"), index + 2 < scalars.count,
                let byte = UInt8(String(decoding: scalars[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(scalars[index])
                index += 1
            }
        }
        return .string(String(decoding: bytes, as: UTF8.self))
    }
}

extension String {
    fileprivate func replacingDashes() -> String {
        PythonText.replace(self, "-", with: "")
    }
}
