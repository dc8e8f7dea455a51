import Testing

/// Ansible extra filters, checked against Python (see `FilterCase`).
@Suite("Ansible extra filters")
struct ExtraFilterTests {
    @Test("behaves as in ansible-core 2.19", arguments: FilterCase.extras)
    func matchesAnsible(_ call: FilterCase) {
        call.check()
    }
}

extension FilterCase {
    static let extras: [FilterCase] = [
        FilterCase(.filter, #"comment"#, #""kube config""#, expect: #"'#\n# kube config\n#'"#),
        FilterCase(.filter, #"comment"#, #""multi\nline""#, args: #"('c',)"#, expect: #"'//\n// multi\n// line\n//'"#),
        FilterCase(.filter, #"comment"#, #""a\n\nb""#, args: #"('cblock',)"#, expect: #"'/*\n *\n * a\n *\n * b\n *\n */'"#),
        FilterCase(.filter, #"comment"#, #""x""#, args: #"('xml',)"#, expect: #"'<!--\n -\n - x\n -\n-->'"#),
        FilterCase(.filter, #"comment"#, #""x""#, args: #"('erlang',)"#, expect: #"'%\n% x\n%'"#),
        FilterCase(.filter, #"comment"#, #""x""#, kwargs: #"{'decoration': '; '}"#, expect: #"';\n; x\n;'"#),
        FilterCase(.filter, #"comment"#, #""x""#, kwargs: #"{'prefix_count': 2, 'postfix_count': 0}"#, expect: #"'#\n#\n# x'"#),
        FilterCase(.filter, #"comment"#, #""x""#, args: #"('bogus',)"#, error: #"AnsibleTemplatePluginError: Invalid style 'bogus'."#),
        FilterCase(.filter, #"comment"#, #""x\ny""#, kwargs: #"{'beginning': 'BEGIN', 'end': 'END', 'prefix': '', 'postfix': ''}"#, expect: #"'BEGIN\n# x\n# y\n\nEND'"#),
        FilterCase(.filter, #"extract"#, #""x""#, args: #"({'x': 10},)"#, expect: #"10"#),
        FilterCase(.filter, #"extract"#, #"0"#, args: #"([[1, 2]], 1)"#, expect: #"2"#),
        FilterCase(.filter, #"extract"#, #""a""#, args: #"({'a': {'b': {'c': 3}}}, ['b', 'c'])"#, expect: #"3"#),
        FilterCase(.filter, #"human_to_bytes"#, #""1K""#, expect: #"1024"#),
        FilterCase(.filter, #"human_to_bytes"#, #""1.5 GB""#, expect: #"1610612736"#),
        FilterCase(.filter, #"human_to_bytes"#, #""512M""#, expect: #"536870912"#),
        FilterCase(.filter, #"human_to_bytes"#, #""10""#, expect: #"10"#),
        FilterCase(.filter, #"human_to_bytes"#, #""2.5""#, expect: #"2"#),
        FilterCase(.filter, #"human_to_bytes"#, #""10""#, args: #"('M',)"#, expect: #"10485760"#),
        FilterCase(.filter, #"human_to_bytes"#, #""1Mb""#, kwargs: #"{'isbits': True}"#, expect: #"1048576"#),
        FilterCase(.filter, #"human_to_bytes"#, #""1Mb""#, error: #"AnsibleError: human_to_bytes() can't interpret the input: human_to_bytes() failed to convert 1Mb. Value is not a valid string (expect MB or M)"#),
        FilterCase(.filter, #"human_to_bytes"#, #""1 megabyte""#, expect: #"1048576"#),
        FilterCase(.filter, #"human_to_bytes"#, #""x""#, error: #"AnsibleError: human_to_bytes() can't interpret the input: human_to_bytes() can't interpret following string: x"#),
        FilterCase(.filter, #"human_to_bytes"#, #""1Q""#, error: #"AnsibleError: human_to_bytes() can't interpret the input: human_to_bytes() failed to convert 1Q (unit = Q). The suffix must be one of Y, Z, E, P, T, G, M, K, B"#),
        FilterCase(.filter, #"human_readable"#, #"1048576"#, expect: #"'1.00 MB'"#),
        FilterCase(.filter, #"human_readable"#, #"1536"#, expect: #"'1.50 KB'"#),
        FilterCase(.filter, #"human_readable"#, #"10737418240"#, kwargs: #"{'unit': 'G'}"#, expect: #"'10.00 GB'"#),
        FilterCase(.filter, #"human_readable"#, #"1"#, expect: #"'1.00 Bytes'"#),
        FilterCase(.filter, #"human_readable"#, #"1048576"#, args: #"(True,)"#, expect: #"'1.00 Mb'"#),
        FilterCase(.filter, #"human_readable"#, #"0.5"#, expect: #"'0.50 Bytes'"#),
        FilterCase(.filter, #"human_readable"#, #"2048"#, kwargs: #"{'unit': 'GB'}"#, expect: #"'2048.00 Bytes'"#),
        FilterCase(.filter, #"urlsplit"#, #""https://user@db.example.com:5432/app?sslmode=require""#, args: #"('hostname',)"#, expect: #"'db.example.com'"#),
        FilterCase(.filter, #"urlsplit"#, #""https://user@db.example.com:5432/app?sslmode=require""#, args: #"('port',)"#, expect: #"5432"#),
        FilterCase(.filter, #"urlsplit"#, #""https://user:pw@DB.example.com:5432/app?x=1#f""#, expect: #"{'fragment': 'f', 'hostname': 'db.example.com', 'netloc': 'user:pw@DB.example.com:5432', 'password': 'pw', 'path': '/app', 'port': 5432, 'query': 'x=1', 'scheme': 'https', 'username': 'user'}"#),
        FilterCase(.filter, #"urlsplit"#, #""/just/path?q""#, expect: #"{'fragment': '', 'hostname': None, 'netloc': '', 'password': None, 'path': '/just/path', 'port': None, 'query': 'q', 'scheme': '', 'username': None}"#),
        FilterCase(.filter, #"urlsplit"#, #""http://[::1]:80/x""#, expect: #"{'fragment': '', 'hostname': '::1', 'netloc': '[::1]:80', 'password': None, 'path': '/x', 'port': 80, 'query': '', 'scheme': 'http', 'username': None}"#),
        FilterCase(.filter, #"urlsplit"#, #""http://h/x""#, args: #"('bogus',)"#, error: #"ValueError: urlsplit: unknown URL component: bogus"#),
        FilterCase(.filter, #"urlsplit"#, #""mailto:a@b""#, expect: #"{'fragment': '', 'hostname': None, 'netloc': '', 'password': None, 'path': 'a@b', 'port': None, 'query': '', 'scheme': 'mailto', 'username': None}"#),
        FilterCase(.filter, #"urlsplit"#, #""http://h:99999/""#, args: #"('port',)"#, error: #"ValueError: Port out of range 0-65535"#),
        FilterCase(.filter, #"urlsplit"#, #""HTTP://H:/p""#, expect: #"{'fragment': '', 'hostname': 'h', 'netloc': 'H:', 'password': None, 'path': '/p', 'port': None, 'query': '', 'scheme': 'http', 'username': None}"#),
        FilterCase(.filter, #"strftime"#, #""%Y-%m-%d %H:%M:%S""#, args: #"(0,)"#, kwargs: #"{'utc': True}"#, expect: #"'1970-01-01 00:00:00'"#),
        FilterCase(.filter, #"strftime"#, #""%Y-%m-%d""#, args: #"(1700000000,)"#, kwargs: #"{'utc': True}"#, expect: #"'2023-11-14'"#),
        FilterCase(.filter, #"strftime"#, #""%a %b %d %j""#, args: #"('86400.9',)"#, kwargs: #"{'utc': True}"#, expect: #"'Fri Jan 02 002'"#),
        FilterCase(.filter, #"strftime"#, #""%Y""#, args: #"('x',)"#, error: #"AnsibleTemplatePluginError: Invalid value for epoch value (x)"#),
        FilterCase(.filter, #"product"#, #"[1, 2]"#, args: #"(['a', 'b'],)"#, expect: #"[(1, 'a'), (1, 'b'), (2, 'a'), (2, 'b')]"#),
        FilterCase(.filter, #"product"#, #""ab""#, kwargs: #"{'repeat': 2}"#, expect: #"[('a', 'a'), ('a', 'b'), ('b', 'a'), ('b', 'b')]"#),
        FilterCase(.filter, #"product"#, #"[1]"#, args: #"([],)"#, expect: #"[]"#),
        FilterCase(.filter, #"combinations"#, #"[1, 2, 3]"#, args: #"(2,)"#, expect: #"[(1, 2), (1, 3), (2, 3)]"#),
        FilterCase(.filter, #"combinations"#, #"[1, 2]"#, args: #"(3,)"#, expect: #"[]"#),
        FilterCase(.filter, #"combinations"#, #""abcd""#, args: #"(0,)"#, expect: #"[()]"#),
        FilterCase(.filter, #"permutations"#, #"[1, 2, 3]"#, expect: #"[(1, 2, 3), (1, 3, 2), (2, 1, 3), (2, 3, 1), (3, 1, 2), (3, 2, 1)]"#),
        FilterCase(.filter, #"permutations"#, #"[1, 2, 3]"#, args: #"(2,)"#, expect: #"[(1, 2), (1, 3), (2, 1), (2, 3), (3, 1), (3, 2)]"#),
    ]
}
