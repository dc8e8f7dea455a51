import OrderedCollections

extension Value {
    /// Python's type name, as error messages and `type_debug` show it.
    package var typeName: String {
        switch self {
        case .none: "NoneType"
        case .bool: "bool"
        case .int: "int"
        case .float: "float"
        case .string: "str"
        case .list: "list"
        case .tuple: "tuple"
        case .dict: "dict"
        case .undefined: "AnsibleUndefined"
        case .callable(let callable): callable.kind == .macro ? "Macro" : "function"
        case .namespace: "Namespace"
        }
    }

    /// Python's `str(value)`: what `{{ value }}` prints.
    package func pythonString() throws(TemplateError) -> String {
        switch self {
        case .string(let string): return string
        case .undefined(let undefined):
            if undefined.isLenient { return "" }
            throw .undefined(undefined)
        default: return pythonRepr()
        }
    }

    /// Python's `repr(value)`: how values print inside lists and dicts. With `tuplesAsLists`,
    /// tuples print as lists, as Ansible 2.19 finalizes template output.
    package func pythonRepr(tuplesAsLists: Bool = false) -> String {
        var out = ""
        writeRepr(into: &out, tuplesAsLists: tuplesAsLists)
        return out
    }

    private func writeRepr(into out: inout String, tuplesAsLists: Bool) {
        switch self {
        case .none: out += "None"
        case .bool(let bool): out += bool ? "True" : "False"
        case .int(let int): out += String(int)
        case .float(let double): out += PythonFloat.repr(double)
        case .string(let string): PythonString.writeRepr(string, into: &out)
        case .list(let items):
            out += "["
            writeItems(items, into: &out, tuplesAsLists: tuplesAsLists)
            out += "]"
        case .tuple(let items) where tuplesAsLists:
            out += "["
            writeItems(items, into: &out, tuplesAsLists: tuplesAsLists)
            out += "]"
        case .tuple(let items):
            out += "("
            writeItems(items, into: &out, tuplesAsLists: tuplesAsLists)
            if items.count == 1 { out += "," }
            out += ")"
        case .dict(let dict):
            out += "{"
            var first = true
            for (key, value) in dict {
                if !first { out += ", " }
                first = false
                key.writeRepr(into: &out, tuplesAsLists: tuplesAsLists)
                out += ": "
                value.writeRepr(into: &out, tuplesAsLists: tuplesAsLists)
            }
            out += "}"
        case .undefined: out += "AnsibleUndefined"
        case .callable(let callable):
            out += callable.kind == .macro ? "<Macro '\(callable.name)'>" : "<function \(callable.name)>"
        case .namespace(let namespace):
            out += "<Namespace "
            Value.dict(OrderedDictionary(uniqueKeysWithValues: namespace.attributes.map { (Value.string($0.key), $0.value) }))
                .writeRepr(into: &out, tuplesAsLists: tuplesAsLists)
            out += ">"
        }
    }

    private func writeItems(_ items: [Value], into out: inout String, tuplesAsLists: Bool) {
        var first = true
        for item in items {
            if !first { out += ", " }
            first = false
            item.writeRepr(into: &out, tuplesAsLists: tuplesAsLists)
        }
    }

    /// Python's `bool(value)`; using an undefined value this way is an error, as in Ansible.
    package func truthiness() throws(TemplateError) -> Bool {
        switch self {
        case .none: return false
        case .bool(let bool): return bool
        case .int(let int): return int != 0
        case .float(let double): return double != 0
        case .string(let string): return !string.isEmpty
        case .list(let items), .tuple(let items): return !items.isEmpty
        case .dict(let dict): return !dict.isEmpty
        case .undefined(let undefined):
            if undefined.isLenient { return false }
            throw .undefined(undefined)
        case .callable, .namespace: return true
        }
    }

    /// The first undefined value inside this one (at any depth), if any: printing a list that
    /// holds one fails, as in Ansible.
    package var nestedUndefined: Undefined? {
        switch self {
        case .undefined(let undefined): return undefined.isLenient ? nil : undefined
        case .list(let items), .tuple(let items):
            for item in items { if let found = item.nestedUndefined { return found } }
        case .dict(let dict):
            for (key, item) in dict {
                if let found = key.nestedUndefined ?? item.nestedUndefined { return found }
            }
        default: break
        }
        return nil
    }

    /// A numeric view used by arithmetic and comparison; bools count as ints, as in Python.
    package enum Number: Sendable {
        case int(Int)
        case float(Double)

        package var double: Double {
            switch self {
            case .int(let int): Double(int)
            case .float(let double): double
            }
        }
    }

    package var number: Number? {
        switch self {
        case .bool(let bool): .int(bool ? 1 : 0)
        case .int(let int): .int(int)
        case .float(let double): .float(double)
        default: nil
        }
    }
}

extension Value: Hashable {
    package static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.none, .none): return true
        case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.list(let a), .list(let b)), (.tuple(let a), .tuple(let b)): return a == b
        case (.dict(let a), .dict(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let other = b[key], other == value else { return false }
            }
            return true
        case (.undefined(let a), .undefined(let b)): return a == b
        case (.callable(let a), .callable(let b)): return a === b
        case (.namespace(let a), .namespace(let b)): return a === b
        default:
            guard let a = lhs.number, let b = rhs.number else { return false }
            switch (a, b) {
            case (.int(let x), .int(let y)): return x == y
            default: return a.double == b.double
            }
        }
    }

    package func hash(into hasher: inout Hasher) {
        switch self {
        case .none: hasher.combine(0)
        case .bool(let bool): hasher.combine(bool ? 1 : 0)
        case .int(let int): hasher.combine(int)
        case .float(let double):
            if let int = Int(exactly: double) { hasher.combine(int) } else { hasher.combine(double) }
        case .string(let string): hasher.combine(string)
        case .list(let items): hasher.combine(1); hasher.combine(items)
        case .tuple(let items): hasher.combine(2); hasher.combine(items)
        case .dict(let dict): hasher.combine(3); hasher.combine(dict.count)
        case .undefined: hasher.combine(4)
        case .callable(let callable): hasher.combine(ObjectIdentifier(callable))
        case .namespace(let namespace): hasher.combine(ObjectIdentifier(namespace))
        }
    }
}

extension Value {
    /// Python's ordering (`<`), for `sort`, `min`, `max` and comparisons; throws `TypeError`
    /// for values Python cannot order.
    package static func compare(_ lhs: Value, _ rhs: Value) throws(TemplateError) -> Int {
        switch (lhs, rhs) {
        case (.undefined(let undefined), _), (_, .undefined(let undefined)):
            throw .undefined(undefined)
        case (.string(let a), .string(let b)):
            if a.utf8.elementsEqual(b.utf8) { return 0 }
            return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
        case (.list(let a), .list(let b)), (.tuple(let a), .tuple(let b)):
            for (x, y) in zip(a, b) where x != y {
                return try compare(x, y)
            }
            return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
        default:
            guard let a = lhs.number, let b = rhs.number else {
                throw .type("'<' not supported between instances of '\(lhs.typeName)' and '\(rhs.typeName)'")
            }
            if case .int(let x) = a, case .int(let y) = b { return x == y ? 0 : (x < y ? -1 : 1) }
            let x = a.double
            let y = b.double
            return x == y ? 0 : (x < y ? -1 : 1)
        }
    }
}
