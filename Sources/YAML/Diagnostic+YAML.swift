import Diagnostics

/// The diagnostics the YAML loader reports, one factory per code so codes stay stable.
extension Diagnostic {
    static func yamlSyntax(_ summary: String, span: SourceSpan?, hint: String? = nil, notes: [Note] = [])
        -> Diagnostic
    {
        Diagnostic(code: "yaml.syntax", summary: summary, span: span, hint: hint, notes: notes)
    }

    static func yamlDuplicateKey(_ key: String, span: SourceSpan, first: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: "yaml.duplicate-key", summary: "duplicate key '\(key)' in mapping", span: span,
            hint: "remove one of them; rig rejects duplicate keys where Ansible only warns",
            notes: [Note("'\(key)' first defined here", span: first)])
    }

    static func yamlUnhashableKey(span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: "yaml.unhashable-key", summary: "a sequence or mapping cannot be a mapping key", span: span,
            hint: "use a string, number, boolean or null as the key")
    }

    static func yamlMerge(span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: "yaml.merge", summary: "merge key '<<' needs a mapping or a list of mappings", span: span,
            hint: "write '<<: *anchor' where the anchor names a mapping")
    }

    static func yamlUndefinedAlias(_ name: String, span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: "yaml.undefined-alias", summary: "alias '*\(name)' refers to no anchor", span: span,
            hint: "define '&\(name)' earlier in the same document")
    }

    static func yamlDuplicateAnchor(_ name: String, span: SourceSpan, first: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: "yaml.duplicate-anchor", summary: "anchor '&\(name)' is defined twice in this document",
            span: span, hint: "give the second anchor another name",
            notes: [Note("'&\(name)' first defined here", span: first)])
    }

    static func yamlRecursiveAlias(_ name: String, span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: "yaml.recursive-alias", summary: "alias '*\(name)' refers to a node that contains it",
            span: span, hint: "recursive structures are not supported")
    }

    static func yamlTooDeep(limit: Int, span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: "yaml.too-deep", summary: "collections are nested more than \(limit) levels deep", span: span)
    }

    static func yamlAliasExpansion(limit: Int, span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: "yaml.alias-expansion",
            summary: "aliases expand this document to more than \(limit) nodes", span: span,
            hint: "this looks like a 'billion laughs' document; reduce the nesting of aliases")
    }

    static func yamlVaultUnsupported(span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: "yaml.vault-unsupported", summary: "'!vault' encrypted values are not supported by rig",
            span: span, hint: "decrypt the value or pass it in another way")
    }

    static func yamlUnknownTag(_ tag: String, span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: "yaml.unknown-tag", summary: "unsupported tag '\(YAMLTag.display(tag))'", span: span,
            hint: "rig understands !!str, !!int, !!float, !!bool, !!null, !!map, !!seq, !!set and !unsafe")
    }

    static func yamlTagMismatch(_ tag: String, kind: String, span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: "yaml.tag-mismatch", summary: "tag '\(YAMLTag.display(tag))' cannot be used on a \(kind)",
            span: span)
    }

    static func yamlInvalidScalar(_ text: String, tag: String, reason: String, span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: "yaml.invalid-scalar", summary: "'\(text)' is not a valid \(YAMLTag.display(tag))", span: span,
            hint: reason)
    }

    static func yamlIntOverflow(_ text: String, span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: "yaml.int-overflow", summary: "integer '\(text)' does not fit in 64 bits", span: span,
            hint: "quote it to keep it as a string")
    }
}
