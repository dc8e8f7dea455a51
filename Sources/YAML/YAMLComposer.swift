import Diagnostics

/// Builds located node trees from libyaml events, doing what PyYAML's `Composer` and
/// `SafeConstructor` do: anchors and aliases, merge keys, tag and type resolution.
///
/// It keeps an explicit stack instead of recursing, so deep input cannot overflow the call
/// stack; nesting deeper than `maximumDepth` and alias bombs larger than `maximumNodes` stop
/// the load with a diagnostic. Other problems are recorded and composition goes on, so one load
/// reports them all.
struct YAMLComposer {
    static let maximumDepth = 512
    static let maximumNodes = 1_000_000

    let locator: YAMLSourceLocator
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var documents: [YAMLNode] = []
    /// Set when a limit was hit; no more events should be fed.
    private(set) var stopped = false

    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var openAnchors: Set<String> = []
    private var anchorSpans: [String: SourceSpan] = [:]
    private var documentNodes = 0
    private var root: YAMLNode?

    init(locator: YAMLSourceLocator) {
        self.locator = locator
    }

    /// A collection whose end event has not arrived yet.
    struct Frame {
        enum Items {
            case sequence([YAMLNode])
            case mapping([YAMLNodePair], pendingKey: YAMLNode?)
        }

        var items: Items
        var properties: YAMLEventProperties
        var flow: Bool
        var start: Int
        /// Scalar index just after the last child, for the span of a block collection.
        var lastEnd: Int
        /// Nodes in this collection so far, aliases counted as the nodes they stand for.
        var nodes = 1
    }

    private struct Anchored {
        var node: YAMLNode
        var nodes: Int
    }

    mutating func record(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Feeds one event.
    mutating func consume(_ event: YAMLEvent) {
        guard !stopped else { return }
        switch event.kind {
        case .streamStart, .streamEnd:
            break
        case .documentStart:
            anchors = [:]
            openAnchors = []
            anchorSpans = [:]
            stack = []
            documentNodes = 0
            root = nil
        case .documentEnd:
            if let root { documents.append(root) }
            root = nil
        case .alias(let name):
            consumeAlias(name, event: event)
        case .scalar(let scalar):
            if let anchor = scalar.properties.anchor { checkNewAnchor(anchor, event: event) }
            let node = scalarNode(scalar, event: event)
            register(scalar.properties.anchor, node: node, nodes: 1)
            attach(node, nodes: 1, end: event.end)
        case .sequenceStart(let properties, let flow):
            push(.sequence([]), properties: properties, flow: flow, event: event)
        case .mappingStart(let properties, let flow):
            push(.mapping([], pendingKey: nil), properties: properties, flow: flow, event: event)
        case .sequenceEnd, .mappingEnd:
            pop(event)
        }
    }

    private mutating func consumeAlias(_ name: String, event: YAMLEvent) {
        let span = locator.span(event.start, event.end)
        guard let anchored = anchors[name] else {
            if openAnchors.contains(name) {
                record(.yamlRecursiveAlias(name, span: span))
            } else {
                record(.yamlUndefinedAlias(name, span: span))
            }
            let placeholder = YAMLScalar(
                value: .null, text: "", style: .plain, contentStart: span.start)
            attach(YAMLNode(content: .scalar(placeholder), span: span), nodes: 1, end: event.end)
            return
        }
        var node = anchored.node
        node.span = span
        attach(node, nodes: anchored.nodes, end: event.end)
    }

    private mutating func push(_ items: Frame.Items, properties: YAMLEventProperties, flow: Bool, event: YAMLEvent) {
        guard stack.count < Self.maximumDepth else {
            record(.yamlTooDeep(limit: Self.maximumDepth, span: locator.span(event.start, event.end)))
            stopped = true
            return
        }
        if let anchor = properties.anchor {
            checkNewAnchor(anchor, event: event)
            openAnchors.insert(anchor)
        }
        stack.append(Frame(items: items, properties: properties, flow: flow, start: event.start, lastEnd: event.end))
    }

    private mutating func pop(_ event: YAMLEvent) {
        guard let frame = stack.popLast() else { return }
        let end = frame.flow ? event.end : locator.trimmedEnd(start: frame.start, end: frame.lastEnd)
        let span = locator.span(frame.start, end)
        let node: YAMLNode
        switch frame.items {
        case .sequence(let items):
            node = sequenceNode(items, properties: frame.properties, span: span)
        case .mapping(let pairs, _):
            node = mappingNode(pairs, properties: frame.properties, span: span)
        }
        if let anchor = frame.properties.anchor { openAnchors.remove(anchor) }
        register(frame.properties.anchor, node: node, nodes: frame.nodes)
        attach(node, nodes: frame.nodes, end: end)
    }

    /// PyYAML rejects an anchor defined twice in one document.
    private mutating func checkNewAnchor(_ anchor: String, event: YAMLEvent) {
        let span = locator.span(event.start, event.start + 1 + anchor.unicodeScalars.count)
        if let first = anchorSpans[anchor] {
            record(.yamlDuplicateAnchor(anchor, span: span, first: first))
        } else {
            anchorSpans[anchor] = span
        }
    }

    private mutating func register(_ anchor: String?, node: YAMLNode, nodes: Int) {
        guard let anchor else { return }
        anchors[anchor] = Anchored(node: node, nodes: nodes)
    }

    /// Adds a finished node to the collection being built, or makes it the document's root.
    private mutating func attach(_ node: YAMLNode, nodes: Int, end: Int) {
        documentNodes += nodes
        if documentNodes > Self.maximumNodes {
            record(.yamlAliasExpansion(limit: Self.maximumNodes, span: node.span))
            stopped = true
            return
        }
        guard var frame = stack.popLast() else {
            root = node
            return
        }
        frame.nodes += nodes
        frame.lastEnd = max(frame.lastEnd, end)
        switch frame.items {
        case .sequence(var items):
            frame.items = .sequence([])  // keeps `items` uniquely referenced: no copy on append
            items.append(node)
            frame.items = .sequence(items)
        case .mapping(var pairs, let pendingKey):
            frame.items = .sequence([])
            if let key = pendingKey {
                pairs.append(YAMLNodePair(key: key, value: node))
                frame.items = .mapping(pairs, pendingKey: nil)
            } else {
                frame.items = .mapping(pairs, pendingKey: node)
            }
        }
        stack.append(frame)
    }
}
