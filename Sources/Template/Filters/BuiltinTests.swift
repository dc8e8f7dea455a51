/// Every built-in test: Jinja2 3.1's and Ansible 2.19's, by name.
package enum BuiltinTests {
    package static let all: [String: TestDefinition] = {
        var tests: [String: TestDefinition] = [:]
        for definition in definitions { tests[definition.name] = definition }
        return tests
    }()

    /// Every definition in declaration order, duplicates included, for consistency checks.
    package static var definitions: [TestDefinition] {
        JinjaTests.all + AnsibleTests.all + TaskResultTests.all
    }
}
