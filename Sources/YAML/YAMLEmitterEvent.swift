/// The events PyYAML's `CEmitter` hands libyaml's emitter, reduced to what plain data needs (no
/// anchors: values have no identity, so nothing is ever shared; no tags: every scalar of plain
/// data reads back as its own type in some style, so libyaml never writes one).
enum YAMLEmitterEvent {
    case streamStart
    case streamEnd
    case documentStart(explicit: Bool)
    case documentEnd(explicit: Bool)
    /// libyaml's `plain_implicit`: the text, read back as a plain scalar, has the value's own
    /// type. `quoted_implicit`: read back from quotes it does, which is true exactly for strings.
    case scalar(text: [Unicode.Scalar], plainImplicit: Bool, quotedImplicit: Bool)
    case sequenceStart(flow: Bool)
    case sequenceEnd
    case mappingStart(flow: Bool)
    case mappingEnd
}
