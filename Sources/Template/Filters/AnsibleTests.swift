/// Ansible 2.19's general tests: `match`, `search`, `regex`, `version`, `truthy`, `falsy`,
/// `any`, `all`, `subset`, `superset`, `contains`, `nan`, `abs`, `vault_encrypted`.
enum AnsibleTests {
    static let all: [TestDefinition] = [
        TestDefinition("match") { value, arguments, _ throws(TemplateError) in
            let bound = try Signature("match", ["pattern", "ignorecase", "multiline"]).bind(arguments)
            return try regex(value, bound, anchoring: .match)
        },
        TestDefinition("search") { value, arguments, _ throws(TemplateError) in
            let bound = try Signature("search", ["pattern", "ignorecase", "multiline"]).bind(arguments)
            return try regex(value, bound, anchoring: .search)
        },
        TestDefinition("regex") { value, arguments, _ throws(TemplateError) in
            let bound = try Signature("regex", ["pattern", "ignorecase", "multiline", "match_type"]).bind(arguments)
            let type = try bound.string("match_type", default: "search")
            guard let anchoring = PythonRegex.Anchoring(rawValue: type) else {
                throw .value("regex(): unsupported match_type '\(type)': use 'search', 'match' or 'fullmatch'")
            }
            return try regex(value, bound, anchoring: anchoring)
        },
        TestDefinition("version", body: version),
        TestDefinition("version_compare", body: version),
        TestDefinition("truthy") { value, arguments, _ throws(TemplateError) in
            let bound = try Signature("truthy", ["convert_bool"]).bind(arguments)
            return try truthy(value, convert: try bound.bool("convert_bool", default: false))
        },
        TestDefinition("falsy") { value, arguments, _ throws(TemplateError) in
            let bound = try Signature("falsy", ["convert_bool"]).bind(arguments)
            return !(try truthy(value, convert: try bound.bool("convert_bool", default: false)))
        },
        TestDefinition("any") { value, arguments, _ throws(TemplateError) in
            _ = try Signature("any").bind(arguments)
            for item in try value.iterated() where try item.truthiness() { return true }
            return false
        },
        TestDefinition("all") { value, arguments, _ throws(TemplateError) in
            _ = try Signature("all").bind(arguments)
            for item in try value.iterated() where !(try item.truthiness()) { return false }
            return true
        },
        TestDefinition("contains") { value, arguments, _ throws(TemplateError) in
            let bound = try Signature("contains", ["value"], required: 1).bind(arguments)
            return try value.pythonContains(bound["value"] ?? .none)
        },
        TestDefinition("vault_encrypted") { _, arguments, _ throws(TemplateError) in
            _ = try Signature("vault_encrypted").bind(arguments)
            return false
        },
    ] + aliases(["subset", "issubset"], subset) + aliases(["superset", "issuperset"], superset)
        + aliases(["nan", "isnan"], nan) + aliases(["abs", "is_abs"], isAbsolute)

    private static func aliases(_ names: [String], _ body: @escaping TestDefinition.Body) -> [TestDefinition] {
        names.map { TestDefinition($0, body: body) }
    }

    private static func regex(
        _ value: Value, _ bound: BoundArguments, anchoring: PythonRegex.Anchoring
    ) throws(TemplateError) -> Bool {
        let pattern = try RegexFilters.pattern(bound["pattern"], for: bound.signature.callee)
        let regex = try PythonRegex.compile(pattern, flags: try RegexFilters.flags(bound))
        return regex.firstMatch(in: try value.pythonString(), anchoring: anchoring) != nil
    }

    /// Ansible's `version(version, operator='eq', strict=None, version_type=None)`.
    static func version(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Bool {
        let bound = try Signature("version", ["version", "operator", "strict", "version_type"], required: 1)
            .bind(arguments)
        let other = bound["version"] ?? .none
        let strict = bound["strict"].flatMap { $0.isNone ? nil : $0 }
        let typeName = bound["version_type"].flatMap { $0.isNone ? nil : $0 }
        if strict != nil, typeName != nil { throw .value("cannot specify both 'strict' and 'version_type'") }
        guard try value.truthiness() else { throw .value("input version value cannot be empty") }
        guard try other.truthiness() else { throw .value("version parameter to compare against cannot be empty") }
        var scheme = VersionScheme.loose
        if try strict?.truthiness() ?? false {
            scheme = .strict
        } else if let typeName, try typeName.truthiness() {
            let name = try typeName.pythonString()
            guard let named = VersionScheme(rawValue: name) else {
                throw .value(
                    "invalid version type (\(name)); must be one of 'loose', 'strict', 'semver', 'semantic', 'pep440'")
            }
            scheme = named
        }
        let operatorName = try bound.string("operator", default: "eq")
        let order: Int
        do throws(TemplateError) {
            order = try scheme.compare(try value.pythonString(), try other.pythonString())
        } catch {
            throw .value("version comparison failed: \(error.message)")
        }
        switch operatorName {
        case "==", "=", "eq": return order == 0
        case "!=", "<>", "ne": return order != 0
        case "<", "lt": return order < 0
        case "<=", "le": return order <= 0
        case ">", "gt": return order > 0
        case ">=", "ge": return order >= 0
        default:
            throw .value(
                "invalid operator type (\(operatorName)); must be one of '==', '=', 'eq', '<', 'lt', '<=', 'le', '>', 'gt', '>=', 'ge', '!=', '<>', 'ne'"
            )
        }
    }

    /// Ansible's `truthy`: Python truthiness, after `boolean()` conversion of `yes`/`no`-like
    /// values when asked.
    private static func truthy(_ value: Value, convert: Bool) throws(TemplateError) -> Bool {
        guard convert else { return try value.truthiness() }
        switch value {
        case .bool(let bool): return bool
        case .string(let text):
            let normalized = PythonText.strip(text.lowercased(), characters: nil)
            if ["y", "yes", "on", "1", "true", "t"].contains(normalized) { return true }
            if ["n", "no", "off", "0", "false", "f"].contains(normalized) { return false }
        case .int, .float:
            if value == .int(1) { return true }
            if value == .int(0) { return false }
        default: break
        }
        return try value.truthiness()
    }

    private static func pythonSet(_ value: Value, _ test: String) throws(TemplateError) -> PythonSet {
        guard let set = PythonSet(try value.iterated()) else {
            throw .type("\(test)(): unhashable type in \(value.typeName)")
        }
        return set
    }

    /// Ansible's `subset(b)`: `set(a) <= set(b)`.
    static func subset(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Bool {
        let bound = try Signature("subset", ["b"], required: 1).bind(arguments)
        let small = try pythonSet(value, "subset")
        let large = try pythonSet(bound["b"] ?? .none, "subset")
        return small.elements.allSatisfy { element in PythonHash.hash(element).map { large.contains(element, hash: $0) } ?? false }
    }

    /// Ansible's `superset(b)`: `set(a) >= set(b)`.
    static func superset(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Bool {
        let bound = try Signature("superset", ["b"], required: 1).bind(arguments)
        return try subset(bound["b"] ?? .none, Arguments([value]), site)
    }

    /// Ansible's `nan`: `math.isnan` for numbers, false for anything else.
    static func nan(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Bool {
        _ = try Signature("isnan").bind(arguments)
        return value.number.map { $0.double.isNaN } ?? false
    }

    /// Ansible's `abs`: `os.path.isabs`.
    static func isAbsolute(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Bool {
        _ = try Signature("abs").bind(arguments)
        return try StringFilters.requireString(value, for: "abs").hasPrefix("/")
    }
}
