import YAML

/// How one NACK spec field (camelCase) becomes a JetStream config field (snake_case).
package struct NACKField: Sendable, Hashable {
    package enum Conversion: Sendable, Hashable {
        /// Copied as is (strings, integers, booleans, lists of strings, metadata).
        case plain
        /// A Go-style duration (`1h`) → integer nanoseconds.
        case duration
        /// A list of durations → a list of nanoseconds (`backoff`).
        case durations
        /// A string enum whose JetStream spelling differs (`byStartSequence` → `by_start_sequence`).
        case enumeration([String: String])
        /// A nested object with its own fields.
        case object([NACKField])
        /// A list of nested objects (`sources`).
        case objects([NACKField])
    }

    package var nack: String
    package var jetStream: String
    package var conversion: Conversion

    package init(_ nack: String, _ jetStream: String, _ conversion: Conversion = .plain) {
        self.nack = nack
        self.jetStream = jetStream
        self.conversion = conversion
    }

    /// Converts a NACK value; `path` names the field in errors.
    func convert(_ value: YAMLValue, path: String) throws(JetStreamError) -> YAMLValue {
        switch conversion {
        case .plain:
            return value
        case .duration:
            return .int(try Self.duration(value, path: path))
        case .durations:
            guard case .sequence(let items) = value else { throw .config("\(path) must be a list of durations like 1s, 5m") }
            var converted: [YAMLValue] = []
            for (index, item) in items.enumerated() { converted.append(.int(try Self.duration(item, path: "\(path)[\(index)]"))) }
            return .sequence(converted)
        case .enumeration(let spellings):
            guard let text = value.textValue else { throw .config("\(path) must be a string") }
            return .string(spellings[text] ?? text)
        case .object(let fields):
            return try Self.convert(value, fields: fields, path: path)
        case .objects(let fields):
            guard case .sequence(let items) = value else { throw .config("\(path) must be a list") }
            var converted: [YAMLValue] = []
            for (index, item) in items.enumerated() { converted.append(try Self.convert(item, fields: fields, path: "\(path)[\(index)]")) }
            return .sequence(converted)
        }
    }

    /// Converts a NACK mapping field by field; unknown fields are an error naming them.
    static func convert(_ value: YAMLValue, fields: [NACKField], path: String) throws(JetStreamError) -> YAMLValue {
        guard case .mapping(let pairs) = value else { throw .config("\(path) must be a mapping") }
        var result: YAMLValue = .mapping([])
        for pair in pairs {
            guard let key = pair.key.textValue else { throw .config("\(path) has a key that is not a string") }
            if pair.value == .null { continue }
            guard let field = fields.first(where: { $0.nack == key || $0.jetStream == key }) else {
                let known = fields.map(\.nack).joined(separator: ", ")
                throw .config("\(path).\(key) is not a field rig knows (known: \(known))")
            }
            let converted = try field.convert(pair.value, path: "\(path).\(key)")
            if field.jetStream.contains(".") {
                let parts = field.jetStream.split(separator: ".").map(String.init)
                var inner = result.member(parts[0]) ?? .mapping([])
                inner.put(parts[1], converted)
                result.put(parts[0], inner)
            } else {
                result.put(field.jetStream, converted)
            }
        }
        return result
    }

    static func duration(_ value: YAMLValue, path: String) throws(JetStreamError) -> Int {
        if let number = value.integerValue { return number }
        guard let text = value.textValue, let nanoseconds = JetStreamDuration.nanoseconds(text) else {
            throw .config("\(path) must be a duration like 30s, 5m, 1h or 1h30m (got \(value.jsonText))")
        }
        return nanoseconds
    }
}
