import OrderedCollections

/// A Python-style parameter list, used to bind the arguments of filters, tests, methods and
/// global functions with Python's rules (positional, then keyword, no duplicates, no unknowns).
package struct Signature: Sendable, Hashable {
    /// The callee's name for error messages (`indent`, `dict.get`).
    package var callee: String
    /// Parameter names in order.
    package var parameters: [String]
    /// How many leading parameters must be given.
    package var required: Int
    /// Whether extra positional arguments are collected (`*args`).
    package var acceptsExtraPositional: Bool
    /// Whether unknown keyword arguments are collected (`**kwargs`).
    package var acceptsExtraKeywords: Bool

    package init(
        _ callee: String, _ parameters: [String] = [], required: Int = 0,
        extraPositional: Bool = false, extraKeywords: Bool = false
    ) {
        self.callee = callee
        self.parameters = parameters
        self.required = required
        self.acceptsExtraPositional = extraPositional
        self.acceptsExtraKeywords = extraKeywords
    }

    /// Binds `arguments` to the parameters, or throws Python's `TypeError` wording.
    package func bind(_ arguments: Arguments) throws(TemplateError) -> BoundArguments {
        var values = [Value?](repeating: nil, count: parameters.count)
        var extraPositional: [Value] = []
        for (index, value) in arguments.positional.enumerated() {
            if index < parameters.count {
                values[index] = value
            } else if acceptsExtraPositional {
                extraPositional.append(value)
            } else {
                throw .arguments(
                    "\(callee)() takes \(describeCount(parameters.count)) positional argument\(parameters.count == 1 ? "" : "s") but \(arguments.positional.count) were given")
            }
        }
        var extraKeywords = OrderedDictionary<String, Value>()
        for (name, value) in arguments.keyword {
            if let index = parameters.firstIndex(of: name) {
                if values[index] != nil {
                    throw .arguments("\(callee)() got multiple values for argument '\(name)'")
                }
                values[index] = value
            } else if acceptsExtraKeywords {
                extraKeywords[name] = value
            } else {
                throw .arguments("\(callee)() got an unexpected keyword argument '\(name)'")
            }
        }
        for index in 0..<required where values[index] == nil {
            throw .arguments("\(callee)() missing required argument '\(parameters[index])'")
        }
        return BoundArguments(
            signature: self, values: values, extraPositional: extraPositional, extraKeywords: extraKeywords)
    }

    private func describeCount(_ count: Int) -> String {
        required == count ? "\(count)" : "from \(required) to \(count)"
    }
}

/// Arguments matched to a signature's parameters.
package struct BoundArguments: Sendable {
    package var signature: Signature
    package var values: [Value?]
    package var extraPositional: [Value]
    package var extraKeywords: OrderedDictionary<String, Value>

    /// The argument given for `name`, or nil when it was not given.
    package subscript(_ name: String) -> Value? {
        guard let index = signature.parameters.firstIndex(of: name) else { return nil }
        return values[index]
    }

    /// An integer argument (bools and integral floats accepted, as Python's `int()` would).
    package func int(_ name: String, default fallback: Int) throws(TemplateError) -> Int {
        guard let value = self[name] else { return fallback }
        switch value {
        case .int(let int): return int
        case .bool(let bool): return bool ? 1 : 0
        case .float(let double):
            if let int = Int(exactly: double.rounded(.towardZero)) { return int }
        case .string(let string):
            if let int = Int(string.trimmingCharacters(in: " \t\n")) { return int }
        case .undefined(let undefined):
            throw .undefined(undefined)
        default: break
        }
        throw .type("\(signature.callee)(): '\(name)' must be an integer, not \(value.typeName)")
    }

    /// A Boolean argument, with Python truthiness.
    package func bool(_ name: String, default fallback: Bool) throws(TemplateError) -> Bool {
        guard let value = self[name] else { return fallback }
        return try value.truthiness()
    }

    /// A string argument (`str()` of whatever was given).
    package func string(_ name: String, default fallback: String) throws(TemplateError) -> String {
        guard let value = self[name] else { return fallback }
        return try value.pythonString()
    }

    /// A string argument that may be absent or None.
    package func optionalString(_ name: String) throws(TemplateError) -> String? {
        guard let value = self[name], !value.isNone else { return nil }
        return try value.pythonString()
    }
}

extension String {
    /// Trims the given characters from both ends.
    package func trimmingCharacters(in set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        var view = Substring(self).unicodeScalars
        while let first = view.first, scalars.contains(first) { view.removeFirst() }
        while let last = view.last, scalars.contains(last) { view.removeLast() }
        return String(String.UnicodeScalarView(view))
    }
}
