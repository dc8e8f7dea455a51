import Diagnostics

extension YAMLComposer {
    /// A located scalar with its value resolved from its tag, or from its text when it is plain.
    mutating func scalarNode(_ scalar: YAMLEventScalar, event: YAMLEvent) -> YAMLNode {
        let end = locator.trimmedEnd(start: event.start, end: event.end)
        let span = locator.span(event.start, end)
        let contentStart = locator.contentStart(of: scalar, start: event.start, end: end)
        let tag = scalar.properties.tag
        let value = resolve(scalar, tag: tag, span: span)
        let located = YAMLScalar(value: value, text: scalar.text, style: scalar.style, contentStart: contentStart)
        return YAMLNode(content: .scalar(located), span: span, tag: tag)
    }

    private mutating func resolve(_ scalar: YAMLEventScalar, tag: String?, span: SourceSpan) -> YAMLValue {
        let text = scalar.text
        guard let tag else {
            return scalar.style == .plain ? construct(YAMLResolver.implicitValue(of: text), text, span: span) : .string(text)
        }
        switch tag {
        case YAMLTag.nonSpecific:
            return construct(YAMLResolver.implicitValue(of: text), text, span: span)
        case YAMLTag.str, YAMLTag.timestamp, YAMLTag.unsafe, YAMLTag.merge:
            return .string(text)
        case YAMLTag.null:
            return .null
        case YAMLTag.bool:
            return construct(YAMLResolver.constructBool(text), text, tag: tag, span: span)
        case YAMLTag.int:
            return construct(YAMLResolver.constructInt(text), text, tag: tag, span: span)
        case YAMLTag.float:
            return construct(YAMLResolver.constructFloat(text), text, tag: tag, span: span)
        case YAMLTag.map, YAMLTag.seq, YAMLTag.set:
            record(.yamlTagMismatch(tag, kind: "scalar", span: span))
        default:
            if YAMLTag.vaultTags.contains(tag) {
                record(.yamlVaultUnsupported(span: span))
            } else {
                record(.yamlUnknownTag(tag, span: span))
            }
        }
        return .string(text)
    }

    private mutating func construct(
        _ result: Result<YAMLValue, YAMLConstructProblem>, _ text: String, tag: String? = nil, span: SourceSpan
    ) -> YAMLValue {
        switch result {
        case .success(let value):
            return value
        case .failure(.overflow):
            record(.yamlIntOverflow(text, span: span))
        case .failure(.invalid(let reason)):
            let resolvedTag = tag ?? YAMLTag.prefix + implicitTagName(text)
            record(.yamlInvalidScalar(text, tag: resolvedTag, reason: reason, span: span))
        }
        return .string(text)
    }

    private func implicitTagName(_ text: String) -> String {
        switch YAMLResolver.implicitType(of: text) {
        case .int: "int"
        case .float: "float"
        case .bool: "bool"
        default: "str"
        }
    }

    /// Checks the tag written on a collection; `kind` is "sequence" or "mapping".
    mutating func checkCollectionTag(_ tag: String?, kind: String, span: SourceSpan) {
        guard let tag, tag != YAMLTag.unsafe, tag != YAMLTag.nonSpecific else { return }
        let expected: Set<String> = kind == "mapping" ? [YAMLTag.map, YAMLTag.set] : [YAMLTag.seq]
        if expected.contains(tag) { return }
        if YAMLTag.vaultTags.contains(tag) {
            record(.yamlVaultUnsupported(span: span))
        } else if tag.hasPrefix(YAMLTag.prefix),
            [YAMLTag.str, YAMLTag.int, YAMLTag.float, YAMLTag.bool, YAMLTag.null, YAMLTag.map, YAMLTag.seq,
             YAMLTag.set, YAMLTag.timestamp].contains(tag)
        {
            record(.yamlTagMismatch(tag, kind: kind, span: span))
        } else {
            record(.yamlUnknownTag(tag, span: span))
        }
    }
}
