import Testing

/// Path filters, checked against Python (see `FilterCase`).
@Suite("path filters")
struct PathFilterTests {
    @Test("behaves as in ansible-core 2.19", arguments: FilterCase.paths)
    func matchesAnsible(_ call: FilterCase) {
        call.check()
    }
}

extension FilterCase {
    static let paths: [FilterCase] = [
        FilterCase(.filter, #"basename"#, #""/etc/nginx/nginx.conf""#, expect: #"'nginx.conf'"#),
        FilterCase(.filter, #"basename"#, #""/etc/nginx/""#, expect: #"''"#),
        FilterCase(.filter, #"basename"#, #""file""#, expect: #"'file'"#),
        FilterCase(.filter, #"dirname"#, #""/etc/nginx/nginx.conf""#, expect: #"'/etc/nginx'"#),
        FilterCase(.filter, #"dirname"#, #""/etc//nginx//x""#, expect: #"'/etc//nginx'"#),
        FilterCase(.filter, #"dirname"#, #""/x""#, expect: #"'/'"#),
        FilterCase(.filter, #"dirname"#, #""x""#, expect: #"''"#),
        FilterCase(.filter, #"dirname"#, #""//x""#, expect: #"'//'"#),
        FilterCase(.filter, #"splitext"#, #""/a/b.tar.gz""#, expect: #"('/a/b.tar', '.gz')"#),
        FilterCase(.filter, #"splitext"#, #""/a/.bashrc""#, expect: #"('/a/.bashrc', '')"#),
        FilterCase(.filter, #"splitext"#, #""/a.b/c""#, expect: #"('/a.b/c', '')"#),
        FilterCase(.filter, #"splitext"#, #""..x""#, expect: #"('..x', '')"#),
        FilterCase(.filter, #"normpath"#, #""/a/./b/../c//d/""#, expect: #"'/a/c/d'"#),
        FilterCase(.filter, #"normpath"#, #""../a/..""#, expect: #"'..'"#),
        FilterCase(.filter, #"normpath"#, #""//a""#, expect: #"'//a'"#),
        FilterCase(.filter, #"normpath"#, #""///a""#, expect: #"'/a'"#),
        FilterCase(.filter, #"normpath"#, #""""#, expect: #"'.'"#),
        FilterCase(.filter, #"path_join"#, #"['/etc', 'nginx', 'x.conf']"#, expect: #"'/etc/nginx/x.conf'"#),
        FilterCase(.filter, #"path_join"#, #"['a/', 'b', '/abs', 'c']"#, expect: #"'/abs/c'"#),
        FilterCase(.filter, #"path_join"#, #""single""#, expect: #"'single'"#),
        FilterCase(.filter, #"path_join"#, #"('a', '')"#, expect: #"'a/'"#),
        FilterCase(.filter, #"path_join"#, #"5"#, error: #"AnsibleTypeError: |path_join expects string or sequence, got <class 'int'> instead."#),
        FilterCase(.filter, #"basename"#, #"5"#, error: #"TypeError: expected str, bytes or os.PathLike object, not int"#),
    ]
}
