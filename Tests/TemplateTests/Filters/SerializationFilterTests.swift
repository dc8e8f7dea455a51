import Testing

/// Serialization filters, checked against Python (see `FilterCase`).
@Suite("serialization filters")
struct SerializationFilterTests {
    @Test("behaves as in ansible-core 2.19", arguments: FilterCase.serialization)
    func matchesAnsible(_ call: FilterCase) {
        call.check()
    }
}

extension FilterCase {
    static let serialization: [FilterCase] = [
        FilterCase(.filter, #"to_json"#, #"{'a': 1.0, 'b': [1, 'é', None, True], 'c': (1, 2)}"#, expect: #"'{"a": 1.0, "b": [1, "\\u00e9", null, true], "c": [1, 2]}'"#),
        FilterCase(.filter, #"to_json"#, #"{'b': 1, 'a': {'c': [], 'd': {}}}"#, kwargs: #"{'indent': 2}"#, expect: #"'{\n  "b": 1,\n  "a": {\n    "c": [],\n    "d": {}\n  }\n}'"#),
        FilterCase(.filter, #"to_json"#, #"{'b': 1, 'a': 2}"#, kwargs: #"{'sort_keys': True}"#, expect: #"'{"a": 2, "b": 1}'"#),
        FilterCase(.filter, #"to_json"#, #"{'b': 1, 'a': 2}"#, kwargs: #"{'separators': (',', ':')}"#, expect: #"'{"b":1,"a":2}'"#),
        FilterCase(.filter, #"to_json"#, #""é\u2028\x7f\x01\"\\""#, kwargs: #"{'ensure_ascii': False}"#, expect: #"'"é\u2028\x7f\\u0001\\"\\\\"'"#),
        FilterCase(.filter, #"to_json"#, #""é\U0001f600\x7f\b""#, expect: #"'"\\u00e9\\ud83d\\ude00\\u007f\\b"'"#),
        FilterCase(.filter, #"to_json"#, #"{1: 2, None: 4, 2.5: 1, True: 0}"#, expect: #"'{"1": 0, "null": 4, "2.5": 1}'"#),
        FilterCase(.filter, #"to_json"#, #"[1e100, 1e-7, 0.1, -0.0, 100.0]"#, expect: #"'[1e+100, 1e-07, 0.1, -0.0, 100.0]'"#),
        FilterCase(.filter, #"to_json"#, #"nan"#, expect: #"'NaN'"#),
        FilterCase(.filter, #"to_json"#, #"{(1,): 2}"#, error: #"TypeError: Key of type 'tuple' is not JSON serializable by the 'tagless' profile."#),
        FilterCase(.filter, #"to_json"#, #"[1]"#, kwargs: #"{'indent': '\t'}"#, expect: #"'[\n\t1\n]'"#),
        FilterCase(.filter, #"to_json"#, #"[1, [2]]"#, kwargs: #"{'indent': 0}"#, expect: #"'[\n1,\n[\n2\n]\n]'"#),
        FilterCase(.filter, #"to_json"#, #"{}"#, kwargs: #"{'indent': 4}"#, expect: #"'{}'"#),
        FilterCase(.filter, #"to_json"#, #"[1]"#, kwargs: #"{'bogus': 1}"#, error: #"TypeError: JSONEncoder.__init__() got an unexpected keyword argument 'bogus'"#),
        FilterCase(.filter, #"to_nice_json"#, #"{'b': 1, 'a': {'c': [1, 2], 'd': {}}}"#, expect: #"'{\n    "a": {\n        "c": [\n            1,\n            2\n        ],\n        "d": {}\n    },\n    "b": 1\n}'"#),
        FilterCase(.filter, #"to_nice_json"#, #"{'b': 1, 'a': 2}"#, kwargs: #"{'indent': 2, 'sort_keys': False}"#, expect: #"'{\n  "b": 1,\n  "a": 2\n}'"#),
        FilterCase(.filter, #"to_nice_json"#, #""x""#, expect: #"'"x"'"#),
        FilterCase(.filter, #"to_nice_json"#, #"[]"#, expect: #"'[]'"#),
        FilterCase(.filter, #"to_nice_json"#, #"["é"]"#, expect: #"'[\n    "\\u00e9"\n]'"#),
        FilterCase(.filter, #"tojson"#, #"{'b': "<a href='x'>&</a>", 'a': 1}"#, expect: #"'{"a": 1, "b": "\\u003ca href=\\u0027x\\u0027\\u003e\\u0026\\u003c/a\\u003e"}'"#),
        FilterCase(.filter, #"tojson"#, #"[1]"#, args: #"(2,)"#, expect: #"'[\n  1\n]'"#),
        FilterCase(.filter, #"from_json"#, #"'{"a": 1.0, "b": 1e5, "c": [1, 2], "a": 2, "d": null, "e": "\\u00e9\\ud83d\\ude00"}'"#, expect: #"{'a': 2, 'b': 100000.0, 'c': [1, 2], 'd': None, 'e': 'é😀'}"#),
        FilterCase(.filter, #"from_json"#, #""[NaN, Infinity, -Infinity, -0, 1E2]""#, expect: #"[nan, inf, -inf, 0, 100.0]"#),
        FilterCase(.filter, #"from_json"#, #"" 5 ""#, expect: #"5"#),
        FilterCase(.filter, #"from_json"#, #""{""#, error: #"JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"#),
        FilterCase(.filter, #"from_json"#, #""[1,]""#, error: #"JSONDecodeError: Expecting value: line 1 column 4 (char 3)"#),
        FilterCase(.filter, #"from_json"#, #""01""#, error: #"JSONDecodeError: Extra data: line 1 column 2 (char 1)"#),
        FilterCase(.filter, #"from_json"#, #""\"a\\qb\"""#, error: #"JSONDecodeError: Invalid \escape: line 1 column 3 (char 2)"#),
        FilterCase(.filter, #"from_json"#, #"5"#, error: #"TypeError: the JSON object must be str, bytes or bytearray, not int"#),
        FilterCase(.filter, #"from_json"#, #""""#, error: #"JSONDecodeError: Expecting value: line 1 column 1 (char 0)"#),
        FilterCase(.filter, #"from_json"#, #""[1, 2] x""#, error: #"JSONDecodeError: Extra data: line 1 column 8 (char 7)"#),
        FilterCase(.filter, #"from_json"#, #""\"a\tb\"""#, error: #"JSONDecodeError: Invalid control character at: line 1 column 3 (char 2)"#),
        FilterCase(.filter, #"to_yaml"#, #"{'b': [1, 2], 'a': {'x': 'y'}}"#, expect: #"'a: {x: y}\nb: [1, 2]\n'"#),
        FilterCase(.filter, #"to_yaml"#, #""foo""#, expect: #"'foo\n'"#),
        FilterCase(.filter, #"to_yaml"#, #"5"#, expect: #"'5\n'"#),
        FilterCase(.filter, #"to_yaml"#, #"None"#, expect: #"'null\n'"#),
        FilterCase(.filter, #"to_yaml"#, #""multi\nline""#, expect: #""'multi\n\n  line'\n""#),
        FilterCase(.filter, #"to_yaml"#, #"(1, 2)"#, expect: #"'[1, 2]\n'"#),
        FilterCase(.filter, #"to_yaml"#, #"[]"#, expect: #"'[]\n'"#),
        FilterCase(.filter, #"to_yaml"#, #"{'b': 1, 'a': [1, {'c': None}]}"#, kwargs: #"{'indent': 4, 'default_flow_style': False, 'explicit_start': True}"#, expect: #"'---\na:\n- 1\n-   c: null\nb: 1\n'"#),
        FilterCase(.filter, #"to_yaml"#, #"{'k': 'é', 'n': 1.5, 't': True, 's': 'yes', 'e': ''}"#, expect: #""{e: '', k: é, n: 1.5, s: 'yes', t: true}\n""#),
        FilterCase(.filter, #"to_yaml"#, #"{'b': 1, 'a': 2}"#, kwargs: #"{'sort_keys': False}"#, expect: #"'{b: 1, a: 2}\n'"#),
        FilterCase(.filter, #"to_nice_yaml"#, #"{'b': [1, 2], 'a': {'x': 'y', 'l': []}}"#, expect: #"'a:\n    l: []\n    x: y\nb:\n- 1\n- 2\n'"#),
        FilterCase(.filter, #"to_nice_yaml"#, #"[{'name': 'x', 'v': [1]}]"#, expect: #"'-   name: x\n    v:\n    - 1\n'"#),
        FilterCase(.filter, #"to_nice_yaml"#, #"{'a': 'line1\nline2'}"#, expect: #""a: 'line1\n\n    line2'\n""#),
        FilterCase(.filter, #"to_nice_yaml"#, #"{'a': 1}"#, args: #"(2,)"#, expect: #"'a: 1\n'"#),
        FilterCase(.filter, #"to_yaml"#, #"[1]"#, kwargs: #"{'bogus': 1}"#, error: #"TypeError: dump_all() got an unexpected keyword argument 'bogus'"#),
        FilterCase(.filter, #"from_yaml"#, #""a: 1\nb: [1, 2]\nc: yes\nd: 1.5\ne: ~""#, expect: #"{'a': 1, 'b': [1, 2], 'c': True, 'd': 1.5, 'e': None}"#),
        FilterCase(.filter, #"from_yaml"#, #""""#, expect: #"None"#),
        FilterCase(.filter, #"from_yaml"#, #"5"#, expect: #"5"#),
        FilterCase(.filter, #"from_yaml"#, #"None"#, expect: #"None"#),
        FilterCase(.filter, #"from_yaml"#, #""a: 1\n---\nb: 2""#, error: #"ComposerError: expected a single document in the stream"#),
        FilterCase(.filter, #"from_yaml"#, #""a: [1""#, error: #"ParserError: while parsing a flow sequence"#),
        FilterCase(.filter, #"from_yaml_all"#, #""a: 1\n---\nb: 2""#, expect: #"[{'a': 1}, {'b': 2}]"#),
        FilterCase(.filter, #"from_yaml_all"#, #"None"#, expect: #"[]"#),
        FilterCase(.filter, #"from_yaml_all"#, #""""#, expect: #"[]"#),
    ]
}
