/// Ansible's `itertools` filters: `product`, `combinations`, `permutations` (lists of tuples).
enum CombinatoricFilters {
    static let all: [FilterDefinition] = [
        FilterDefinition("product", body: product),
        FilterDefinition("combinations", body: combinations),
        FilterDefinition("permutations", body: permutations),
    ]

    /// `itertools.product(value, *others, repeat=1)`.
    static func product(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("product", ["repeat"]).bind(Arguments([], keyword: arguments.keyword))
        var pools = [try value.iterated()]
        for other in arguments.positional { pools.append(try other.iterated()) }
        let repeatCount = try bound.integer("repeat", default: 1)
        guard repeatCount >= 0 else { throw .value("repeat argument cannot be negative") }
        pools = Array([[[Value]]](repeating: pools, count: repeatCount).joined())
        var result: [[Value]] = [[]]
        for pool in pools {
            result = result.flatMap { prefix in pool.map { prefix + [$0] } }
        }
        return .list(result.map(Value.tuple))
    }

    /// `itertools.combinations(value, r)`, in lexicographic order of positions.
    static func combinations(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("combinations", ["r"], required: 1).bind(arguments)
        let pool = try value.iterated()
        let size = try bound.integer("r", default: 0)
        guard size >= 0 else { throw .value("r must be non-negative") }
        guard size <= pool.count else { return .list([]) }
        var result: [Value] = []
        var indices = Array(0..<size)
        while true {
            result.append(.tuple(indices.map { pool[$0] }))
            guard let position = (0..<size).reversed().first(where: { indices[$0] != $0 + pool.count - size }) else { break }
            indices[position] += 1
            for next in (position + 1)..<size { indices[next] = indices[next - 1] + 1 }
        }
        return .list(result)
    }

    /// `itertools.permutations(value, r=None)`, in lexicographic order of positions.
    static func permutations(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("permutations", ["r"]).bind(arguments)
        let pool = try value.iterated()
        let size = bound["r"].map(\.isNone) ?? true ? pool.count : try bound.integer("r", default: pool.count)
        guard size >= 0 else { throw .value("r must be non-negative") }
        guard size <= pool.count else { return .list([]) }
        var result: [Value] = []
        func extend(_ chosen: [Int]) {
            guard chosen.count < size else {
                result.append(.tuple(chosen.map { pool[$0] }))
                return
            }
            for index in pool.indices where !chosen.contains(index) { extend(chosen + [index]) }
        }
        extend([])
        return .list(result)
    }
}
