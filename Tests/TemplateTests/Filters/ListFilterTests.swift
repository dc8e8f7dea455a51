import Testing

/// List filters, checked against Python (see `FilterCase`).
@Suite("list filters")
struct ListFilterTests {
    @Test("behaves as in ansible-core 2.19", arguments: FilterCase.lists)
    func matchesAnsible(_ call: FilterCase) {
        call.check()
    }
}

extension FilterCase {
    static let lists: [FilterCase] = [
        FilterCase(.filter, #"first"#, #"[3, 1]"#, expect: #"3"#),
        FilterCase(.filter, #"first"#, #""abc""#, expect: #"'a'"#),
        FilterCase(.filter, #"first"#, #"{'k': 1, 'j': 2}"#, expect: #"'k'"#),
        FilterCase(.filter, #"first"#, #"5"#, error: #"TypeError: 'int' object is not iterable"#),
        FilterCase(.filter, #"last"#, #"[3, 1]"#, expect: #"1"#),
        FilterCase(.filter, #"last"#, #""abc""#, expect: #"'c'"#),
        FilterCase(.filter, #"last"#, #"{'k': 1, 'j': 2}"#, expect: #"'j'"#),
        FilterCase(.filter, #"last"#, #"5"#, error: #"TypeError: 'int' object is not reversible"#),
        FilterCase(.filter, #"length"#, #"[1, 2]"#, expect: #"2"#),
        FilterCase(.filter, #"length"#, #""é""#, expect: #"1"#),
        FilterCase(.filter, #"length"#, #""e\u0301""#, expect: #"2"#),
        FilterCase(.filter, #"length"#, #"{'a': 1}"#, expect: #"1"#),
        FilterCase(.filter, #"length"#, #"5"#, error: #"TypeError: object of type 'int' has no len()"#),
        FilterCase(.filter, #"count"#, #"(1,)"#, expect: #"1"#),
        FilterCase(.filter, #"list"#, #""ab""#, expect: #"['a', 'b']"#),
        FilterCase(.filter, #"list"#, #"{'a': 1, 'b': 2}"#, expect: #"['a', 'b']"#),
        FilterCase(.filter, #"list"#, #"(1, 2)"#, expect: #"[1, 2]"#),
        FilterCase(.filter, #"list"#, #"None"#, error: #"TypeError: 'NoneType' object is not iterable"#),
        FilterCase(.filter, #"join"#, #"[1, 2, 3]"#, expect: #"'123'"#),
        FilterCase(.filter, #"join"#, #"[1, 2, 3]"#, args: #"('|',)"#, expect: #"'1|2|3'"#),
        FilterCase(.filter, #"join"#, #""abc""#, args: #"('-',)"#, expect: #"'a-b-c'"#),
        FilterCase(.filter, #"join"#, #"[{'n': 'a'}, {'n': 'b'}]"#, args: #"(', ',)"#, kwargs: #"{'attribute': 'n'}"#, expect: #"'a, b'"#),
        FilterCase(.filter, #"join"#, #"[None, True, 1.5]"#, args: #"(',',)"#, expect: #"'None,True,1.5'"#),
        FilterCase(.filter, #"join"#, #"5"#, error: #"TypeError: 'int' object is not iterable"#),
        FilterCase(.filter, #"reverse"#, #"[1, 2, 3]"#, expect: #"[3, 2, 1]"#),
        FilterCase(.filter, #"reverse"#, #""abc""#, expect: #"'cba'"#),
        FilterCase(.filter, #"reverse"#, #"(1, 2)"#, expect: #"[2, 1]"#),
        FilterCase(.filter, #"reverse"#, #"{'a': 1, 'b': 2}"#, expect: #"['b', 'a']"#),
        FilterCase(.filter, #"reverse"#, #"5"#, error: #"FilterArgumentError: argument must be iterable"#),
        FilterCase(.filter, #"flatten"#, #"[1, [2, [3, [4]]], None, "None", "null", (5, 6)]"#, expect: #"[1, 2, 3, 4, 5, 6]"#),
        FilterCase(.filter, #"flatten"#, #"[1, [2, [3, [4]]]]"#, args: #"(1,)"#, expect: #"[1, 2, [3, [4]]]"#),
        FilterCase(.filter, #"flatten"#, #"[1, [2, None]]"#, kwargs: #"{'skip_nulls': False}"#, expect: #"[1, 2, None]"#),
        FilterCase(.filter, #"flatten"#, #"[1, [2, [3]]]"#, kwargs: #"{'levels': 0}"#, expect: #"[1, [2, [3]]]"#),
        FilterCase(.filter, #"flatten"#, #"[[{"a": [1]}]]"#, expect: #"[{'a': [1]}]"#),
        FilterCase(.filter, #"zip"#, #"[1, 2, 3]"#, args: #"([4, 5],)"#, expect: #"[(1, 4), (2, 5)]"#),
        FilterCase(.filter, #"zip"#, #"[1, 2]"#, args: #"('ab', [True, False])"#, expect: #"[(1, 'a', True), (2, 'b', False)]"#),
        FilterCase(.filter, #"zip"#, #"[1]"#, expect: #"[(1,)]"#),
        FilterCase(.filter, #"zip_longest"#, #"[1, 2, 3]"#, args: #"([4],)"#, expect: #"[(1, 4), (2, None), (3, None)]"#),
        FilterCase(.filter, #"zip_longest"#, #"[1]"#, args: #"([4, 5],)"#, kwargs: #"{'fillvalue': 0}"#, expect: #"[(1, 4), (0, 5)]"#),
        FilterCase(.filter, #"batch"#, #"[1, 2, 3, 4, 5]"#, args: #"(2,)"#, expect: #"[[1, 2], [3, 4], [5]]"#),
        FilterCase(.filter, #"batch"#, #"[1, 2, 3]"#, args: #"(2, 'x')"#, expect: #"[[1, 2], [3, 'x']]"#),
        FilterCase(.filter, #"batch"#, #"[]"#, args: #"(3,)"#, expect: #"[]"#),
        FilterCase(.filter, #"batch"#, #""abcde""#, args: #"(3,)"#, expect: #"[['a', 'b', 'c'], ['d', 'e']]"#),
        FilterCase(.filter, #"slice"#, #"[1, 2, 3, 4, 5, 6, 7]"#, args: #"(3,)"#, expect: #"[[1, 2, 3], [4, 5], [6, 7]]"#),
        FilterCase(.filter, #"slice"#, #"[1, 2, 3, 4, 5, 6, 7]"#, args: #"(3, 0)"#, expect: #"[[1, 2, 3], [4, 5, 0], [6, 7, 0]]"#),
        FilterCase(.filter, #"slice"#, #"[1, 2]"#, args: #"(4,)"#, expect: #"[[1], [2], [], []]"#),
    ]
}
