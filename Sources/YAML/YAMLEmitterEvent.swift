/// The events PyYAML's serializer hands its emitter, reduced to what plain data needs (no
/// anchors: values have no identity, so nothing is ever shared).
enum YAMLEmitterEvent {
    case streamStart
    case streamEnd
    case documentStart(explicit: Bool)
    case documentEnd(explicit: Bool)
    /// `plainImplicit` is PyYAML's `implicit[0]`: the text, read back as a plain scalar, has
    /// the scalar's own type. `tag` is the short type name (`str`, `int`, ...).
    case scalar(text: [Unicode.Scalar], tag: String, plainImplicit: Bool)
    case sequenceStart(flow: Bool)
    case sequenceEnd
    case mappingStart(flow: Bool)
    case mappingEnd
}
