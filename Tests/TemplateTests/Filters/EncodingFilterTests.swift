import Testing

/// Encoding filters, checked against Python (see `FilterCase`).
@Suite("encoding filters")
struct EncodingFilterTests {
    @Test("behaves as in ansible-core 2.19", arguments: FilterCase.encoding)
    func matchesAnsible(_ call: FilterCase) {
        call.check()
    }
}

extension FilterCase {
    static let encoding: [FilterCase] = [
        FilterCase(.filter, #"b64encode"#, #""hello""#, expect: #"'aGVsbG8='"#),
        FilterCase(.filter, #"b64encode"#, #""héllo wörld""#, expect: #"'aMOpbGxvIHfDtnJsZA=='"#),
        FilterCase(.filter, #"b64encode"#, #""ab?>""#, kwargs: #"{'urlsafe': True}"#, expect: #"'YWI_Pg=='"#),
        FilterCase(.filter, #"b64encode"#, #""hi""#, args: #"('utf-16-le',)"#, expect: #"'aABpAA=='"#),
        FilterCase(.filter, #"b64encode"#, #""hi""#, args: #"('utf-16',)"#, expect: #"'//5oAGkA'"#),
        FilterCase(.filter, #"b64encode"#, #"5"#, expect: #"'NQ=='"#),
        FilterCase(.filter, #"b64encode"#, #""""#, expect: #"''"#),
        FilterCase(.filter, #"b64decode"#, #""aGVsbG8=""#, expect: #"'hello'"#),
        FilterCase(.filter, #"b64decode"#, #""aGVsbG8""#, error: #"Error: Incorrect padding"#),
        FilterCase(.filter, #"b64decode"#, #""aGVs bG8=\n""#, expect: #"'hello'"#),
        FilterCase(.filter, #"b64decode"#, #""YWI_Pg==""#, kwargs: #"{'urlsafe': True}"#, expect: #"'ab?>'"#),
        FilterCase(.filter, #"b64decode"#, #""aABpAA==""#, args: #"('utf-16-le',)"#, expect: #"'hi'"#),
        FilterCase(.filter, #"b64decode"#, #""aGVsbA""#, error: #"Error: Incorrect padding"#),
        FilterCase(.filter, #"b64decode"#, #""aGVsbG8=trailing""#, expect: #"'hello'"#),
        FilterCase(.filter, #"b64decode"#, #""é""#, expect: #"''"#),
        FilterCase(.filter, #"hash"#, #""hello""#, expect: #"'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d'"#),
        FilterCase(.filter, #"hash"#, #""hello""#, args: #"('md5',)"#, expect: #"'5d41402abc4b2a76b9719d911017c592'"#),
        FilterCase(.filter, #"hash"#, #""hello""#, args: #"('sha256',)"#, expect: #"'2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'"#),
        FilterCase(.filter, #"hash"#, #""hello""#, args: #"('sha512',)"#, expect: #"'9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043'"#),
        FilterCase(.filter, #"hash"#, #""hello""#, args: #"('sha384',)"#, expect: #"'59e1748777448c69de6b800d7a33bbfb9ff1b463e44354c3553bcdb9c666fa90125a3c79f90397bdf5f6a13de828684f'"#),
        FilterCase(.filter, #"hash"#, #""hello""#, args: #"('nope',)"#, error: #"AnsibleTemplatePluginError: unsupported hash type nope"#),
        FilterCase(.filter, #"hash"#, #"[1, 2]"#, expect: #"'1bc866741052bd8253768ec5b044dc9b69fd25d9'"#),
        FilterCase(.filter, #"checksum"#, #""hello""#, expect: #"'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d'"#),
        FilterCase(.filter, #"sha1"#, #""hello""#, expect: #"'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d'"#),
        FilterCase(.filter, #"md5"#, #""hello""#, expect: #"'5d41402abc4b2a76b9719d911017c592'"#),
        FilterCase(.filter, #"md5"#, #""héllo""#, expect: #"'be50e8478cf24ff3595bc7307fb91b50'"#),
        FilterCase(.filter, #"to_uuid"#, #""host1""#, expect: #"'7590dc85-6b79-5d0a-b4fc-5a7f0e7910a6'"#),
        FilterCase(.filter, #"to_uuid"#, #""host1""#, args: #"('6ba7b810-9dad-11d1-80b4-00c04fd430c8',)"#, expect: #"'540ba512-ba2e-5213-b381-56c767787d41'"#),
        FilterCase(.filter, #"to_uuid"#, #""x""#, args: #"('bad',)"#, error: #"AnsibleTemplatePluginError: Invalid value 'bad' for 'namespace': badly formed hexadecimal UUID string"#),
        FilterCase(.filter, #"urlencode"#, #""a b&c/d""#, expect: #"'a%20b%26c/d'"#),
        FilterCase(.filter, #"urlencode"#, #"{'a': 'b c', 'd': 1}"#, expect: #"'a=b+c&d=1'"#),
        FilterCase(.filter, #"urlencode"#, #"[['x', 'y z']]"#, expect: #"'x=y+z'"#),
        FilterCase(.filter, #"urlencode"#, #""é~_.-""#, expect: #"'%C3%A9~_.-'"#),
        FilterCase(.filter, #"urldecode"#, #""a%20b+c%2Fd%C3%A9""#, expect: #"'a b c/dé'"#),
        FilterCase(.filter, #"urldecode"#, #""100%""#, expect: #"'100%'"#),
    ]
}
