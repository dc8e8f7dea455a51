/// A line-for-line port of the state machine in PyYAML's `emitter.py`, for the events plain
/// data produces. Method names keep PyYAML's (`expectBlockMappingKey` is
/// `expect_block_mapping_key`) so the two can be compared side by side.
///
/// All events are known up front, so PyYAML's look-ahead buffer becomes an index into the
/// array. Columns count Unicode scalars, as Python's `len` does.
struct YAMLEmitterMachine {
    enum State {
        case streamStart, firstDocumentStart, documentStart, documentEnd, documentRoot, nothing
        case firstFlowSequenceItem, flowSequenceItem
        case firstFlowMappingKey, flowMappingKey, flowMappingSimpleValue, flowMappingValue
        case firstBlockSequenceItem, blockSequenceItem
        case firstBlockMappingKey, blockMappingKey, blockMappingSimpleValue, blockMappingValue
    }

    enum ScalarStyle {
        case plain, singleQuoted, doubleQuoted
    }

    let events: [YAMLEmitterEvent]
    var position = 0
    var states: [State] = []
    var state: State = .streamStart
    var indents: [Int?] = []
    var indent: Int?
    var flowLevel = 0
    var rootContext = false
    var sequenceContext = false
    var mappingContext = false
    var simpleKeyContext = false
    var column = 0
    var whitespace = true
    var indention = true
    var openEnded = false
    let bestIndent: Int
    let bestWidth: Int
    let allowUnicode: Bool
    var analysis: YAMLScalarAnalysis?
    var style: ScalarStyle?
    var output = String.UnicodeScalarView()

    init(events: [YAMLEmitterEvent], options: YAMLEmitOptions) {
        self.events = events
        bestIndent = 1 < options.indent && options.indent < 10 ? options.indent : 2
        bestWidth = options.width > bestIndent * 2 ? options.width : 80
        allowUnicode = options.allowUnicode
    }

    var event: YAMLEmitterEvent { events[position] }

    /// The event after the current one, PyYAML's `self.events[0]`.
    var nextEvent: YAMLEmitterEvent? { position + 1 < events.count ? events[position + 1] : nil }

    mutating func run() -> String {
        while position < events.count {
            step()
            position += 1
        }
        return String(output)
    }

    private mutating func step() {
        switch state {
        case .streamStart: state = .firstDocumentStart
        case .firstDocumentStart: expectDocumentStart(first: true)
        case .documentStart: expectDocumentStart(first: false)
        case .documentEnd: expectDocumentEnd()
        case .documentRoot: expectDocumentRoot()
        case .nothing: break
        case .firstFlowSequenceItem: expectFlowSequenceItem(first: true)
        case .flowSequenceItem: expectFlowSequenceItem(first: false)
        case .firstFlowMappingKey: expectFlowMappingKey(first: true)
        case .flowMappingKey: expectFlowMappingKey(first: false)
        case .flowMappingSimpleValue: expectFlowMappingSimpleValue()
        case .flowMappingValue: expectFlowMappingValue()
        case .firstBlockSequenceItem: expectBlockSequenceItem(first: true)
        case .blockSequenceItem: expectBlockSequenceItem(first: false)
        case .firstBlockMappingKey: expectBlockMappingKey(first: true)
        case .blockMappingKey: expectBlockMappingKey(first: false)
        case .blockMappingSimpleValue: expectBlockMappingSimpleValue()
        case .blockMappingValue: expectBlockMappingValue()
        }
    }

    private mutating func popState() {
        state = states.popLast() ?? .nothing
    }

    private mutating func popIndent() {
        indent = indents.popLast() ?? nil
    }

    mutating func increaseIndent(flow: Bool = false, indentless: Bool = false) {
        indents.append(indent)
        if let current = indent {
            if !indentless { indent = current + bestIndent }
        } else {
            indent = flow ? bestIndent : 0
        }
    }

    // MARK: Documents

    private mutating func expectDocumentStart(first: Bool) {
        switch event {
        case .documentStart(let explicit):
            if !(first && !explicit) {
                writeIndent()
                writeIndicator("---", needWhitespace: true)
            }
            state = .documentRoot
        case .streamEnd:
            if openEnded {
                writeIndicator("...", needWhitespace: true)
                writeIndent()
            }
            state = .nothing
        default:
            break
        }
    }

    private mutating func expectDocumentEnd() {
        guard case .documentEnd(let explicit) = event else { return }
        writeIndent()
        if explicit {
            writeIndicator("...", needWhitespace: true)
            writeIndent()
        }
        state = .documentStart
    }

    private mutating func expectDocumentRoot() {
        states.append(.documentEnd)
        expectNode(root: true)
    }

    // MARK: Nodes

    mutating func expectNode(root: Bool = false, sequence: Bool = false, mapping: Bool = false, simpleKey: Bool = false) {
        rootContext = root
        sequenceContext = sequence
        mappingContext = mapping
        simpleKeyContext = simpleKey
        switch event {
        case .scalar:
            processTag()
            expectScalar()
        case .sequenceStart(let flow):
            if flowLevel > 0 || flow || checkEmptySequence() {
                expectFlowSequence()
            } else {
                expectBlockSequence()
            }
        case .mappingStart(let flow):
            if flowLevel > 0 || flow || checkEmptyMapping() {
                expectFlowMapping()
            } else {
                expectBlockMapping()
            }
        default:
            break
        }
    }

    private mutating func expectScalar() {
        increaseIndent(flow: true)
        processScalar()
        popIndent()
        popState()
    }

    // MARK: Flow collections

    private mutating func expectFlowSequence() {
        writeIndicator("[", needWhitespace: true, whitespace: true)
        flowLevel += 1
        increaseIndent(flow: true)
        state = .firstFlowSequenceItem
    }

    private mutating func expectFlowSequenceItem(first: Bool) {
        if case .sequenceEnd = event {
            popIndent()
            flowLevel -= 1
            writeIndicator("]", needWhitespace: false)
            popState()
            return
        }
        if !first { writeIndicator(",", needWhitespace: false) }
        if column > bestWidth { writeIndent() }
        states.append(.flowSequenceItem)
        expectNode(sequence: true)
    }

    private mutating func expectFlowMapping() {
        writeIndicator("{", needWhitespace: true, whitespace: true)
        flowLevel += 1
        increaseIndent(flow: true)
        state = .firstFlowMappingKey
    }

    private mutating func expectFlowMappingKey(first: Bool) {
        if case .mappingEnd = event {
            popIndent()
            flowLevel -= 1
            writeIndicator("}", needWhitespace: false)
            popState()
            return
        }
        if !first { writeIndicator(",", needWhitespace: false) }
        if column > bestWidth { writeIndent() }
        if checkSimpleKey() {
            states.append(.flowMappingSimpleValue)
            expectNode(mapping: true, simpleKey: true)
        } else {
            writeIndicator("?", needWhitespace: true)
            states.append(.flowMappingValue)
            expectNode(mapping: true)
        }
    }

    private mutating func expectFlowMappingSimpleValue() {
        writeIndicator(":", needWhitespace: false)
        states.append(.flowMappingKey)
        expectNode(mapping: true)
    }

    private mutating func expectFlowMappingValue() {
        if column > bestWidth { writeIndent() }
        writeIndicator(":", needWhitespace: true)
        states.append(.flowMappingKey)
        expectNode(mapping: true)
    }

    // MARK: Block collections

    private mutating func expectBlockSequence() {
        let indentless = mappingContext && !indention
        increaseIndent(flow: false, indentless: indentless)
        state = .firstBlockSequenceItem
    }

    private mutating func expectBlockSequenceItem(first: Bool) {
        if !first, case .sequenceEnd = event {
            popIndent()
            popState()
            return
        }
        writeIndent()
        writeIndicator("-", needWhitespace: true, indention: true)
        states.append(.blockSequenceItem)
        expectNode(sequence: true)
    }

    private mutating func expectBlockMapping() {
        increaseIndent(flow: false)
        state = .firstBlockMappingKey
    }

    private mutating func expectBlockMappingKey(first: Bool) {
        if !first, case .mappingEnd = event {
            popIndent()
            popState()
            return
        }
        writeIndent()
        if checkSimpleKey() {
            states.append(.blockMappingSimpleValue)
            expectNode(mapping: true, simpleKey: true)
        } else {
            writeIndicator("?", needWhitespace: true, indention: true)
            states.append(.blockMappingValue)
            expectNode(mapping: true)
        }
    }

    private mutating func expectBlockMappingSimpleValue() {
        writeIndicator(":", needWhitespace: false)
        states.append(.blockMappingKey)
        expectNode(mapping: true)
    }

    private mutating func expectBlockMappingValue() {
        writeIndent()
        writeIndicator(":", needWhitespace: true, indention: true)
        states.append(.blockMappingKey)
        expectNode(mapping: true)
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

    private mutating func checkSimpleKey() -> Bool {
        switch event {
        case .scalar(let text, let tag, _):
            let analysis = self.analysis ?? YAMLScalarAnalysis(text, allowUnicode: allowUnicode)
            self.analysis = analysis
            // PyYAML counts the tag (`!!str`) even though it will not be written.
            let tagLength = 2 + tag.unicodeScalars.count
            return text.count + tagLength < 128 && !analysis.empty && !analysis.multiline
        case .sequenceStart:
            return checkEmptySequence()
        case .mappingStart:
            return checkEmptyMapping()
        default:
            return false
        }
    }

    // MARK: Writing

    mutating func writeIndicator(
        _ indicator: String, needWhitespace: Bool, whitespace: Bool = false, indention: Bool = false
    ) {
        let data = self.whitespace || !needWhitespace ? indicator : " " + indicator
        self.whitespace = whitespace
        self.indention = self.indention && indention
        column += data.unicodeScalars.count
        openEnded = false
        output.append(contentsOf: data.unicodeScalars)
    }

    mutating func writeIndent() {
        let indent = self.indent ?? 0
        if !indention || column > indent || (column == indent && !whitespace) {
            writeLineBreak()
        }
        if column < indent {
            whitespace = true
            output.append(contentsOf: repeatElement(" " as Unicode.Scalar, count: indent - column))
            column = indent
        }
    }

    mutating func writeLineBreak(_ data: Unicode.Scalar = "\n") {
        whitespace = true
        indention = true
        column = 0
        output.append(data)
    }

    mutating func write(_ text: ArraySlice<Unicode.Scalar>) {
        column += text.count
        output.append(contentsOf: text)
    }
}
