import Testing

/// Dict filters, checked against Python (see `FilterCase`).
@Suite("dict filters")
struct DictFilterTests {
    @Test("behaves as in ansible-core 2.19", arguments: FilterCase.dicts)
    func matchesAnsible(_ call: FilterCase) {
        call.check()
    }
}

extension FilterCase {
    static let dicts: [FilterCase] = [
        FilterCase(.filter, #"dictsort"#, #"{'b': 1, 'A': 2, 'a': 3}"#, expect: #"[('A', 2), ('a', 3), ('b', 1)]"#),
        FilterCase(.filter, #"dictsort"#, #"{'b': 1, 'A': 2, 'a': 3}"#, args: #"(True,)"#, expect: #"[('A', 2), ('a', 3), ('b', 1)]"#),
        FilterCase(.filter, #"dictsort"#, #"{'x': 'B', 'y': 'a', 'z': 'c'}"#, args: #"(False, 'value')"#, expect: #"[('y', 'a'), ('x', 'B'), ('z', 'c')]"#),
        FilterCase(.filter, #"dictsort"#, #"{'b': 1, 'a': 2}"#, kwargs: #"{'reverse': True}"#, expect: #"[('b', 1), ('a', 2)]"#),
        FilterCase(.filter, #"dictsort"#, #"{'a': 1}"#, args: #"(False, 'other')"#, error: #"FilterArgumentError: You can only sort by either "key" or "value""#),
        FilterCase(.filter, #"dictsort"#, #"[1]"#, error: #"AttributeError: '_AnsibleLazyTemplateList' object has no attribute 'items'"#),
        FilterCase(.filter, #"dictsort"#, #"{1: 'a', 'b': 2}"#, error: #"TypeError: '<' not supported between instances of 'str' and 'int'"#),
        FilterCase(.filter, #"dict2items"#, #"{'a': 1, 'b': [2]}"#, expect: #"[{'key': 'a', 'value': 1}, {'key': 'b', 'value': [2]}]"#),
        FilterCase(.filter, #"dict2items"#, #"{'a': 1}"#, args: #"('k', 'v')"#, expect: #"[{'k': 'a', 'v': 1}]"#),
        FilterCase(.filter, #"dict2items"#, #"[1]"#, error: #"AnsibleTypeError: dict2items requires a dictionary, got <class 'ansible._internal._templating._lazy_containers._AnsibleLazyTemplateList'> instead."#),
        FilterCase(.filter, #"items2dict"#, #"[{'key': 'a', 'value': 1}, {'key': 'b', 'value': 2}, {'key': 'a', 'value': 3}]"#, expect: #"{'a': 3, 'b': 2}"#),
        FilterCase(.filter, #"items2dict"#, #"[{'k': 'a', 'v': 1}]"#, kwargs: #"{'key_name': 'k', 'value_name': 'v'}"#, expect: #"{'a': 1}"#),
        FilterCase(.filter, #"items2dict"#, #"[{'key': 'a'}]"#, error: #"AnsibleTypeError: items2dict requires each dictionary in the list to contain the keys 'key' and 'value', got [{'key': 'a'}] instead."#),
        FilterCase(.filter, #"items2dict"#, #"{'a': 1}"#, error: #"AnsibleTypeError: items2dict requires a list, got <class 'ansible._internal._templating._lazy_containers._AnsibleLazyTemplateDict'> instead."#),
        FilterCase(.filter, #"items2dict"#, #"[[1, 2]]"#, error: #"AnsibleTypeError: items2dict requires a list of dictionaries, got [[1, 2]] instead."#),
        FilterCase(.filter, #"combine"#, #"{'a': 1, 'b': {'x': 1}}"#, args: #"({'b': {'y': 2}, 'c': 3},)"#, expect: #"{'a': 1, 'b': {'y': 2}, 'c': 3}"#),
        FilterCase(.filter, #"combine"#, #"{'a': 1, 'b': {'x': 1}}"#, args: #"({'b': {'y': 2}},)"#, kwargs: #"{'recursive': True}"#, expect: #"{'a': 1, 'b': {'x': 1, 'y': 2}}"#),
        FilterCase(.filter, #"combine"#, #"{'a': [1, 2]}"#, args: #"({'a': [2, 3]},)"#, kwargs: #"{'list_merge': 'append'}"#, expect: #"{'a': [1, 2, 2, 3]}"#),
        FilterCase(.filter, #"combine"#, #"{'a': [1, 2]}"#, args: #"({'a': [2, 3]},)"#, kwargs: #"{'list_merge': 'prepend'}"#, expect: #"{'a': [2, 3, 1, 2]}"#),
        FilterCase(.filter, #"combine"#, #"{'a': [1, 2]}"#, args: #"({'a': [2, 3]},)"#, kwargs: #"{'list_merge': 'append_rp'}"#, expect: #"{'a': [1, 2, 3]}"#),
        FilterCase(.filter, #"combine"#, #"{'a': [1, 2]}"#, args: #"({'a': [2, 3]},)"#, kwargs: #"{'list_merge': 'prepend_rp'}"#, expect: #"{'a': [2, 3, 1]}"#),
        FilterCase(.filter, #"combine"#, #"{'a': [1, 2]}"#, args: #"({'a': [2, 3]},)"#, kwargs: #"{'list_merge': 'keep'}"#, expect: #"{'a': [1, 2]}"#),
        FilterCase(.filter, #"combine"#, #"{'a': 1}"#, args: #"({'a': 2}, {'a': 3, 'b': 4})"#, expect: #"{'a': 3, 'b': 4}"#),
        FilterCase(.filter, #"combine"#, #"[{'a': 1}, {'b': 2}]"#, expect: #"{'a': 1, 'b': 2}"#),
        FilterCase(.filter, #"combine"#, #"{}"#, args: #"({'b': 1, 'a': 2},)"#, expect: #"{'b': 1, 'a': 2}"#),
        FilterCase(.filter, #"combine"#, #"{'a': 1, 'b': 2}"#, args: #"({'b': 2, 'a': 1},)"#, expect: #"{'b': 2, 'a': 1}"#),
        FilterCase(.filter, #"combine"#, #"{'a': 1}"#, args: #"(None, {'b': 2})"#, expect: #"{'a': 1, 'b': 2}"#),
        FilterCase(.filter, #"combine"#, #"{'a': 1}"#, args: #"([1],)"#, error: #"AnsibleError: failed to combine variables, expected dicts but got a '_AnsibleLazyTemplateDict' and a 'int'."#),
        FilterCase(.filter, #"combine"#, #"{'a': 1}"#, kwargs: #"{'list_merge': 'bad'}"#, expect: #"{'a': 1}"#),
        FilterCase(.filter, #"combine"#, #"{'a': {'b': {'c': 1, 'd': 2}}}"#, args: #"({'a': {'b': {'c': 3}, 'e': 4}},)"#, kwargs: #"{'recursive': True}"#, expect: #"{'a': {'b': {'c': 3, 'd': 2}, 'e': 4}}"#),
        FilterCase(.filter, #"combine"#, #"{'a': 1}"#, kwargs: #"{'foo': 1}"#, error: #"AnsibleTemplatePluginError: 'recursive' and 'list_merge' are the only valid keyword arguments"#),
        FilterCase(.filter, #"subelements"#, #"[{'n': 'a', 'g': ['x', 'y']}, {'n': 'b', 'g': []}]"#, args: #"('g',)"#, expect: #"[({'n': 'a', 'g': ['x', 'y']}, 'x'), ({'n': 'a', 'g': ['x', 'y']}, 'y')]"#),
        FilterCase(.filter, #"subelements"#, #"[{'n': 'a', 'u': {'g': [1]}}]"#, args: #"('u.g',)"#, expect: #"[({'n': 'a', 'u': {'g': [1]}}, 1)]"#),
        FilterCase(.filter, #"subelements"#, #"[{'n': 'a'}]"#, args: #"('g',)"#, error: #"AnsibleTemplatePluginError: could not find 'g' key in iterated item {'n': 'a'}"#),
        FilterCase(.filter, #"subelements"#, #"[{'n': 'a'}]"#, args: #"('g',)"#, kwargs: #"{'skip_missing': True}"#, expect: #"[]"#),
        FilterCase(.filter, #"subelements"#, #"{'k': {'g': [1, 2]}}"#, args: #"('g',)"#, expect: #"[({'g': [1, 2]}, 1), ({'g': [1, 2]}, 2)]"#),
        FilterCase(.filter, #"subelements"#, #"[{'g': 5}]"#, args: #"('g',)"#, error: #"AnsibleTypeError: the key 'g' should point to a list, got 5"#),
        FilterCase(.filter, #"items"#, #"{'a': 1, 'b': 2}"#, expect: #"[('a', 1), ('b', 2)]"#),
        FilterCase(.filter, #"items"#, #"[1]"#, error: #"TypeError: Can only get item pairs from a mapping."#),
    ]
}
