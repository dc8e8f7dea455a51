/// Filters that take sequences apart or put them together: `first`, `last`, `length`, `list`,
/// `join`, `reverse`, `flatten`, `zip`, `zip_longest`, `batch` and `slice`.
///
/// Jinja2 returns generators from several of these; Ansible 2.19 turns every generator a
/// filter returns into a list, so they return lists here.
enum ListFilters {
    static let all: [FilterDefinition] = [
        FilterDefinition("first", body: first),
        FilterDefinition("last", body: last),
        FilterDefinition("length", body: length),
        FilterDefinition("count", body: length),
        FilterDefinition("list", body: list),
        FilterDefinition("join", body: join),
        FilterDefinition("reverse", body: reverse),
        FilterDefinition("flatten", body: flatten),
        FilterDefinition("zip", body: zip),
        FilterDefinition("zip_longest", body: zipLongest),
        FilterDefinition("batch", body: batch),
        FilterDefinition("slice", body: slice),
    ]

    /// Jinja2's `first`: undefined when the sequence is empty.
    static func first(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        _ = try Signature("first").bind(arguments)
        return try value.iterated().first
            ?? .undefined(Undefined(message: "No first item, sequence was empty.", span: site.span))
    }

    /// Jinja2's `last`: `next(reversed(seq))`, undefined when the sequence is empty.
    static func last(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        _ = try Signature("last").bind(arguments)
        switch value {
        case .list, .tuple, .dict, .string:
            return try value.iterated().last
                ?? .undefined(Undefined(message: "No last item, sequence was empty.", span: site.span))
        default:
            throw .type("'\(value.typeName)' object is not reversible")
        }
    }

    /// `length`/`count`: Python's `len`.
    static func length(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        _ = try Signature("length").bind(arguments)
        return .int(try value.pythonLength())
    }

    /// Jinja2's `list`: a string becomes its characters, a dict its keys.
    static func list(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        _ = try Signature("list").bind(arguments)
        return .list(try value.iterated())
    }

    /// Jinja2's `join(d='', attribute=None)`.
    static func join(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("join", ["d", "attribute"]).bind(arguments)
        let separator = try bound.string("d", default: "")
        var items = try value.iterated()
        if let attribute = bound["attribute"], !attribute.isNone {
            let getter = try site.attributeGetter(attribute)
            items = items.map(getter)
        }
        var parts: [String] = []
        for item in items { parts.append(try item.pythonString()) }
        return .string(parts.joined(separator: separator))
    }

    /// Jinja2's `reverse`: a reversed string for strings, a reversed list otherwise.
    static func reverse(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        _ = try Signature("reverse").bind(arguments)
        switch value {
        case .string(let string): return .string(String(scalars: string.unicodeScalars.reversed()))
        case .list, .tuple, .dict: return .list(try value.iterated().reversed())
        default: throw .type("reverse(): argument must be iterable, not \(value.typeName)")
        }
    }

    /// Ansible's `flatten(levels=None, skip_nulls=True)`: lists and tuples are flattened;
    /// `None`, `'None'` and `'null'` are dropped unless `skip_nulls` is false.
    static func flatten(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("flatten", ["levels", "skip_nulls"]).bind(arguments)
        let levels = bound["levels"].map(\.isNone) ?? true ? nil : try bound.integer("levels", default: 0)
        let skipNulls = try bound.bool("skip_nulls", default: true)
        return .list(try flattened(try value.iterated(), levels: levels, skipNulls: skipNulls))
    }

    /// Ansible's `flatten` helper, also used by `combine`.
    static func flattened(_ items: [Value], levels: Int?, skipNulls: Bool) throws(TemplateError) -> [Value] {
        var result: [Value] = []
        for element in items {
            if skipNulls, element.isNone || element == .string("None") || element == .string("null") { continue }
            guard let inner = element.sequenceItems else {
                result.append(element)
                continue
            }
            switch levels {
            case nil: result += try flattened(inner, levels: nil, skipNulls: skipNulls)
            case let levels? where levels >= 1: result += try flattened(inner, levels: levels - 1, skipNulls: skipNulls)
            default: result.append(element)
            }
        }
        return result
    }

    /// Python's `zip(value, *others)`: a list of tuples, as long as the shortest input.
    static func zip(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("zip", extraPositional: true).bind(arguments)
        var columns = [try value.iterated()]
        for other in bound.extraPositional { columns.append(try other.iterated()) }
        let rows = columns.map(\.count).min() ?? 0
        return .list((0..<rows).map { row in .tuple(columns.map { $0[row] }) })
    }

    /// Python's `itertools.zip_longest(value, *others, fillvalue=None)`.
    static func zipLongest(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("zip_longest", ["fillvalue"], extraPositional: false).bind(
            Arguments([], keyword: arguments.keyword))
        let fill = bound["fillvalue"] ?? .none
        var columns = [try value.iterated()]
        for other in arguments.positional { columns.append(try other.iterated()) }
        let rows = columns.map(\.count).max() ?? 0
        return .list((0..<rows).map { row in .tuple(columns.map { row < $0.count ? $0[row] : fill }) })
    }

    /// Jinja2's `batch(linecount, fill_with=None)`: lists of `linecount` items.
    static func batch(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("batch", ["linecount", "fill_with"], required: 1).bind(arguments)
        let size = try bound.integer("linecount", default: 1)
        let fill = bound["fill_with"] ?? .none
        var batches: [Value] = []
        var current: [Value] = []
        for item in try value.iterated() {
            if current.count == size {
                batches.append(.list(current))
                current = []
            }
            current.append(item)
        }
        if !current.isEmpty {
            if !fill.isNone, current.count < size { current += Array(repeating: fill, count: size - current.count) }
            batches.append(.list(current))
        }
        return .list(batches)
    }

    /// Jinja2's `slice(slices, fill_with=None)`: `slices` lists of nearly equal length.
    static func slice(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("slice", ["slices", "fill_with"], required: 1).bind(arguments)
        let slices = try bound.integer("slices", default: 1)
        let fill = bound["fill_with"] ?? .none
        let items = try value.iterated()
        guard slices != 0 else { throw TemplateError(.zeroDivision, "integer division or modulo by zero") }
        guard slices > 0 else { return .list([]) }
        let perSlice = items.count / slices
        let withExtra = items.count % slices
        var offset = 0
        var result: [Value] = []
        for number in 0..<slices {
            let start = offset + number * perSlice
            if number < withExtra { offset += 1 }
            let end = offset + (number + 1) * perSlice
            var part = Array(items[min(start, items.count)..<min(max(start, end), items.count)])
            if !fill.isNone, number >= withExtra { part.append(fill) }
            result.append(.list(part))
        }
        return .list(result)
    }
}
