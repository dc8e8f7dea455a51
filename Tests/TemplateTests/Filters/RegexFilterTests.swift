import Testing

/// Regular expression filters, checked against Python (see `FilterCase`).
@Suite("regular expression filters")
struct RegexFilterTests {
    @Test("behaves as in ansible-core 2.19", arguments: FilterCase.regex)
    func matchesAnsible(_ call: FilterCase) {
        call.check()
    }
}

extension FilterCase {
    static let regex: [FilterCase] = [
        FilterCase(.filter, #"regex_replace"#, #""hello world""#, args: #"('o', '0')"#, expect: #"'hell0 w0rld'"#),
        FilterCase(.filter, #"regex_replace"#, #""hello world""#, args: #"('(\\w+) (\\w+)', '\\2 \\1')"#, expect: #"'world hello'"#),
        FilterCase(.filter, #"regex_replace"#, #""ab""#, args: #"('(?P<x>a)', '[\\g<x>]')"#, expect: #"'[a]b'"#),
        FilterCase(.filter, #"regex_replace"#, #""ab""#, args: #"('(a)', '\\g<1>\\g<0>')"#, expect: #"'aab'"#),
        FilterCase(.filter, #"regex_replace"#, #""aAa""#, args: #"('a', 'x')"#, kwargs: #"{'ignorecase': True}"#, expect: #"'xxx'"#),
        FilterCase(.filter, #"regex_replace"#, #""a\nb""#, args: #"('^', '> ')"#, kwargs: #"{'multiline': True}"#, expect: #"'> a\n> b'"#),
        FilterCase(.filter, #"regex_replace"#, #""a\nb""#, args: #"('^', '> ')"#, expect: #"'> a\nb'"#),
        FilterCase(.filter, #"regex_replace"#, #""aaa""#, args: #"('a', 'b')"#, kwargs: #"{'count': 2}"#, expect: #"'bba'"#),
        FilterCase(.filter, #"regex_replace"#, #""abxd""#, args: #"('x*', '-')"#, expect: #"'-a-b--d-'"#),
        FilterCase(.filter, #"regex_replace"#, #""ab""#, args: #"('', '-')"#, expect: #"'-a-b-'"#),
        FilterCase(.filter, #"regex_findall"#, #""ab""#, args: #"('',)"#, expect: #"['', '', '']"#),
        FilterCase(.filter, #"regex_search"#, #""ab""#, args: #"('',)"#, expect: #"''"#),
        FilterCase(.filter, #"regex_replace"#, #""a.b""#, args: #"('\\.', '\\n')"#, expect: #"'a\nb'"#),
        FilterCase(.filter, #"regex_replace"#, #""ab""#, args: #"('(a)|(z)', '[\\2]')"#, expect: #"'[]b'"#),
        FilterCase(.filter, #"regex_replace"#, #""a""#, args: #"('(', 'x')"#, error: #"error: missing ), unterminated subpattern at position 0"#),
        FilterCase(.filter, #"regex_replace"#, #""a""#, args: #"('a', '\\9')"#, error: #"error: invalid group reference 9 at position 1"#),
        FilterCase(.filter, #"regex_replace"#, #""a""#, args: #"('a', '\\q')"#, error: #"error: bad escape \q at position 0"#),
        FilterCase(.filter, #"regex_replace"#, #""a""#, args: #"('a', '\\&')"#, expect: #"'\\&'"#),
        FilterCase(.filter, #"regex_replace"#, #""a{1}b""#, args: #"('\\{1\\}', '')"#, expect: #"'ab'"#),
        FilterCase(.filter, #"regex_replace"#, #""a{b}""#, args: #"('{b}', 'X')"#, expect: #"'aX'"#),
        FilterCase(.filter, #"regex_replace"#, #""x[]y""#, args: #"('[]x]', '-')"#, expect: #"'-[-y'"#),
        FilterCase(.filter, #"regex_replace"#, #""a b\n""#, args: #"('\\s+$', '')"#, expect: #"'a b'"#),
        FilterCase(.filter, #"regex_replace"#, #""ab\n""#, args: #"('b$', 'X')"#, expect: #"'aX\n'"#),
        FilterCase(.filter, #"regex_replace"#, #""ab\n""#, args: #"('b\\Z', 'X')"#, expect: #"'ab\n'"#),
        FilterCase(.filter, #"regex_replace"#, #""aaa""#, args: #"('a{,2}', 'X')"#, expect: #"'XXX'"#),
        FilterCase(.filter, #"regex_replace"#, #""a-b_c""#, args: #"('[\\w]', '.')"#, expect: #"'.-...'"#),
        FilterCase(.filter, #"regex_replace"#, #""abab""#, args: #"('(?P<p>ab)(?P=p)', 'Y')"#, expect: #"'Y'"#),
        FilterCase(.filter, #"regex_replace"#, #""a""#, args: #"('a', 'b')"#, kwargs: #"{'mandatory_count': 2}"#, error: #"AnsibleTemplatePluginError: 'a' should match 2 times, but matches 0 times in 'a'"#),
        FilterCase(.filter, #"regex_replace"#, #""x\ry""#, args: #"('.', '_')"#, expect: #"'___'"#),
        FilterCase(.filter, #"regex_replace"#, #"5"#, args: #"('5', 'five')"#, expect: #"'five'"#),
        FilterCase(.filter, #"regex_replace"#, #""é""#, args: #"('\\w', 'W')"#, expect: #"'W'"#),
        FilterCase(.filter, #"regex_replace"#, #""tab\there""#, args: #"('\\t', '\\\\t')"#, expect: #"'tab\\there'"#),
        FilterCase(.filter, #"regex_replace"#, #""a1""#, args: #"('(?i)A(\\d)', '<\\1>')"#, expect: #"'<1>'"#),
        FilterCase(.filter, #"regex_search"#, #""server1.example.com""#, args: #"('\\d+',)"#, expect: #"'1'"#),
        FilterCase(.filter, #"regex_search"#, #""abc""#, args: #"('z',)"#, expect: #"None"#),
        FilterCase(.filter, #"regex_search"#, #""foo=bar""#, args: #"('(\\w+)=(\\w+)', '\\2', '\\1')"#, expect: #"['bar', 'foo']"#),
        FilterCase(.filter, #"regex_search"#, #""abc""#, args: #"('(?P<x>b)', '\\g<x>')"#, expect: #"['b']"#),
        FilterCase(.filter, #"regex_search"#, #""abc""#, args: #"('(b)', '\\g<1>')"#, error: #"IndexError: no such group"#),
        FilterCase(.filter, #"regex_search"#, #""abc""#, args: #"('(b)(z)?', '\\1', '\\2')"#, expect: #"['b', None]"#),
        FilterCase(.filter, #"regex_search"#, #""ABC""#, args: #"('b',)"#, kwargs: #"{'ignorecase': True}"#, expect: #"'B'"#),
        FilterCase(.filter, #"regex_search"#, #""a\nb""#, args: #"('^b',)"#, kwargs: #"{'multiline': True}"#, expect: #"'b'"#),
        FilterCase(.filter, #"regex_search"#, #""abc""#, args: #"('b', 'x')"#, error: #"AnsibleTemplatePluginError: Unknown argument"#),
        FilterCase(.filter, #"regex_search"#, #""abc""#, args: #"('(b)', '\\5')"#, error: #"IndexError: no such group"#),
        FilterCase(.filter, #"regex_findall"#, #""a1b22c333""#, args: #"('\\d+',)"#, expect: #"['1', '22', '333']"#),
        FilterCase(.filter, #"regex_findall"#, #""k=v, x=y""#, args: #"('(\\w)=(\\w)',)"#, expect: #"[('k', 'v'), ('x', 'y')]"#),
        FilterCase(.filter, #"regex_findall"#, #""k=v, x=y""#, args: #"('(\\w)=\\w',)"#, expect: #"['k', 'x']"#),
        FilterCase(.filter, #"regex_findall"#, #""aA""#, args: #"('a',)"#, kwargs: #"{'ignorecase': True}"#, expect: #"['a', 'A']"#),
        FilterCase(.filter, #"regex_findall"#, #""a\nb""#, args: #"('^\\w',)"#, kwargs: #"{'multiline': True}"#, expect: #"['a', 'b']"#),
        FilterCase(.filter, #"regex_findall"#, #""baaa""#, args: #"('a*',)"#, expect: #"['', 'aaa', '']"#),
        FilterCase(.filter, #"regex_findall"#, #""ab""#, args: #"('(a)|(b)',)"#, expect: #"[('a', ''), ('', 'b')]"#),
        FilterCase(.filter, #"regex_escape"#, #""a.b*c[d] e-f_g~""#, expect: #"'a\\.b\\*c\\[d\\]\\ e\\-f_g\\~'"#),
        FilterCase(.filter, #"regex_escape"#, #""a.b*c[d]^$\\""#, args: #"('posix_basic',)"#, expect: #"'a\\.b\\*c\\[d\\]\\^\\$\\\\'"#),
        FilterCase(.filter, #"regex_escape"#, #""x""#, args: #"('posix_extended',)"#, error: #"AnsibleTemplatePluginError: Regex type (posix_extended) not yet implemented"#),
        FilterCase(.filter, #"regex_escape"#, #""x""#, args: #"('perl',)"#, error: #"AnsibleTemplatePluginError: Invalid regex type (perl)"#),
    ]
}
