/// Every built-in filter: Jinja2 3.1's and Ansible 2.19's, by name.
///
/// Each area keeps its filters in its own enum; a name defined twice is a programming error
/// caught by the tests (the later definition wins here, as Ansible's plugins override Jinja2's).
package enum BuiltinFilters {
    package static let all: [String: FilterDefinition] = {
        let groups: [[FilterDefinition]] = [
            CoreFilters.all, StringFilters.all, ListFilters.all, OrderingFilters.all,
            HigherOrderFilters.all, SetFilters.all, DictFilters.all, NumberFilters.all,
            RegexFilters.all, EncodingFilters.all, PathFilters.all, SerializationFilters.all, URLFilters.all,
            FormattingFilters.all, CombinatoricFilters.all, SystemFilters.all,
        ]
        var filters: [String: FilterDefinition] = [:]
        for definition in groups.joined() { filters[definition.name] = definition }
        return filters
    }()

    /// Every definition in declaration order, duplicates included, for consistency checks.
    package static var definitions: [FilterDefinition] {
        CoreFilters.all + StringFilters.all + ListFilters.all + OrderingFilters.all + HigherOrderFilters.all
            + SetFilters.all + DictFilters.all + NumberFilters.all + RegexFilters.all + EncodingFilters.all
            + PathFilters.all + SerializationFilters.all + URLFilters.all + FormattingFilters.all
            + CombinatoricFilters.all + SystemFilters.all
    }
}
