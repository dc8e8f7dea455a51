import OrderedCollections

/// Ansible's tests on registered task results: `failed`, `succeeded`, `changed`, `skipped`,
/// `reachable`, `unreachable`, `timedout`, `finished`, `started` and their aliases.
enum TaskResultTests {
    static let all: [TestDefinition] = [[TestDefinition]]([
        resultTest(["failed", "failure"]) { result throws(TemplateError) in try flag(result, "failed") },
        resultTest(["succeeded", "success", "successful"]) { result throws(TemplateError) in
            !(try flag(result, "failed"))
        },
        resultTest(["changed", "change"], changed),
        resultTest(["skipped", "skip"]) { result throws(TemplateError) in try flag(result, "skipped") },
        resultTest(["unreachable"]) { result throws(TemplateError) in try flag(result, "unreachable") },
        resultTest(["reachable"]) { result throws(TemplateError) in !(try flag(result, "unreachable")) },
        resultTest(["timedout"], timedOut),
        resultTest(["finished"]) { result throws(TemplateError) in try result[.string("finished")]?.truthiness() ?? true },
        resultTest(["started"]) { result throws(TemplateError) in try result[.string("started")]?.truthiness() ?? true },
    ]).flatMap { $0 }

    private typealias Result = OrderedDictionary<Value, Value>

    private static func resultTest(
        _ names: [String], _ body: @escaping @Sendable (Result) throws(TemplateError) -> Bool
    ) -> [TestDefinition] {
        names.map { name in
            TestDefinition(name) { value, arguments, _ throws(TemplateError) in
                _ = try Signature(name).bind(arguments)
                guard case .dict(let result) = value else {
                    throw .type("the '\(name)' test expects a dictionary, got \(value.typeName)")
                }
                return try body(result)
            }
        }
    }

    /// `bool(result.get(key))`.
    private static func flag(_ result: Result, _ key: String) throws(TemplateError) -> Bool {
        try result[.string(key)]?.truthiness() ?? false
    }

    /// Ansible's `changed`: the `changed` key, or any `changed` among `results` when a loop
    /// registered the result.
    private static func changed(_ result: Result) throws(TemplateError) -> Bool {
        if let changed = result[.string("changed")] { return try changed.truthiness() }
        guard case .list(let results)? = result[.string("results")] else { return false }
        guard let first = results.first else {
            throw .value("the 'changed' test found an empty 'results' list")
        }
        guard case .dict = first else { return false }
        for item in results {
            guard case .dict(let entry) = item else {
                throw .type("the 'changed' test expects every item of 'results' to be a dictionary")
            }
            if try entry[.string("changed")]?.truthiness() ?? false { return true }
        }
        return false
    }

    /// Ansible's `timedout`: a truthy `timedout` holding a truthy `period`.
    private static func timedOut(_ result: Result) throws(TemplateError) -> Bool {
        guard let timedOut = result[.string("timedout")], try timedOut.truthiness() else { return false }
        guard case .dict(let details) = timedOut else {
            throw .type("the 'timedout' test expects 'timedout' to be a dictionary")
        }
        return try details[.string("period")]?.truthiness() ?? false
    }
}
