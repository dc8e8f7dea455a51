/// One token of a template: data between tags, tag delimiters, or a piece of an expression.
///
/// `start` and `end` are UTF-8 offsets into the template's source text (end exclusive), so
/// every later error can point at the exact characters.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// Literal text between tags, with whitespace control already applied.
        case data(String)
        case variableBegin, variableEnd
        case blockBegin, blockEnd
        case name(String)
        case string(String)
        case integer(Int)
        case float(Double)
        case `operator`(String)
        case endOfInput
    }

    var kind: Kind
    var start: Int
    var end: Int

    /// True for a name token with exactly this text (`name:endfor` in Jinja2's parser).
    func isName(_ text: String) -> Bool {
        if case .name(let name) = kind { return name == text }
        return false
    }

    func isOperator(_ text: String) -> Bool {
        if case .operator(let op) = kind { return op == text }
        return false
    }

    /// How the token reads in error messages.
    var describe: String {
        switch kind {
        case .data: "template data"
        case .variableBegin: "begin of print statement"
        case .variableEnd: "end of print statement"
        case .blockBegin: "begin of statement block"
        case .blockEnd: "end of statement block"
        case .name(let name): "'\(name)'"
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .operator(let op): "'\(op)'"
        case .endOfInput: "end of template"
        }
    }
}
