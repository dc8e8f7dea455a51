import Diagnostics

extension YAMLComposer {
    mutating func sequenceNode(_ items: [YAMLNode], properties: YAMLEventProperties, span: SourceSpan)
        -> YAMLNode
    {
        checkCollectionTag(properties.tag, kind: "sequence", span: span)
        return YAMLNode(content: .sequence(items), span: span, tag: properties.tag)
    }

    /// A mapping as PyYAML's `SafeConstructor` builds it: merge keys flattened first (earlier
    /// merged mappings win over later ones, explicit keys over all), then pairs inserted in
    /// order, a repeated key keeping its first position and taking the later value.
    ///
    /// Explicit keys written twice are an error (Ansible only warns); a key that overrides a
    /// merged one is the point of merging and is not.
    mutating func mappingNode(_ pairs: [YAMLNodePair], properties: YAMLEventProperties, span: SourceSpan)
        -> YAMLNode
    {
        var merged: [YAMLNodePair] = []
        var explicit: [YAMLNodePair] = []
        for pair in pairs {
            if Self.isMergeKey(pair.key) {
                merged.append(contentsOf: mergedPairs(pair.value))
            } else {
                explicit.append(pair)
            }
        }
        checkDuplicates(explicit)
        var result: [YAMLNodePair] = []
        var positions: [YAMLKeyIdentity: Int] = [:]
        for pair in merged + explicit {
            guard let identity = YAMLKeyIdentity(pair.key.value) else {
                result.append(pair)
                continue
            }
            if let position = positions[identity] {
                result[position].value = pair.value
            } else {
                positions[identity] = result.count
                result.append(pair)
            }
        }
        checkCollectionTag(properties.tag, kind: "mapping", span: span)
        return YAMLNode(content: .mapping(result), span: span, tag: properties.tag)
    }

    private static func isMergeKey(_ key: YAMLNode) -> Bool {
        guard case .scalar(let scalar) = key.content else { return false }
        if key.tag == YAMLTag.merge { return true }
        let implicit = key.tag == nil ? scalar.style == .plain : key.tag == YAMLTag.nonSpecific
        return implicit && scalar.text == "<<"
    }

    /// The pairs a `<<` value contributes: a mapping's pairs, or for a list of mappings the
    /// pairs of the last one first so that earlier mappings override later ones.
    private mutating func mergedPairs(_ value: YAMLNode) -> [YAMLNodePair] {
        switch value.content {
        case .mapping(let pairs):
            return pairs
        case .sequence(let items):
            var groups: [[YAMLNodePair]] = []
            for item in items {
                guard case .mapping(let pairs) = item.content else {
                    record(.yamlMerge(span: item.span))
                    continue
                }
                groups.append(pairs)
            }
            return groups.reversed().flatMap { $0 }
        case .scalar:
            record(.yamlMerge(span: value.span))
            return []
        }
    }

    private mutating func checkDuplicates(_ pairs: [YAMLNodePair]) {
        var seen: [YAMLKeyIdentity: YAMLNode] = [:]
        for pair in pairs {
            switch pair.key.content {
            case .sequence, .mapping:
                record(.yamlUnhashableKey(span: pair.key.span))
                continue
            case .scalar:
                break
            }
            guard let identity = YAMLKeyIdentity(pair.key.value) else { continue }
            if let first = seen[identity] {
                record(.yamlDuplicateKey(Self.keyText(pair.key), span: pair.key.span, first: first.span))
            } else {
                seen[identity] = pair.key
            }
        }
    }

    private static func keyText(_ key: YAMLNode) -> String {
        guard case .scalar(let scalar) = key.content else { return "" }
        return scalar.text
    }
}

/// Key equality as Python's dict sees it: `1`, `1.0` and `true` are the same key, strings
/// compare by code points, and NaN (a new object for every scalar) never repeats.
enum YAMLKeyIdentity: Hashable {
    case null
    case integer(Int)
    case float(UInt64)
    case string([UInt32])

    init?(_ value: YAMLValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .integer(flag ? 1 : 0)
        case .int(let number): self = .integer(number)
        case .float(let number):
            if number.isNaN { return nil }
            if number == number.rounded(), let exact = Int(exactly: number) {
                self = .integer(exact)
            } else {
                self = .float((number == 0 ? 0.0 : number).bitPattern)
            }
        case .string(let text): self = .string(text.unicodeScalars.map(\.value))
        case .sequence, .mapping: return nil
        }
    }
}
