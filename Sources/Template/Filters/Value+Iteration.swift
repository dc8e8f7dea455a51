extension Value {
    /// Python's `iter(value)`, materialised: the items of a list or tuple, the keys of a dict,
    /// the code points of a string (each as a one-character string).
    ///
    /// Throws Python's `TypeError` wording for values that are not iterable, and the undefined
    /// error for undefined values.
    package func iterated() throws(TemplateError) -> [Value] {
        switch self {
        case .list(let items), .tuple(let items): return items
        case .dict(let dict): return Array(dict.keys)
        case .string(let string): return string.unicodeScalars.map { .string(String($0)) }
        case .undefined(let undefined): throw .undefined(undefined)
        default: throw .type("'\(typeName)' object is not iterable")
        }
    }

    /// Python's `len(value)`: code points for strings, items for containers.
    package func pythonLength() throws(TemplateError) -> Int {
        switch self {
        case .string(let string): return string.unicodeScalars.count
        case .list(let items), .tuple(let items): return items.count
        case .dict(let dict): return dict.count
        case .undefined(let undefined): throw .undefined(undefined)
        default: throw .type("object of type '\(typeName)' has no len()")
        }
    }

    /// Whether Python could put this value in a set or use it as a dict key.
    package var isPythonHashable: Bool {
        switch self {
        case .list, .dict, .undefined: return false
        case .tuple(let items): return items.allSatisfy(\.isPythonHashable)
        default: return true
        }
    }

    /// Ansible's `is_sequence`: a list or tuple, never a string or a mapping.
    package var isListLike: Bool {
        sequenceItems != nil
    }

    /// Python's `value in container` for strings (substring), lists, tuples and dicts (keys).
    package func pythonContains(_ element: Value) throws(TemplateError) -> Bool {
        switch self {
        case .string(let string):
            guard case .string(let needle) = element else {
                if case .undefined(let undefined) = element { throw .undefined(undefined) }
                throw .type("'in <string>' requires string as left operand, not \(element.typeName)")
            }
            return needle.isEmpty || PythonText.find(needle, in: string) != nil
        case .list(let items), .tuple(let items):
            return items.contains(element)
        case .dict(let dict):
            guard element.isPythonHashable else { throw .type("unhashable type: '\(element.typeName)'") }
            return dict[element] != nil
        case .undefined(let undefined):
            throw .undefined(undefined)
        default:
            throw .type("argument of type '\(typeName)' is not iterable")
        }
    }

    /// The value with strings lowercased, as Jinja2's `ignore_case` post-processor does before
    /// case-insensitive comparisons.
    package var ignoringCase: Value {
        if case .string(let string) = self { return .string(string.lowercased()) }
        return self
    }

    /// Throws the undefined error when this value is undefined; arguments are not checked by the
    /// evaluator, so filters call this on arguments they use as data.
    package func requireDefined() throws(TemplateError) {
        if case .undefined(let undefined) = self { throw .undefined(undefined) }
    }
}

extension String {
    /// The string built from code points, the unit Python's `str` indexes by.
    package init(scalars: some Sequence<Unicode.Scalar>) {
        var text = ""
        text.reserveCapacity(scalars.underestimatedCount)
        for scalar in scalars { text.unicodeScalars.append(scalar) }
        self = text
    }
}
