import OrderedCollections

/// Filters over mappings: `dictsort`, `dict2items`, `items2dict`, `combine` and `subelements`.
enum DictFilters {
    static let all: [FilterDefinition] = [
        FilterDefinition("dictsort", body: dictsort),
        FilterDefinition("dict2items", body: dict2items),
        FilterDefinition("items2dict", body: items2dict),
        FilterDefinition("combine", body: combine),
        FilterDefinition("subelements", body: subelements),
    ]

    private static func requireDict(_ value: Value, _ message: String) throws(TemplateError) -> OrderedDictionary<Value, Value> {
        guard case .dict(let dict) = value else {
            try value.requireDefined()
            throw .type(message)
        }
        return dict
    }

    /// Jinja2's `dictsort(case_sensitive=False, by='key', reverse=False)`: sorted `(key, value)` tuples.
    static func dictsort(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("dictsort", ["case_sensitive", "by", "reverse"]).bind(arguments)
        let dict = try requireDict(value, "dictsort(): expected a mapping, got \(value.typeName)")
        let position: Int
        switch try bound.string("by", default: "key") {
        case "key": position = 0
        case "value": position = 1
        default: throw .arguments("dictsort(): you can only sort by either \"key\" or \"value\"")
        }
        let caseSensitive = try bound.bool("case_sensitive", default: false)
        let pairs = dict.map { [$0.key, $0.value] }
        let sorted = try PythonSort.sorted(pairs, reverse: try bound.bool("reverse", default: false)) { pair in
            caseSensitive ? pair[position] : pair[position].ignoringCase
        }
        return .list(sorted.map(Value.tuple))
    }

    /// Ansible's `dict2items(key_name='key', value_name='value')`.
    static func dict2items(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("dict2items", ["key_name", "value_name"]).bind(arguments)
        let dict = try requireDict(value, "dict2items requires a dictionary, got \(value.typeName) instead")
        let keyName = bound["key_name"] ?? .string("key")
        let valueName = bound["value_name"] ?? .string("value")
        guard keyName.isPythonHashable, valueName.isPythonHashable else {
            throw .type("dict2items(): key_name and value_name must be hashable")
        }
        return .list(dict.map { pair in
            var item = OrderedDictionary<Value, Value>()
            item[keyName] = pair.key
            item[valueName] = pair.value
            return .dict(item)
        })
    }

    /// Ansible's `items2dict(key_name='key', value_name='value')`.
    static func items2dict(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("items2dict", ["key_name", "value_name"]).bind(arguments)
        guard let items = value.sequenceItems else {
            try value.requireDefined()
            throw .type("items2dict requires a list, got \(value.typeName) instead")
        }
        let keyName = bound["key_name"] ?? .string("key")
        let valueName = bound["value_name"] ?? .string("value")
        var result = OrderedDictionary<Value, Value>()
        for item in items {
            guard case .dict(let entry) = item else {
                throw .type("items2dict requires a list of dictionaries, got \(item.typeName) in the list")
            }
            guard let key = entry[keyName], let itemValue = entry[valueName] else {
                throw .type(
                    "items2dict requires each dictionary in the list to contain the keys \(keyName.pythonRepr()) and \(valueName.pythonRepr())"
                )
            }
            guard key.isPythonHashable else { throw .type("unhashable type: '\(key.typeName)'") }
            result[key] = itemValue
        }
        return .dict(result)
    }

    /// How `combine` merges two lists found under the same key.
    enum ListMerge: String {
        case replace, keep, append, prepend
        case appendRemovingPresent = "append_rp"
        case prependRemovingPresent = "prepend_rp"
    }

    /// Ansible's `combine(*dicts, recursive=False, list_merge='replace')`; the input and the
    /// arguments may also be lists of dicts, and `None`s are skipped.
    static func combine(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("combine", ["recursive", "list_merge"], extraPositional: false).bind(
            Arguments([], keyword: arguments.keyword))
        let recursive = try bound.bool("recursive", default: false)
        let mergeName = try bound.string("list_merge", default: "replace")
        for argument in arguments.positional { try argument.requireDefined() }
        let dictionaries = try ListFilters.flattened([value] + arguments.positional, levels: 1, skipNulls: true)
        guard var result = dictionaries.last else { return .dict(OrderedDictionary()) }
        guard dictionaries.count > 1 else { return result }
        guard let listMerge = ListMerge(rawValue: mergeName) else {
            throw .value(
                "combine(): 'list_merge' must be 'replace', 'keep', 'append', 'prepend', 'append_rp' or 'prepend_rp', not '\(mergeName)'"
            )
        }
        for dictionary in dictionaries.dropLast().reversed() {
            result = try merge(dictionary, result, recursive: recursive, listMerge: listMerge)
        }
        return result
    }

    /// Ansible's `merge_hash(x, y)`: `y`'s keys win; nested dicts merge when `recursive`.
    private static func merge(_ x: Value, _ y: Value, recursive: Bool, listMerge: ListMerge) throws(TemplateError) -> Value {
        guard case .dict(let original) = x, case .dict(let high) = y else {
            throw .type("failed to combine variables, expected dicts but got a '\(x.typeName)' and a '\(y.typeName)'")
        }
        if original.isEmpty || x == y { return y }
        var low = original
        if high.isEmpty { return x }
        for (key, highValue) in high {
            guard let lowValue = low[key] else {
                low[key] = highValue
                continue
            }
            switch (lowValue, highValue) {
            case (.dict, .dict):
                low[key] = recursive ? try merge(lowValue, highValue, recursive: true, listMerge: listMerge) : highValue
            case (.list(let lowItems), .list(let highItems)):
                low[key] = mergeLists(lowItems, highItems, listMerge)
            default:
                low[key] = highValue
            }
        }
        return .dict(low)
    }

    private static func mergeLists(_ low: [Value], _ high: [Value], _ listMerge: ListMerge) -> Value {
        switch listMerge {
        case .replace: .list(high)
        case .keep: .list(low)
        case .append: .list(low + high)
        case .prepend: .list(high + low)
        case .appendRemovingPresent: .list(low.filter { !high.contains($0) } + high)
        case .prependRemovingPresent: .list(high + low.filter { !high.contains($0) })
        }
    }

    /// Ansible's `subelements(subelements, skip_missing=False)`: `(item, subitem)` pairs for each
    /// element of the list found at the dotted path in each item.
    static func subelements(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("subelements", ["subelements", "skip_missing"], required: 1).bind(arguments)
        let elements: [Value]
        switch value {
        case .dict(let dict): elements = Array(dict.values)
        case .list(let items): elements = items
        default: throw .type("subelements(): obj must be a list of dicts or a nested dict, not \(value.typeName)")
        }
        let path: [Value]
        switch bound["subelements"] {
        case .list(let keys)?: path = keys
        case .string(let text)?: path = text.split(separator: ".", omittingEmptySubsequences: false).map { .string(String($0)) }
        default: throw .type("subelements(): subelements must be a list or a string")
        }
        let skipMissing = try bound.bool("skip_missing", default: false)
        var results: [Value] = []
        for element in elements {
            var current: Value = element
            for key in path {
                guard case .dict(let dict) = current else {
                    throw .type("subelements(): the key \(key.pythonRepr()) should point to a dictionary, got \(current.pythonRepr())")
                }
                guard let next = dict[key] else {
                    if skipMissing {
                        current = .list([])
                        break
                    }
                    throw .value("could not find \(key.pythonRepr()) key in iterated item \(current.pythonRepr())")
                }
                current = next
            }
            guard case .list(let subitems) = current else {
                throw .type("subelements(): the key \(path.last?.pythonRepr() ?? "''") should point to a list, got \(current.pythonRepr())")
            }
            results += subitems.map { .tuple([element, $0]) }
        }
        return .list(results)
    }
}
