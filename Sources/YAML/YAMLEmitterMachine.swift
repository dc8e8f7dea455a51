/// A port of the state machine in libyaml's `emitter.c`, for the events plain data produces.
/// Method names keep libyaml's (`emitBlockMappingKey` is `yaml_emitter_emit_block_mapping_key`)
/// so the two can be compared side by side.
///
/// All events are known up front, so libyaml's event queue becomes an index into the array.
/// Columns count Unicode scalars, as libyaml counts UTF-8 characters; only simple keys are
/// measured in bytes (`YAMLScalarAnalysis.length`).
struct YAMLEmitterMachine {
    enum State {
        case streamStart, firstDocumentStart, documentStart, documentContent, documentEnd, end
        case flowSequenceFirstItem, flowSequenceItem
        case flowMappingFirstKey, flowMappingKey, flowMappingSimpleValue, flowMappingValue
        case blockSequenceFirstItem, blockSequenceItem
        case blockMappingFirstKey, blockMappingKey, blockMappingSimpleValue, blockMappingValue
    }

    /// Where a node sits: libyaml's `root_context`, `sequence_context`, `mapping_context` and
    /// `simple_key_context`, of which only one combination holds at a time.
    enum NodeContext {
        case root
        case sequenceItem
        /// A mapping value, or a key written after `?`.
        case mapping
        /// A key written without `?`, so it must fit on one line.
        case simpleKey

        var inMapping: Bool { self == .mapping || self == .simpleKey }
    }

    let events: [YAMLEmitterEvent]
    var position = 0
    var states: [State] = []
    var state: State = .streamStart
    var indents: [Int?] = []
    var indent: Int?
    var flowLevel = 0
    var context: NodeContext = .root
    var column = 0
    var whitespace = true
    var indention = true
    let bestIndent: Int
    let bestWidth: Int
    /// libyaml's `unicode`, PyYAML's `allow_unicode`.
    let unicode: Bool
    /// libyaml's `scalar_data` for the current event, when it is a scalar.
    var analysis: YAMLScalarAnalysis?
    var output = String.UnicodeScalarView()

    /// The option handling of `yaml_emitter_set_indent`, `yaml_emitter_set_width` and
    /// `yaml_emitter_emit_stream_start` together: an indent outside 2...9 is 2, a width up to
    /// twice the indent is 80, and a negative width never wraps.
    init(events: [YAMLEmitterEvent], options: YAMLEmitOptions) {
        self.events = events
        bestIndent = 1 < options.indent && options.indent < 10 ? options.indent : 2
        switch options.width {
        case ..<0: bestWidth = .max
        case ...(bestIndent * 2): bestWidth = 80
        default: bestWidth = options.width
        }
        unicode = options.allowUnicode
    }

    var event: YAMLEmitterEvent { events[position] }

    /// The event after the current one, libyaml's `events.head[1]`.
    var nextEvent: YAMLEmitterEvent? { position + 1 < events.count ? events[position + 1] : nil }

    mutating func run() -> String {
        while position < events.count {
            analyzeEvent()
            step()
            position += 1
        }
        return String(output)
    }

    /// `yaml_emitter_analyze_event`, for the scalars that are all it has to look at here.
    private mutating func analyzeEvent() {
        if case .scalar(let text, _, _) = event {
            analysis = YAMLScalarAnalysis(text, unicode: unicode)
        } else {
            analysis = nil
        }
    }

    /// `yaml_emitter_state_machine`.
    private mutating func step() {
        switch state {
        case .streamStart: state = .firstDocumentStart
        case .firstDocumentStart: emitDocumentStart(first: true)
        case .documentStart: emitDocumentStart(first: false)
        case .documentContent: emitDocumentContent()
        case .documentEnd: emitDocumentEnd()
        case .end: break
        case .flowSequenceFirstItem: emitFlowSequenceItem(first: true)
        case .flowSequenceItem: emitFlowSequenceItem(first: false)
        case .flowMappingFirstKey: emitFlowMappingKey(first: true)
        case .flowMappingKey: emitFlowMappingKey(first: false)
        case .flowMappingSimpleValue: emitFlowMappingValue(simple: true)
        case .flowMappingValue: emitFlowMappingValue(simple: false)
        case .blockSequenceFirstItem: emitBlockSequenceItem(first: true)
        case .blockSequenceItem: emitBlockSequenceItem(first: false)
        case .blockMappingFirstKey: emitBlockMappingKey(first: true)
        case .blockMappingKey: emitBlockMappingKey(first: false)
        case .blockMappingSimpleValue: emitBlockMappingValue(simple: true)
        case .blockMappingValue: emitBlockMappingValue(simple: false)
        }
    }

    mutating func popState() {
        state = states.popLast() ?? .end
    }

    mutating func popIndent() {
        indent = indents.popLast() ?? nil
    }

    mutating func increaseIndent(flow: Bool, indentless: Bool = false) {
        indents.append(indent)
        if let current = indent {
            if !indentless { indent = current + bestIndent }
        } else {
            indent = flow ? bestIndent : 0
        }
    }

    // MARK: Documents

    /// libyaml writes `...` at the end of the stream only after a block scalar that keeps its
    /// trailing line breaks (`open_ended == 2`), a style plain data never gets; so unlike pure
    /// PyYAML there is no `...` after a plain root scalar.
    private mutating func emitDocumentStart(first: Bool) {
        switch event {
        case .documentStart(let explicit):
            if explicit || !first {
                writeIndent()
                writeIndicator("---", needWhitespace: true)
            }
            state = .documentContent
        case .streamEnd:
            state = .end
        default:
            break
        }
    }

    private mutating func emitDocumentContent() {
        states.append(.documentEnd)
        emitNode(.root)
    }

    private mutating func emitDocumentEnd() {
        guard case .documentEnd(let explicit) = event else { return }
        writeIndent()
        if explicit {
            writeIndicator("...", needWhitespace: true)
            writeIndent()
        }
        state = .documentStart
    }

    // MARK: Flow collections

    private mutating func emitFlowSequenceItem(first: Bool) {
        if first {
            writeIndicator("[", needWhitespace: true, whitespace: true)
            increaseIndent(flow: true)
            flowLevel += 1
        }
        if case .sequenceEnd = event {
            flowLevel -= 1
            popIndent()
            writeIndicator("]", needWhitespace: false)
            popState()
            return
        }
        if !first { writeIndicator(",", needWhitespace: false) }
        if column > bestWidth { writeIndent() }
        states.append(.flowSequenceItem)
        emitNode(.sequenceItem)
    }

    private mutating func emitFlowMappingKey(first: Bool) {
        if first {
            writeIndicator("{", needWhitespace: true, whitespace: true)
            increaseIndent(flow: true)
            flowLevel += 1
        }
        if case .mappingEnd = event {
            flowLevel -= 1
            popIndent()
            writeIndicator("}", needWhitespace: false)
            popState()
            return
        }
        if !first { writeIndicator(",", needWhitespace: false) }
        if column > bestWidth { writeIndent() }
        if checkSimpleKey() {
            states.append(.flowMappingSimpleValue)
            emitNode(.simpleKey)
        } else {
            writeIndicator("?", needWhitespace: true)
            states.append(.flowMappingValue)
            emitNode(.mapping)
        }
    }

    private mutating func emitFlowMappingValue(simple: Bool) {
        if simple {
            writeIndicator(":", needWhitespace: false)
        } else {
            if column > bestWidth { writeIndent() }
            writeIndicator(":", needWhitespace: true)
        }
        states.append(.flowMappingKey)
        emitNode(.mapping)
    }

    // MARK: Block collections

    private mutating func emitBlockSequenceItem(first: Bool) {
        if first { increaseIndent(flow: false, indentless: context.inMapping && !indention) }
        if case .sequenceEnd = event {
            popIndent()
            popState()
            return
        }
        writeIndent()
        writeIndicator("-", needWhitespace: true, indention: true)
        states.append(.blockSequenceItem)
        emitNode(.sequenceItem)
    }

    private mutating func emitBlockMappingKey(first: Bool) {
        if first { increaseIndent(flow: false) }
        if case .mappingEnd = event {
            popIndent()
            popState()
            return
        }
        writeIndent()
        if checkSimpleKey() {
            states.append(.blockMappingSimpleValue)
            emitNode(.simpleKey)
        } else {
            writeIndicator("?", needWhitespace: true, indention: true)
            states.append(.blockMappingValue)
            emitNode(.mapping)
        }
    }

    private mutating func emitBlockMappingValue(simple: Bool) {
        if simple {
            writeIndicator(":", needWhitespace: false)
        } else {
            writeIndent()
            writeIndicator(":", needWhitespace: true, indention: true)
        }
        states.append(.blockMappingKey)
        emitNode(.mapping)
    }

    // MARK: Nodes

    private mutating func emitNode(_ context: NodeContext) {
        self.context = context
        switch event {
        case .scalar(let text, let plainImplicit, let quotedImplicit):
            emitScalar(text, plainImplicit: plainImplicit, quotedImplicit: quotedImplicit)
        case .sequenceStart(let flow):
            state = flowLevel > 0 || flow || checkEmptySequence() ? .flowSequenceFirstItem : .blockSequenceFirstItem
        case .mappingStart(let flow):
            state = flowLevel > 0 || flow || checkEmptyMapping() ? .flowMappingFirstKey : .blockMappingFirstKey
        default:
            break
        }
    }

    // MARK: Checks

    private func checkEmptySequence() -> Bool {
        guard case .sequenceStart = event, case .sequenceEnd? = nextEvent else { return false }
        return true
    }

    private func checkEmptyMapping() -> Bool {
        guard case .mappingStart = event, case .mappingEnd? = nextEvent else { return false }
        return true
    }

    /// `yaml_emitter_check_simple_key`: a one-line scalar of at most 128 UTF-8 bytes, or an
    /// empty collection. The empty string qualifies (PyYAML's pure emitter writes `? ''`).
    private func checkSimpleKey() -> Bool {
        switch event {
        case .scalar:
            guard let analysis else { return false }
            return !analysis.multiline && analysis.length <= 128
        case .sequenceStart:
            return checkEmptySequence()
        case .mappingStart:
            return checkEmptyMapping()
        default:
            return false
        }
    }

    // MARK: Writing

    /// `yaml_emitter_write_indicator`.
    mutating func writeIndicator(
        _ indicator: String, needWhitespace: Bool, whitespace: Bool = false, indention: Bool = false
    ) {
        if needWhitespace && !self.whitespace { put(" ") }
        for character in indicator.unicodeScalars { put(character) }
        self.whitespace = whitespace
        self.indention = self.indention && indention
    }

    /// `yaml_emitter_write_tag_handle`.
    mutating func writeTagHandle(_ handle: String) {
        if !whitespace { put(" ") }
        for character in handle.unicodeScalars { put(character) }
        whitespace = false
        indention = false
    }

    /// `yaml_emitter_write_indent`.
    mutating func writeIndent() {
        let indent = self.indent ?? 0
        if !indention || column > indent || (column == indent && !whitespace) {
            putBreak()
        }
        while column < indent { put(" ") }
        whitespace = true
        indention = true
    }

    /// libyaml's `PUT` and `WRITE`: one character, one column.
    mutating func put(_ character: Unicode.Scalar) {
        output.append(character)
        column += 1
    }

    /// libyaml's `PUT_BREAK`: a new line, without touching `whitespace` or `indention`.
    mutating func putBreak() {
        output.append("\n")
        column = 0
    }

    /// libyaml's `WRITE_BREAK`: a line feed is written as the configured break, any other break
    /// character as itself.
    mutating func writeBreak(_ character: Unicode.Scalar) {
        if character == "\n" {
            putBreak()
        } else {
            output.append(character)
            column = 0
        }
    }
}
