import Diagnostics

/// A YAML node with the place it was written, so every later error can point into the file.
package struct YAMLNode: Sendable, Hashable {
    package enum Content: Sendable, Hashable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLNodePair])
    }

    package var content: Content
    /// From the first character of the node (its anchor, tag or value) to just after its end.
    package var span: SourceSpan
    /// The explicit tag written on the node in its long form (`tag:yaml.org,2002:str`,
    /// `!unsafe`), or nil when the type was resolved implicitly.
    ///
    /// Ansible's `!unsafe` marks text that must never be templated; the value stays a string
    /// and this tag is how later stages know.
    package var tag: String?

    package init(content: Content, span: SourceSpan, tag: String? = nil) {
        self.content = content
        self.span = span
        self.tag = tag
    }

    /// Whether the node was tagged `!unsafe`: its text must be used as it is, never templated.
    package var isUnsafe: Bool { tag == YAMLTag.unsafe }

    /// The node without locations.
    package var value: YAMLValue {
        switch content {
        case .scalar(let scalar): scalar.value
        case .sequence(let items): .sequence(items.map(\.value))
        case .mapping(let pairs): .mapping(pairs.map { YAMLPair($0.key.value, $0.value.value) })
        }
    }
}

/// A key node and a value node.
package struct YAMLNodePair: Sendable, Hashable {
    package var key: YAMLNode
    package var value: YAMLNode

    package init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A resolved scalar and how it was written.
package struct YAMLScalar: Sendable, Hashable {
    package enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The resolved value: never `.sequence` or `.mapping`.
    package var value: YAMLValue
    /// The scalar's text after unescaping and folding, before type resolution.
    package var text: String
    package var style: Style
    /// Where the scalar's content starts: after the opening quote, or on the first content line
    /// of a block scalar. Templates inside a string map their offsets from here.
    package var contentStart: SourcePosition

    package init(value: YAMLValue, text: String, style: Style, contentStart: SourcePosition) {
        self.value = value
        self.text = text
        self.style = style
        self.contentStart = contentStart
    }
}
