/// Writes plain data as YAML exactly as `yaml.dump(value, Dumper=yaml.CSafeDumper)` does, so
/// rig's `to_yaml`, `to_nice_yaml` and rendered files match Ansible's byte for byte.
///
/// Ansible dumps through `CSafeDumper` (PyYAML's representer driving libyaml's C emitter)
/// whenever PyYAML has libyaml, which is the usual install, and libyaml's output differs from
/// PyYAML's pure-Python emitter: no `...` after a plain root scalar, characters outside the
/// BMP and U+0085 always escaped, double-quoted scalars folded at spaces rather than with a
/// trailing `\`, simple keys measured in UTF-8 bytes. This follows libyaml; nothing in rig
/// needs the pure-Python layout.
///
/// Differences from Ansible, on purpose: values have no identity, so a list or dict that Python
/// would share between two places (and PyYAML would write as `&id001` / `*id001`) is written
/// out twice.
package enum YAMLEmitter {
    /// One YAML document holding `value`, ending with a line break.
    package static func emit(_ value: YAMLValue, options: YAMLEmitOptions = .init()) -> String {
        var events: [YAMLEmitterEvent] = [.streamStart, .documentStart(explicit: options.explicitStart)]
        represent(value, options: options, into: &events)
        events.append(.documentEnd(explicit: options.explicitEnd))
        events.append(.streamEnd)
        var machine = YAMLEmitterMachine(events: events, options: options)
        return machine.run()
    }

    /// PyYAML's `SafeRepresenter` and the serializing half of its `CEmitter` in one pass.
    private static func represent(_ value: YAMLValue, options: YAMLEmitOptions, into events: inout [YAMLEmitterEvent]) {
        switch value {
        case .null, .bool, .int, .float, .string:
            events.append(scalarEvent(value))
        case .sequence(let items):
            events.append(.sequenceStart(flow: flow(options, children: items)))
            for item in items { represent(item, options: options, into: &events) }
            events.append(.sequenceEnd)
        case .mapping(let pairs):
            let ordered = options.sortKeys ? sortedPairs(pairs) : pairs
            let children = ordered.flatMap { [$0.key, $0.value] }
            events.append(.mappingStart(flow: flow(options, children: children)))
            for pair in ordered {
                represent(pair.key, options: options, into: &events)
                represent(pair.value, options: options, into: &events)
            }
            events.append(.mappingEnd)
        }
    }

    /// PyYAML's `default_flow_style`; with None a collection is flow iff every child is a scalar.
    private static func flow(_ options: YAMLEmitOptions, children: [YAMLValue]) -> Bool {
        switch options.flowStyle {
        case .block: false
        case .flow: true
        case .automatic: children.allSatisfy(\.isScalar)
        }
    }

    private static func scalarEvent(_ value: YAMLValue) -> YAMLEmitterEvent {
        let text: String
        let tag: String
        switch value {
        case .null: (text, tag) = ("null", "null")
        case .bool(let flag): (text, tag) = (flag ? "true" : "false", "bool")
        case .int(let number): (text, tag) = (String(number), "int")
        case .float(let number): (text, tag) = (YAMLFloatFormatter.format(number), "float")
        case .string(let string): (text, tag) = (string, "str")
        case .sequence, .mapping: (text, tag) = ("", "str")
        }
        let plainImplicit = tagName(YAMLResolver.implicitType(of: text)) == tag
        return .scalar(text: Array(text.unicodeScalars), plainImplicit: plainImplicit, quotedImplicit: tag == "str")
    }

    private static func tagName(_ type: YAMLImplicitType) -> String {
        switch type {
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .float: "float"
        case .timestamp: "timestamp"
        case .merge: "merge"
        case .value: "value"
        case .string: "str"
        }
    }

    /// Python's `sorted(dict.items())`: by key, or in the original order when Python could not
    /// compare the keys (`TypeError`, which PyYAML swallows).
    static func sortedPairs(_ pairs: [YAMLPair]) -> [YAMLPair] {
        guard pairs.count > 1 else { return pairs }
        let keys = pairs.map(\.key)
        if keys.allSatisfy(\.isNumber) {
            return pairs.enumerated().sorted { lhs, rhs in
                let left = lhs.element.key.numericValue
                let right = rhs.element.key.numericValue
                return left == right ? lhs.offset < rhs.offset : left < right
            }.map(\.element)
        }
        let strings = keys.compactMap { key -> [UInt32]? in
            guard case .string(let text) = key else { return nil }
            return text.unicodeScalars.map(\.value)
        }
        guard strings.count == keys.count else { return pairs }
        return zip(strings, pairs).enumerated().sorted { lhs, rhs in
            lhs.element.0 == rhs.element.0
                ? lhs.offset < rhs.offset : lhs.element.0.lexicographicallyPrecedes(rhs.element.0)
        }.map(\.element.1)
    }
}

extension YAMLValue {
    fileprivate var isScalar: Bool {
        switch self {
        case .sequence, .mapping: false
        default: true
        }
    }

    fileprivate var isNumber: Bool {
        switch self {
        case .bool, .int, .float: true
        default: false
        }
    }

    fileprivate var numericValue: Double {
        switch self {
        case .bool(let flag): flag ? 1 : 0
        case .int(let number): Double(number)
        case .float(let number): number
        default: 0
        }
    }
}
