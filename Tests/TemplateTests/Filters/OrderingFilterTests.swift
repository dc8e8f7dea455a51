import Testing

/// Ordering filters, checked against Python (see `FilterCase`).
@Suite("ordering filters")
struct OrderingFilterTests {
    @Test("behaves as in ansible-core 2.19", arguments: FilterCase.ordering)
    func matchesAnsible(_ call: FilterCase) {
        call.check()
    }
}

extension FilterCase {
    static let ordering: [FilterCase] = [
        FilterCase(.filter, #"sort"#, #"[3, 1, 2]"#, expect: #"[1, 2, 3]"#),
        FilterCase(.filter, #"sort"#, #"["b", "A", "a", "C"]"#, expect: #"['A', 'a', 'b', 'C']"#),
        FilterCase(.filter, #"sort"#, #"["b", "A", "a", "C"]"#, kwargs: #"{'case_sensitive': True}"#, expect: #"['A', 'C', 'a', 'b']"#),
        FilterCase(.filter, #"sort"#, #"["b", "A", "a", "C"]"#, args: #"(True,)"#, expect: #"['C', 'b', 'A', 'a']"#),
        FilterCase(.filter, #"sort"#, #"[1, "a"]"#, error: #"TypeError: '<' not supported between instances of 'str' and 'int'"#),
        FilterCase(.filter, #"sort"#, #"[1.5, True, 0]"#, expect: #"[0, True, 1.5]"#),
        FilterCase(.filter, #"sort"#, #"[{'n': 'b', 'a': 2}, {'n': 'a', 'a': 2}, {'n': 'c', 'a': 1}]"#, kwargs: #"{'attribute': 'a'}"#, expect: #"[{'n': 'c', 'a': 1}, {'n': 'b', 'a': 2}, {'n': 'a', 'a': 2}]"#),
        FilterCase(.filter, #"sort"#, #"[{'n': 'b', 'a': 2}, {'n': 'a', 'a': 2}, {'n': 'c', 'a': 1}]"#, kwargs: #"{'attribute': 'a,n'}"#, expect: #"[{'n': 'c', 'a': 1}, {'n': 'a', 'a': 2}, {'n': 'b', 'a': 2}]"#),
        FilterCase(.filter, #"sort"#, #"[{'n': 'b', 'a': 2}, {'n': 'a', 'a': 2}, {'n': 'c', 'a': 1}]"#, kwargs: #"{'attribute': 'a', 'reverse': True}"#, expect: #"[{'n': 'b', 'a': 2}, {'n': 'a', 'a': 2}, {'n': 'c', 'a': 1}]"#),
        FilterCase(.filter, #"sort"#, #"[{'x': {'y': 2}}, {'x': {'y': 1}}]"#, kwargs: #"{'attribute': 'x.y'}"#, expect: #"[{'x': {'y': 1}}, {'x': {'y': 2}}]"#),
        FilterCase(.filter, #"sort"#, #"[[2, 'b'], [1, 'c']]"#, kwargs: #"{'attribute': 1}"#, expect: #"[[2, 'b'], [1, 'c']]"#),
        FilterCase(.filter, #"sort"#, #"[[2, 'b'], [1, 'c']]"#, kwargs: #"{'attribute': '0'}"#, expect: #"[[1, 'c'], [2, 'b']]"#),
        FilterCase(.filter, #"sort"#, #""cab""#, expect: #"['a', 'b', 'c']"#),
        FilterCase(.filter, #"sort"#, #"{'b': 1, 'a': 2}"#, expect: #"['a', 'b']"#),
        FilterCase(.filter, #"unique"#, #"[1, 2, 1, 3, 2]"#, expect: #"[1, 2, 3]"#),
        FilterCase(.filter, #"unique"#, #"["a", "A", "b", "a"]"#, expect: #"['a', 'b']"#),
        FilterCase(.filter, #"unique"#, #"["a", "A", "b"]"#, args: #"(True,)"#, expect: #"['a', 'A', 'b']"#),
        FilterCase(.filter, #"unique"#, #"[1, 1.0, True, "1"]"#, expect: #"[1, '1']"#),
        FilterCase(.filter, #"unique"#, #"[{'a': 1}, {'a': 1}, {'a': 2}]"#, expect: #"[{'a': 1}, {'a': 2}]"#),
        FilterCase(.filter, #"unique"#, #"['A', 'a', [1], [1]]"#, expect: #"['A', 'a', [1]]"#),
        FilterCase(.filter, #"unique"#, #"[{'n': 'x', 'v': 1}, {'n': 'y', 'v': 1}]"#, kwargs: #"{'attribute': 'v'}"#, expect: #"[{'n': 'x', 'v': 1}]"#),
        FilterCase(.filter, #"unique"#, #"[[1], [1]]"#, kwargs: #"{'case_sensitive': False}"#, error: #"AnsibleError: Jinja2's unique filter failed and we cannot fall back to Ansible's version as it does not support the parameters supplied: unhashable type: '_AnsibleLazyTemplateList'"#),
        FilterCase(.filter, #"min"#, #"[3, 1, 2]"#, expect: #"1"#),
        FilterCase(.filter, #"min"#, #"["b", "A", "c"]"#, expect: #"'A'"#),
        FilterCase(.filter, #"min"#, #"["b", "A", "c"]"#, args: #"(True,)"#, expect: #"'A'"#),
        FilterCase(.filter, #"max"#, #"["b", "A", "c"]"#, expect: #"'c'"#),
        FilterCase(.filter, #"max"#, #"[{'v': 1}, {'v': 3}, {'v': 3, 'w': 0}]"#, kwargs: #"{'attribute': 'v'}"#, expect: #"{'v': 3}"#),
        FilterCase(.filter, #"max"#, #"[1, "a"]"#, error: #"TypeError: '>' not supported between instances of 'str' and 'int'"#),
        FilterCase(.filter, #"max"#, #"[1.5, 2]"#, expect: #"2"#),
        FilterCase(.filter, #"sum"#, #"[1, 2, 3]"#, expect: #"6"#),
        FilterCase(.filter, #"sum"#, #"[1, 2.5]"#, expect: #"3.5"#),
        FilterCase(.filter, #"sum"#, #"[[1], [2]]"#, kwargs: #"{'start': []}"#, expect: #"[1, 2]"#),
        FilterCase(.filter, #"sum"#, #"[]"#, expect: #"0"#),
        FilterCase(.filter, #"sum"#, #"[{'p': 1}, {'p': 2}]"#, kwargs: #"{'attribute': 'p'}"#, expect: #"3"#),
        FilterCase(.filter, #"sum"#, #"["a", "b"]"#, error: #"TypeError: unsupported operand type(s) for +: 'int' and 'str'"#),
        FilterCase(.filter, #"sum"#, #"[1]"#, kwargs: #"{'start': 10}"#, expect: #"11"#),
        FilterCase(.filter, #"sum"#, #"[True, True]"#, expect: #"2"#),
        FilterCase(.filter, #"sum"#, #"[0.1, 0.2]"#, expect: #"0.30000000000000004"#),
        FilterCase(.filter, #"groupby"#, #"[{'c': 'NY', 'n': 1}, {'c': 'ca', 'n': 2}, {'c': 'CA', 'n': 3}, {'c': 'ny', 'n': 4}]"#, args: #"('c',)"#, expect: #"[('ca', [{'c': 'ca', 'n': 2}, {'c': 'CA', 'n': 3}]), ('NY', [{'c': 'NY', 'n': 1}, {'c': 'ny', 'n': 4}])]"#),
        FilterCase(.filter, #"groupby"#, #"[{'c': 'NY', 'n': 1}, {'c': 'ca', 'n': 2}, {'c': 'CA', 'n': 3}]"#, args: #"('c',)"#, kwargs: #"{'case_sensitive': True}"#, expect: #"[('CA', [{'c': 'CA', 'n': 3}]), ('NY', [{'c': 'NY', 'n': 1}]), ('ca', [{'c': 'ca', 'n': 2}])]"#),
        FilterCase(.filter, #"groupby"#, #"[{'c': 'a'}, {'n': 2}]"#, args: #"('c',)"#, kwargs: #"{'default': 'z'}"#, error: #"AnsibleUndefinedVariable: object of type 'dict' has no attribute 'c'"#),
        FilterCase(.filter, #"groupby"#, #"[[1, 'a'], [0, 'b'], [1, 'c']]"#, args: #"(0,)"#, expect: #"[(0, [[0, 'b']]), (1, [[1, 'a'], [1, 'c']])]"#),
    ]
}
