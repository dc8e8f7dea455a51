import Diagnostics

/// A failure while parsing or rendering a template, with where it happened.
///
/// Errors compare equal by `code`, so tests survive better wording. Filters may throw without a
/// span; the evaluator fills in the span of the filter or call that failed.
package struct TemplateError: Error, Sendable, CustomStringConvertible {
    package enum Code: String, Sendable, Hashable {
        case syntax
        case undefined
        case unknownFilter = "unknown-filter"
        case unknownTest = "unknown-test"
        case unknownLookup = "unknown-lookup"
        case type
        case value
        case zeroDivision = "zero-division"
        case overflow
        case include
        case lookup
        case recursion
        case arguments
        /// Raised by the template itself, e.g. `mandatory` with a message.
        case raised
    }

    package var code: Code
    package var message: String
    package var span: SourceSpan?
    package var hint: String?
    /// The UTF-8 offset range in the template being parsed or rendered, until the template
    /// turns it into `span`.
    package var offset: Int?
    package var offsetEnd: Int?
    /// Further places involved, such as the include that led to the failing template.
    package var notes: [Diagnostic.Note] = []

    package init(_ code: Code, _ message: String, span: SourceSpan? = nil, hint: String? = nil) {
        self.code = code
        self.message = message
        self.span = span
        self.hint = hint
    }

    package static func syntax(_ message: String, span: SourceSpan?, hint: String? = nil) -> TemplateError {
        TemplateError(.syntax, message, span: span, hint: hint)
    }

    package static func type(_ message: String, span: SourceSpan? = nil) -> TemplateError {
        TemplateError(.type, message, span: span)
    }

    package static func value(_ message: String, span: SourceSpan? = nil) -> TemplateError {
        TemplateError(.value, message, span: span)
    }

    package static func undefined(_ undefined: Undefined) -> TemplateError {
        TemplateError(.undefined, undefined.hint ?? undefined.message, span: undefined.span)
    }

    package static func arguments(_ message: String, span: SourceSpan? = nil) -> TemplateError {
        TemplateError(.arguments, message, span: span)
    }

    /// The same error, located at `span` unless it already has a location.
    package func located(at span: SourceSpan?) -> TemplateError {
        guard self.span == nil, offset == nil else { return self }
        var copy = self
        copy.span = span
        return copy
    }

    package var diagnostic: Diagnostic {
        Diagnostic(code: "template.\(code.rawValue)", summary: message, span: span, hint: hint, notes: notes)
    }

    package var description: String { diagnostic.description }
}

extension TemplateError: Equatable {
    package static func == (lhs: TemplateError, rhs: TemplateError) -> Bool { lhs.code == rhs.code }
}
