import Testing

/// Core filters, checked against Python (see `FilterCase`).
@Suite("core filters")
struct CoreFilterTests {
    @Test("behaves as in ansible-core 2.19", arguments: FilterCase.core)
    func matchesAnsible(_ call: FilterCase) {
        call.check()
    }
}

extension FilterCase {
    static let core: [FilterCase] = [
        FilterCase(.filter, #"default"#, #"None"#, args: #"('x',)"#, expect: #"None"#),
        FilterCase(.filter, #"default"#, #""""#, args: #"('x', True)"#, expect: #"'x'"#),
        FilterCase(.filter, #"default"#, #"0"#, args: #"('x',)"#, kwargs: #"{'boolean': True}"#, expect: #"'x'"#),
        FilterCase(.filter, #"default"#, #"5"#, args: #"('x', True)"#, expect: #"5"#),
        FilterCase(.filter, #"default"#, #""""#, args: #"('x', 1)"#, error: #"AnsibleTypeError: The 'boolean' argument must be of type 'bool', not 'int'."#),
        FilterCase(.filter, #"d"#, #"[]"#, args: #"('e', True)"#, expect: #"'e'"#),
        FilterCase(.filter, #"default"#, #"False"#, expect: #"False"#),
        FilterCase(.filter, #"mandatory"#, #"1"#, expect: #"1"#),
        FilterCase(.filter, #"ternary"#, #"True"#, args: #"('y', 'n')"#, expect: #"'y'"#),
        FilterCase(.filter, #"ternary"#, #"0"#, args: #"('y', 'n')"#, expect: #"'n'"#),
        FilterCase(.filter, #"ternary"#, #"None"#, args: #"('y', 'n', 'z')"#, expect: #"'z'"#),
        FilterCase(.filter, #"ternary"#, #"None"#, args: #"('y', 'n')"#, expect: #"'n'"#),
        FilterCase(.filter, #"ternary"#, #"[]"#, args: #"('y', 'n', 'z')"#, expect: #"'n'"#),
        FilterCase(.filter, #"ternary"#, #"1"#, args: #"('y',)"#, error: #"TypeError: ternary() missing 1 required positional argument: 'false_val'"#),
        FilterCase(.filter, #"type_debug"#, #"1"#, expect: #"'int'"#),
        FilterCase(.filter, #"type_debug"#, #"1.5"#, expect: #"'float'"#),
        FilterCase(.filter, #"type_debug"#, #""s""#, expect: #"'str'"#),
        FilterCase(.filter, #"type_debug"#, #"[1]"#, expect: #"'list'"#),
        FilterCase(.filter, #"type_debug"#, #"(1,)"#, expect: #"'tuple'"#),
        FilterCase(.filter, #"type_debug"#, #"{'a': 1}"#, expect: #"'dict'"#),
        FilterCase(.filter, #"type_debug"#, #"None"#, expect: #"'NoneType'"#),
        FilterCase(.filter, #"type_debug"#, #"True"#, expect: #"'bool'"#),
        FilterCase(.filter, #"string"#, #"5"#, expect: #"'5'"#),
        FilterCase(.filter, #"string"#, #"[1, "a"]"#, expect: #""[1, 'a']""#),
        FilterCase(.filter, #"string"#, #"None"#, expect: #"'None'"#),
        FilterCase(.filter, #"safe"#, #""<b>""#, expect: #"'<b>'"#),
        FilterCase(.filter, #"safe"#, #"5"#, expect: #"'5'"#),
        FilterCase(.filter, #"e"#, #""<a href=\"x\">&'</a>""#, expect: #"'&lt;a href=&#34;x&#34;&gt;&amp;&#39;&lt;/a&gt;'"#),
        FilterCase(.filter, #"escape"#, #"5"#, expect: #"'5'"#),
        FilterCase(.filter, #"forceescape"#, #"None"#, expect: #"'None'"#),
        FilterCase(.filter, #"attr"#, #"{'a': 1}"#, args: #"('a',)"#, error: #"AnsibleUndefinedVariable: object of type 'dict' has no attribute 'a'"#),
    ]
}
