internal import CYaml

/// Pulls events out of libyaml for one stretch of the input.
///
/// libyaml stops at the first syntax error; the loader starts a new reader at the next document
/// marker to find more. The reader owns the parser and a copy of the bytes it reads, and frees
/// both in `deinit`, so it is a class and never leaves the loader.
final class YAMLEventReader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let scalarBase: Int
    private let byteBase: Int
    private var finished = false

    /// Reads `bytes`, which start at scalar index `scalarBase` and UTF-8 offset `byteBase` of the
    /// whole text.
    init(bytes: ArraySlice<UInt8>, scalarBase: Int, byteBase: Int) {
        self.scalarBase = scalarBase
        self.byteBase = byteBase
        input = UnsafeMutableBufferPointer.allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        parser = UnsafeMutablePointer.allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        yaml_parser_initialize(parser)
        // libyaml finds the encoding itself (UTF-8: a Swift string has no other) and skips a
        // leading byte-order mark without counting it; the loader allows for that in `scalarBase`.
        yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deinitialize(count: 1)
        parser.deallocate()
        input.deallocate()
    }

    /// The next event, nil after the stream end, or the syntax problem that stopped libyaml.
    func next() -> Result<YAMLEvent?, YAMLSyntaxProblemError> {
        if finished { return .success(nil) }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else {
            finished = true
            return .failure(YAMLSyntaxProblemError(problem: currentProblem()))
        }
        defer { yaml_event_delete(&event) }
        let converted = convert(&event)
        if case .streamEnd = converted.kind { finished = true }
        return .success(converted)
    }

    private func convert(_ event: inout yaml_event_t) -> YAMLEvent {
        let start = scalarBase + Int(event.start_mark.index)
        let end = scalarBase + Int(event.end_mark.index)
        let kind: YAMLEvent.Kind
        switch event.type {
        case YAML_STREAM_START_EVENT: kind = .streamStart
        case YAML_DOCUMENT_START_EVENT: kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
        case YAML_ALIAS_EVENT:
            kind = .alias(anchor: Self.string(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            kind = .scalar(Self.scalar(event.data.scalar))
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            let properties = YAMLEventProperties(
                anchor: Self.string(data.anchor), tag: data.implicit != 0 ? nil : Self.string(data.tag))
            kind = .sequenceStart(properties, flow: data.style == YAML_FLOW_SEQUENCE_STYLE)
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            let properties = YAMLEventProperties(
                anchor: Self.string(data.anchor), tag: data.implicit != 0 ? nil : Self.string(data.tag))
            kind = .mappingStart(properties, flow: data.style == YAML_FLOW_MAPPING_STYLE)
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        default: kind = .streamEnd
        }
        return YAMLEvent(kind: kind, start: start, end: end)
    }

    private static func scalar(_ data: yaml_event_t.__Unnamed_union_data.__Unnamed_struct_scalar)
        -> YAMLEventScalar
    {
        var text = ""
        if let value = data.value {
            let buffer = UnsafeBufferPointer(start: value, count: data.length)
            text = String(decoding: buffer, as: UTF8.self)
        }
        let style: YAMLScalar.Style
        switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        let properties = YAMLEventProperties(anchor: string(data.anchor), tag: string(data.tag))
        return YAMLEventScalar(properties: properties, text: text, style: style)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(decodingCString: pointer, as: UTF8.self)
    }

    private func currentProblem() -> YAMLSyntaxProblem {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = state.context.map { String(cString: $0) }
        switch state.error {
        case YAML_READER_ERROR:
            return YAMLSyntaxProblem(
                problem: problem, context: nil, index: nil,
                byteOffset: byteBase + Int(state.problem_offset), contextIndex: nil)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let contextIndex = context == nil ? nil : scalarBase + Int(state.context_mark.index)
            return YAMLSyntaxProblem(
                problem: problem, context: context, index: scalarBase + Int(state.problem_mark.index),
                byteOffset: nil, contextIndex: contextIndex)
        default:
            return YAMLSyntaxProblem(
                problem: problem, context: context, index: scalarBase, byteOffset: nil, contextIndex: nil)
        }
    }
}

/// Wraps a syntax problem so it can travel in a `Result`.
struct YAMLSyntaxProblemError: Error {
    var problem: YAMLSyntaxProblem
}
