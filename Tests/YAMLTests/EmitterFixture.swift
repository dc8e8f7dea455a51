import Foundation
import YAML

/// One fixture file written by `Fixtures/emitter/generate.py` from PyYAML's `CSafeDumper`, which
/// drives libyaml's emitter as Ansible's `to_yaml` does.
struct EmitterFixture: Decodable {
    struct Options: Decodable {
        var indent: Int
        var width: Int
        var flowStyle: String
        var sortKeys: Bool
        var explicitStart: Bool
        var explicitEnd: Bool
        var allowUnicode: Bool
    }

    struct Case: Decodable {
        var name: String
        var input: TaggedValue
        var output: String
        /// What PyYAML's `CSafeLoader`, Ansible's loader, reads back from `output`.
        var reloaded: TaggedValue
    }

    var pyyaml: String
    var libyaml: String
    var options: Options
    var cases: [Case]

    var emitOptions: YAMLEmitOptions {
        let flow: YAMLEmitOptions.FlowStyle =
            switch options.flowStyle {
            case "block": .block
            case "flow": .flow
            default: .automatic
            }
        return YAMLEmitOptions(
            indent: options.indent, width: options.width, flowStyle: flow, sortKeys: options.sortKeys,
            explicitStart: options.explicitStart, explicitEnd: options.explicitEnd,
            allowUnicode: options.allowUnicode)
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/emitter")

    static let names = ["to_yaml", "to_nice_yaml", "block_indent2_width40", "auto_indent4_width160",
                        "flow_width40", "flow_width80", "unsorted_explicit", "ascii_only",
                        "indent1_unlimited_width", "indent12_width5", "indent9_width18"]

    static func load(_ name: String) throws -> EmitterFixture {
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".json"))
        return try JSONDecoder().decode(EmitterFixture.self, from: data)
    }
}

/// A fixture value in the generator's tagged JSON form.
struct TaggedValue: Decodable {
    var value: YAMLValue

    private struct FloatBox: Decodable { var float: String }
    private struct MapBox: Decodable { var map: [[TaggedValue]] }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .null
        } else if let flag = try? container.decode(Bool.self) {
            value = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            value = .int(number)
        } else if let text = try? container.decode(String.self) {
            value = .string(text)
        } else if let items = try? container.decode([TaggedValue].self) {
            value = .sequence(items.map(\.value))
        } else if let box = try? container.decode(FloatBox.self) {
            value = .float(Self.parseFloat(box.float))
        } else {
            let box = try container.decode(MapBox.self)
            value = .mapping(box.map.compactMap { pair in
                pair.count == 2 ? YAMLPair(pair[0].value, pair[1].value) : nil
            })
        }
    }

    private static func parseFloat(_ text: String) -> Double {
        switch text {
        case "nan": .nan
        case "inf": .infinity
        case "-inf": -.infinity
        default: Double(text) ?? .nan
        }
    }
}
