import Template
import Testing

@Suite("built-in tables")
struct BuiltinTableTests {
    @Test("every filter is registered once")
    func filterNamesAreUnique() {
        let names = BuiltinFilters.definitions.map(\.name)
        #expect(names.count == Set(names).count, "duplicates: \(names.filter { name in names.filter { $0 == name }.count > 1 })")
        #expect(BuiltinFilters.all.count == names.count)
    }

    @Test("every test is registered once")
    func testNamesAreUnique() {
        let names = BuiltinTests.definitions.map(\.name)
        #expect(names.count == Set(names).count, "duplicates: \(names.filter { name in names.filter { $0 == name }.count > 1 })")
        #expect(BuiltinTests.all.count == names.count)
    }

    static let jinjaFilters = [
        "abs", "attr", "batch", "capitalize", "center", "count", "d", "default", "dictsort", "e", "escape",
        "filesizeformat", "first", "float", "forceescape", "format", "groupby", "indent", "int", "join", "last",
        "length", "list", "lower", "items", "map", "min", "max", "reject", "rejectattr", "replace", "reverse",
        "round", "safe", "select", "selectattr", "slice", "sort", "string", "sum", "title", "trim", "truncate",
        "unique", "upper", "urlencode", "wordcount", "wordwrap", "tojson",
    ]

    static let ansibleFilters = [
        "b64decode", "b64encode", "to_uuid", "to_json", "to_nice_json", "from_json", "to_yaml", "to_nice_yaml",
        "from_yaml", "from_yaml_all", "basename", "dirname", "path_join", "splitext", "normpath", "bool", "quote",
        "md5", "sha1", "checksum", "hash", "regex_replace", "regex_escape", "regex_search", "regex_findall",
        "ternary", "mandatory", "type_debug", "combine", "flatten", "dict2items", "items2dict", "subelements",
        "split", "log", "pow", "root", "unique", "intersect", "difference", "symmetric_difference", "union", "zip",
        "zip_longest", "urldecode",
    ]

    @Test("the Jinja2 and Ansible filters templates use are all there", arguments: jinjaFilters + ansibleFilters)
    func filterExists(_ name: String) {
        #expect(BuiltinFilters.all[name] != nil)
    }

    static let testNames = [
        "defined", "undefined", "none", "string", "number", "integer", "float", "boolean", "true", "false", "mapping",
        "iterable", "sequence", "callable", "sameas", "escaped", "==", "eq", "equalto", "!=", "ne", "<", "lt",
        "lessthan", "<=", "le", ">", "gt", "greaterthan", ">=", "ge", "in", "divisibleby", "even", "odd", "lower",
        "upper", "filter", "test", "match", "search", "regex", "version", "version_compare", "succeeded", "success",
        "successful", "failed", "failure", "changed", "change", "skipped", "skip", "reachable", "unreachable",
        "timedout", "finished", "started", "truthy", "falsy", "subset", "issubset", "superset", "issuperset",
        "contains", "any", "all", "nan", "isnan", "abs", "is_abs", "vault_encrypted",
    ]

    @Test("the Jinja2 and Ansible tests are all there", arguments: testNames)
    func testExists(_ name: String) {
        #expect(BuiltinTests.all[name] != nil)
    }

    @Test("only the filters that handle undefined input themselves accept it")
    func undefinedAcceptingFilters() {
        let accepting = Set(BuiltinFilters.all.values.filter(\.acceptsUndefined).map(\.name))
        #expect(accepting == ["default", "d", "mandatory", "type_debug", "items"])
        let acceptingTests = Set(BuiltinTests.all.values.filter(\.acceptsUndefined).map(\.name))
        #expect(acceptingTests == ["defined", "undefined"])
    }
}
