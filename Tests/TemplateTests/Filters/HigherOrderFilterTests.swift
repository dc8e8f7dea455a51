import Testing

/// Higher-order filters, checked against Python (see `FilterCase`).
@Suite("higher-order filters")
struct HigherOrderFilterTests {
    @Test("behaves as in ansible-core 2.19", arguments: FilterCase.higherOrder)
    func matchesAnsible(_ call: FilterCase) {
        call.check()
    }
}

extension FilterCase {
    static let higherOrder: [FilterCase] = [
        FilterCase(.filter, #"map"#, #"["a", "B"]"#, args: #"('upper',)"#, expect: #"['A', 'B']"#),
        FilterCase(.filter, #"map"#, #"[" a ", "b"]"#, args: #"('trim',)"#, expect: #"['a', 'b']"#),
        FilterCase(.filter, #"map"#, #"[1, 2]"#, args: #"('string',)"#, expect: #"['1', '2']"#),
        FilterCase(.filter, #"map"#, #"[{'a': 1}, {'a': 2}]"#, kwargs: #"{'attribute': 'a'}"#, expect: #"[1, 2]"#),
        FilterCase(.filter, #"map"#, #"[{'a': 1}, {'b': 2}]"#, kwargs: #"{'attribute': 'a', 'default': 0}"#, expect: #"[1, 0]"#),
        FilterCase(.filter, #"map"#, #"[[1, 2], [3, 4]]"#, args: #"('join', '-')"#, expect: #"['1-2', '3-4']"#),
        FilterCase(.filter, #"map"#, #"["a,b", "c"]"#, args: #"('split', ',')"#, expect: #"[['a', 'b'], ['c']]"#),
        FilterCase(.filter, #"map"#, #"None"#, args: #"('upper',)"#, expect: #"[]"#),
        FilterCase(.filter, #"map"#, #"[]"#, expect: #"[]"#),
        FilterCase(.filter, #"map"#, #"[1]"#, error: #"FilterArgumentError: map requires a filter argument"#),
        FilterCase(.filter, #"map"#, #"[{'a': {'b': 5}}]"#, kwargs: #"{'attribute': 'a.b'}"#, expect: #"[5]"#),
        FilterCase(.filter, #"map"#, #"["x"]"#, args: #"('replace',)"#, kwargs: #"{'old': 'x', 'new': 'y'}"#, expect: #"['y']"#),
        FilterCase(.filter, #"select"#, #"[0, 1, 2, 3, None, "", "a"]"#, expect: #"[1, 2, 3, 'a']"#),
        FilterCase(.filter, #"select"#, #"[1, 2, 3, 4]"#, args: #"('odd',)"#, expect: #"[1, 3]"#),
        FilterCase(.filter, #"select"#, #"[1, 2, 3, 6]"#, args: #"('divisibleby', 3)"#, expect: #"[3, 6]"#),
        FilterCase(.filter, #"select"#, #"[1, 5, 9]"#, args: #"('>', 4)"#, expect: #"[5, 9]"#),
        FilterCase(.filter, #"select"#, #"["a", "b"]"#, args: #"('equalto', 'a')"#, expect: #"['a']"#),
        FilterCase(.filter, #"select"#, #"None"#, expect: #"[]"#),
        FilterCase(.filter, #"reject"#, #"[1, 2, 3, 4]"#, args: #"('odd',)"#, expect: #"[2, 4]"#),
        FilterCase(.filter, #"reject"#, #"[0, 1, None]"#, expect: #"[0, None]"#),
        FilterCase(.filter, #"reject"#, #"["ab", "cd"]"#, args: #"('match', 'a')"#, expect: #"['cd']"#),
        FilterCase(.filter, #"selectattr"#, #"[{'a': True}, {'a': False}, {'a': 1}]"#, args: #"('a',)"#, expect: #"[{'a': True}, {'a': 1}]"#),
        FilterCase(.filter, #"selectattr"#, #"[{'a': 1}, {'b': 2}]"#, args: #"('a', 'defined')"#, expect: #"[{'a': 1}]"#),
        FilterCase(.filter, #"selectattr"#, #"[{'n': 'x', 'v': 3}, {'n': 'y', 'v': 5}]"#, args: #"('v', 'gt', 4)"#, expect: #"[{'n': 'y', 'v': 5}]"#),
        FilterCase(.filter, #"selectattr"#, #"[{'a': 1}]"#, args: #"('a', 'eq', 1)"#, expect: #"[{'a': 1}]"#),
        FilterCase(.filter, #"selectattr"#, #"[{'a': {'b': 'yes'}}, {'a': {'b': 'no'}}]"#, args: #"('a.b', 'in', ['yes'])"#, expect: #"[{'a': {'b': 'yes'}}]"#),
        FilterCase(.filter, #"rejectattr"#, #"[{'a': True}, {'a': False}]"#, args: #"('a',)"#, expect: #"[{'a': False}]"#),
        FilterCase(.filter, #"rejectattr"#, #"[{'a': 1}, {'b': 2}]"#, args: #"('a', 'undefined')"#, expect: #"[{'a': 1}]"#),
        FilterCase(.filter, #"rejectattr"#, #"[{'s': 'ok'}, {'s': 'bad'}]"#, args: #"('s', 'equalto', 'bad')"#, expect: #"[{'s': 'ok'}]"#),
    ]
}
