import Template
import Testing

@Suite("Python regular expressions")
struct PythonRegexTests {
    @Test("compiles once and matches the same from many tasks at a time")
    func concurrentUse() async throws {
        let results = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<32 {
                group.addTask {
                    let regex = try PythonRegex.compile(#"(?P<host>[a-z]+)(\d+)"#, flags: index.isMultiple(of: 2) ? [] : [.ignoreCase])
                    return try regex.substitute(in: "web12 DB3", with: #"\g<host>-\2"#).0
                }
            }
            var all: [String] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(Set(results) == ["web-12 DB3", "web-12 DB-3"])
    }

    @Test("a pattern Python rejects is a value error naming the pattern", arguments: ["(", "[a", "a{2,1}", "(?P<1a>x)", "(?P=zz)", #"\"#])
    func rejectsBadPatterns(_ pattern: String) {
        #expect { try PythonRegex.compile(pattern) } throws: { ($0 as? TemplateError)?.code == .value }
    }

    @Test("group names with underscores work, although ICU does not allow them")
    func underscoreGroupNames() throws {
        let regex = try PythonRegex.compile(#"(?P<first_name>\w+) (?P<last_name>\w+)"#)
        let match = try #require(regex.firstMatch(in: "Ada Lovelace"))
        #expect(match.group(named: "last_name") == "Lovelace")
        #expect(try regex.substitute(in: "Ada Lovelace", with: #"\g<last_name>, \g<first_name>"#).0 == "Lovelace, Ada")
    }

    @Test("match anchors at the start, fullmatch at both ends, search anywhere")
    func anchoring() throws {
        let regex = try PythonRegex.compile("b+")
        #expect(regex.firstMatch(in: "abb", anchoring: .search) != nil)
        #expect(regex.firstMatch(in: "abb", anchoring: .match) == nil)
        #expect(regex.firstMatch(in: "bbx", anchoring: .fullmatch) == nil)
        #expect(regex.firstMatch(in: "bb", anchoring: .fullmatch) != nil)
    }
}
