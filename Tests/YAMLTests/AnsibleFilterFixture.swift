import Foundation
import YAML

/// `Fixtures/emitter/ansible.json`: what ansible-core's own `to_yaml` and `to_nice_yaml` filter
/// functions returned for the generator's hand-picked inputs, called with their defaults.
struct AnsibleFilterFixture: Decodable {
    struct Case: Decodable {
        var name: String
        /// `to_yaml` or `to_nice_yaml`.
        var filter: String
        var input: TaggedValue
        var output: String
    }

    var ansible: String
    var libyaml: String
    var cases: [Case]

    static func load() throws -> AnsibleFilterFixture {
        let data = try Data(contentsOf: EmitterFixture.directory.appendingPathComponent("ansible.json"))
        return try JSONDecoder().decode(AnsibleFilterFixture.self, from: data)
    }

    /// rig's preset for the filter a case was made with.
    static func preset(for filter: String) -> YAMLEmitOptions? {
        switch filter {
        case "to_yaml": .toYAML
        case "to_nice_yaml": .toNiceYAML
        default: nil
        }
    }
}
