/// One parse event from libyaml, copied into Swift values.
///
/// Marks are absolute Unicode-scalar indices into the source text, so they can be turned into
/// positions without knowing which libyaml run produced them.
struct YAMLEvent {
    enum Kind {
        case streamStart
        case streamEnd
        case documentStart
        case documentEnd
        case alias(anchor: String)
        case scalar(YAMLEventScalar)
        case sequenceStart(YAMLEventProperties, flow: Bool)
        case sequenceEnd
        case mappingStart(YAMLEventProperties, flow: Bool)
        case mappingEnd
    }

    var kind: Kind
    /// Scalar index of the first character of the event (its anchor or tag when it has one).
    var start: Int
    /// Scalar index just after the event.
    var end: Int
}

/// The anchor and the explicit tag written on a node; the tag is in its resolved long form
/// (`!!str` becomes `tag:yaml.org,2002:str`, `!unsafe` stays `!unsafe`).
struct YAMLEventProperties {
    var anchor: String?
    var tag: String?
}

/// A scalar event: its text after unescaping and folding, and how it was written.
struct YAMLEventScalar {
    var properties: YAMLEventProperties
    var text: String
    var style: YAMLScalar.Style
}

/// A syntax error as libyaml reported it, with absolute locations.
struct YAMLSyntaxProblem {
    /// libyaml's description of the problem ("mapping values are not allowed in this context").
    var problem: String
    /// What libyaml was doing ("while scanning a quoted scalar"), if it said.
    var context: String?
    /// Scalar index of the problem, or nil when only `byteOffset` is known.
    var index: Int?
    /// UTF-8 offset of the problem, for errors found while decoding the input.
    var byteOffset: Int?
    /// Scalar index where the construct that failed started.
    var contextIndex: Int?
}
