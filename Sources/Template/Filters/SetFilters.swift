/// Ansible's set-theory filters: `union`, `intersect`, `difference`, `symmetric_difference`.
///
/// Ansible computes `list(set(a) | set(b))` and friends, so the result order is CPython's hash
/// table order (reproduced by `PythonSet`, as the oracle runs with `PYTHONHASHSEED=0`). When an
/// item cannot be hashed Ansible falls back to order-preserving, `==`-based versions.
enum SetFilters {
    static let all: [FilterDefinition] = [
        FilterDefinition("union", body: union),
        FilterDefinition("intersect", body: intersect),
        FilterDefinition("difference", body: difference),
        FilterDefinition("symmetric_difference", body: symmetricDifference),
    ]

    private static func operands(
        _ value: Value, _ arguments: Arguments, _ name: String
    ) throws(TemplateError) -> (a: [Value], b: Value, bItems: [Value]) {
        let bound = try Signature(name, ["b"], required: 1).bind(arguments)
        let b = bound["b"] ?? .none
        try b.requireDefined()
        return (try value.iterated(), b, try b.iterated())
    }

    private static func sets(_ a: [Value], _ b: [Value]) -> (PythonSet, PythonSet)? {
        guard let first = PythonSet(a), let second = PythonSet(b) else { return nil }
        return (first, second)
    }

    static func union(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let (a, _, b) = try operands(value, arguments, "union")
        return .list(unionItems(a, b))
    }

    private static func unionItems(_ a: [Value], _ b: [Value]) -> [Value] {
        if let (first, second) = sets(a, b) { return first.union(second).elements }
        return OrderingFilters.uniqueByEquality(a + b)
    }

    static func intersect(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let (a, b, bItems) = try operands(value, arguments, "intersect")
        return .list(try intersectItems(a, b, bItems))
    }

    private static func intersectItems(_ a: [Value], _ b: Value, _ bItems: [Value]) throws(TemplateError) -> [Value] {
        if let (first, second) = sets(a, bItems) { return first.intersection(second).elements }
        var kept: [Value] = []
        for item in a where try b.pythonContains(item) { kept.append(item) }
        return OrderingFilters.uniqueByEquality(kept)
    }

    static func difference(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let (a, b, bItems) = try operands(value, arguments, "difference")
        if let (first, second) = sets(a, bItems) { return .list(first.subtracting(second).elements) }
        var kept: [Value] = []
        for item in a where !(try b.pythonContains(item)) { kept.append(item) }
        return .list(OrderingFilters.uniqueByEquality(kept))
    }

    static func symmetricDifference(
        _ value: Value, _ arguments: Arguments, _ site: CallSite
    ) throws(TemplateError) -> Value {
        let (a, b, bItems) = try operands(value, arguments, "symmetric_difference")
        if let (first, second) = sets(a, bItems) { return .list(first.symmetricDifference(second).elements) }
        let common = try intersectItems(a, b, bItems)
        return .list(unionItems(a, bItems).filter { !common.contains($0) })
    }
}
