import Foundation
import JetStream
import YAML

/// Checks JSON against the subset of JSON Schema (draft 7) the JetStream API schemas use:
/// type, required, properties, additionalProperties, items, enum, minimum, maximum, minLength,
/// maxLength, pattern, allOf, oneOf, anyOf. Returns what is wrong, empty when it validates.
struct JSONSchemaChecker {
    let schema: YAMLValue

    static func fixture(_ name: String) throws -> JSONSchemaChecker {
        let path = "/work/shared/fixtures/jetstream-schemas/\(name).json"
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return JSONSchemaChecker(schema: try YAMLValue.parseJSON(Array(data)))
    }

    func problems(_ value: YAMLValue) -> [String] { check(value, schema, path: "$") }

    private func check(_ value: YAMLValue, _ schema: YAMLValue, path: String) -> [String] {
        var problems: [String] = []
        if let type = schema.member("type"), !matches(value, type: type) {
            return ["\(path): \(value.jsonText.prefix(60)) is not of type \(type.jsonText)"]
        }
        if case .sequence(let choices)? = schema.member("enum"), !choices.contains(value) {
            problems.append("\(path): \(value.jsonText) is not one of \(schema.member("enum")?.jsonText ?? "")")
        }
        if let minimum = schema.member("minimum").flatMap(number), let actual = number(value), actual < minimum {
            problems.append("\(path): \(actual) is below \(minimum)")
        }
        if let maximum = schema.member("maximum").flatMap(number), let actual = number(value), actual > maximum {
            problems.append("\(path): \(actual) is above \(maximum)")
        }
        if case .string(let text) = value {
            problems += checkString(text, schema, path: path)
        }
        if case .mapping = value { problems += checkObject(value, schema, path: path) }
        if case .sequence(let items) = value, let itemSchema = schema.member("items") {
            for (index, item) in items.enumerated() { problems += check(item, itemSchema, path: "\(path)[\(index)]") }
        }
        if case .sequence(let all)? = schema.member("allOf") {
            for part in all { problems += check(value, part, path: path) }
        }
        if case .sequence(let one)? = schema.member("oneOf") {
            let passing = one.filter { check(value, $0, path: path).isEmpty }.count
            if passing != 1 { problems.append("\(path): matches \(passing) of oneOf's \(one.count) schemas, not exactly one") }
        }
        if case .sequence(let any)? = schema.member("anyOf"), !any.contains(where: { check(value, $0, path: path).isEmpty }) {
            problems.append("\(path): matches none of anyOf")
        }
        return problems
    }

    private func checkString(_ text: String, _ schema: YAMLValue, path: String) -> [String] {
        var problems: [String] = []
        if let max = schema.member("maxLength")?.integerValue, text.count > max { problems.append("\(path): longer than \(max)") }
        if let pattern = schema.member("pattern")?.textValue, let regex = try? NSRegularExpression(pattern: pattern),
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil
        {
            problems.append("\(path): '\(text)' does not match \(pattern)")
        }
        return problems
    }

    private func checkObject(_ value: YAMLValue, _ schema: YAMLValue, path: String) -> [String] {
        var problems: [String] = []
        if case .sequence(let required)? = schema.member("required") {
            for name in required.compactMap(\.textValue) where value.member(name) == nil {
                problems.append("\(path): required field \(name) is missing")
            }
        }
        let properties = schema.member("properties") ?? .mapping([])
        for name in value.memberNames {
            guard let field = value.member(name) else { continue }
            if let propertySchema = properties.member(name) {
                problems += check(field, propertySchema, path: "\(path).\(name)")
            } else if schema.member("additionalProperties") == .bool(false) {
                problems.append("\(path): field \(name) is not allowed")
            } else if let extra = schema.member("additionalProperties"), case .mapping = extra {
                problems += check(field, extra, path: "\(path).\(name)")
            }
        }
        return problems
    }

    private func matches(_ value: YAMLValue, type: YAMLValue) -> Bool {
        if case .sequence(let types) = type { return types.contains { matches(value, type: $0) } }
        switch (type.textValue ?? "", value) {
        case ("object", .mapping), ("array", .sequence), ("string", .string), ("boolean", .bool), ("null", .null): return true
        case ("integer", .int): return true
        case ("integer", .float(let number)): return number.rounded() == number
        case ("number", .int), ("number", .float): return true
        default: return false
        }
    }

    private func number(_ value: YAMLValue) -> Double? {
        switch value {
        case .int(let int): Double(int)
        case .float(let float): float
        default: nil
        }
    }
}
