import OrderedCollections
import Synchronization

/// The global functions every template can call: `range`, `dict`, `namespace`, `joiner`,
/// `undef`, and `lookup`/`query`/`q`.
enum Globals {
    static func value(named name: String) -> Value? {
        switch name {
        case "range": .callable(range)
        case "dict": .callable(dict)
        case "namespace": .callable(namespace)
        case "joiner": .callable(joiner)
        case "undef": .callable(undef)
        default: nil
        }
    }

    static let range = Callable(name: "range", kind: .builtin) { arguments, _ throws(TemplateError) in
        guard arguments.keyword.isEmpty else { throw .arguments("range() takes no keyword arguments") }
        var bounds: [Int] = []
        for argument in arguments.positional {
            guard let int = Access.integerIndex(argument) else {
                throw .type("'\(argument.typeName)' object cannot be interpreted as an integer")
            }
            bounds.append(int)
        }
        let (start, stop, step): (Int, Int, Int)
        switch bounds.count {
        case 1: (start, stop, step) = (0, bounds[0], 1)
        case 2: (start, stop, step) = (bounds[0], bounds[1], 1)
        case 3: (start, stop, step) = (bounds[0], bounds[1], bounds[2])
        default: throw .arguments("range expected 1 to 3 arguments, got \(bounds.count)")
        }
        guard step != 0 else { throw .value("range() arg 3 must not be zero") }
        let count = step > 0 ? max(0, (stop - start + step - 1) / step) : max(0, (start - stop - step - 1) / -step)
        guard count <= 1_000_000 else { throw TemplateError(.overflow, "range() of \(count) items is too large") }
        return .list((0..<count).map { .int(start + $0 * step) })
    }

    static let dict = Callable(name: "dict", kind: .builtin) { arguments, _ throws(TemplateError) in
        var result = OrderedDictionary<Value, Value>()
        if let first = arguments.positional.first {
            switch first {
            case .dict(let existing): result = existing
            default:
                guard let pairs = first.sequenceItems else { throw .type("'\(first.typeName)' object is not iterable") }
                for pair in pairs {
                    guard let items = pair.sequenceItems, items.count == 2 else {
                        throw .value("dictionary update sequence element has the wrong length; 2 is required")
                    }
                    result[items[0]] = items[1]
                }
            }
        }
        for (key, value) in arguments.keyword { result[.string(key)] = value }
        return .dict(result)
    }

    static let namespace = Callable(name: "namespace", kind: .builtin) { arguments, _ throws(TemplateError) in
        var attributes = OrderedDictionary<String, Value>()
        if case .dict(let dict) = arguments.positional.first ?? .none {
            for (key, value) in dict { attributes[try key.pythonString()] = value }
        }
        for (key, value) in arguments.keyword { attributes[key] = value }
        return .namespace(Namespace(attributes))
    }

    static let joiner = Callable(name: "joiner", kind: .builtin) { arguments, _ throws(TemplateError) in
        let separator = try Signature("joiner", ["sep"]).bind(arguments).string("sep", default: ", ")
        let used = Mutex(false)
        return .callable(
            Callable(name: "joiner", kind: .builtin) { _, _ throws(TemplateError) in
                .string(used.withLock { was in defer { was = true }; return was ? separator : "" })
            })
    }

    static let undef = Callable(name: "undef", kind: .builtin) { arguments, site throws(TemplateError) in
        let hint = try Signature("undef", ["hint"]).bind(arguments).optionalString("hint")
        return .undefined(Undefined(message: hint ?? "mandatory variable has not been overridden", span: site.span, hint: hint))
    }
}

extension Renderer {
    /// `lookup`, `query` and `q`, which need the render's variables and files.
    func lookupFunction(named name: String) -> Value? {
        guard name == "lookup" || name == "query" || name == "q" else { return nil }
        let context = LookupContext(environment: environment, variables: globals, templatePath: template.source.path)
        let alwaysList = name != "lookup"
        return .callable(
            Callable(name: name, kind: .builtin) { arguments, site throws(TemplateError) in
                try context.run(arguments, alwaysList: alwaysList, span: site.span)
            })
    }
}
