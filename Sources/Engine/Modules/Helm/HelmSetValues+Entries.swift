import Template
import YAML

extension HelmSetValues {
    /// One `set_values` item: `{value: "a.b=c", value_type: raw}`.
    struct Entry: Sendable, Hashable {
        var line: String
        var kind: Kind
        /// Its 1-based position in `set_values`, for messages.
        var number: Int
    }

    /// The items of `set_values`, checked: each a mapping with a string `value` and, optionally,
    /// a known `value_type` (`raw` when absent).
    static func entries(_ option: Value) throws(ModuleFailure) -> [Entry] {
        guard let items = option.sequenceItems else {
            throw ModuleFailure(message: .string("set_values must be a list"), code: "task.arguments", hint: Self.shape)
        }
        var entries: [Entry] = []
        for (offset, item) in items.enumerated() {
            let number = offset + 1
            guard case .dict(let fields) = item else {
                throw ModuleFailure(message: .string("set_values entry \(number) is not a mapping"), code: "task.arguments", hint: Self.shape)
            }
            for key in fields.keys where key != .string("value") && key != .string("value_type") {
                throw ModuleFailure(
                    message: .string("set_values entry \(number) has an unknown key \(key.pythonRepr())"), code: "task.arguments", hint: Self.shape)
            }
            guard let value = fields[.string("value")], Self.isScalar(value), let line = try? value.pythonString() else {
                throw ModuleFailure(message: .string("set_values entry \(number) has no value text"), code: "task.arguments", hint: Self.shape)
            }
            let typeName = fields[.string("value_type")].flatMap { $0.isNone ? nil : try? $0.pythonString() } ?? "raw"
            guard let kind = Kind(rawValue: typeName) else {
                throw ModuleFailure(
                    message: .string("set_values entry \(number): unknown value_type '\(typeName)'"), code: "task.arguments",
                    hint: "value_type is one of \(Kind.allCases.map(\.rawValue).joined(separator: ", ")) (helm's --set, --set-string, --set-json, --set-file, --set-literal)")
            }
            entries.append(Entry(line: line, kind: kind, number: number))
        }
        return entries
    }

    /// `values` with every entry applied in helm's order — `--set-json`, `--set`, `--set-string`,
    /// `--set-file`, `--set-literal` — and in the written order within a kind. `readFile` gives a
    /// `--set-file` path's content, found as `values_files` are.
    static func apply(_ entries: [Entry], to values: YAMLValue, readFile: (String) -> String?) throws(ModuleFailure) -> YAMLValue {
        var values = values
        for entry in entries.sorted(by: { ($0.kind.order, $0.number) < ($1.kind.order, $1.number) }) {
            do throws(Failure) {
                try withoutActuallyEscaping(readFile) { (readFile) throws(Failure) in
                    try apply(entry.line, kind: entry.kind, to: &values) { path throws(Failure) in
                        guard let text = readFile(path) else { throw Failure(message: "file '\(path)' not found") }
                        return text
                    }
                }
            } catch {
                throw ModuleFailure(
                    message: .string("set_values entry \(entry.number) (value_type \(entry.kind.rawValue)): \(error.message)"),
                    code: "task.arguments", hint: entry.kind.hint)
            }
        }
        return values
    }

    private static let shape = #"each set_values entry is a mapping like {value: "image.tag=1.2", value_type: raw}"#

    private static func isScalar(_ value: Value) -> Bool {
        switch value {
        case .string, .int, .float, .bool: true
        default: false
        }
    }
}

extension HelmSetValues.Kind {
    /// How to write a line of this kind.
    var hint: String {
        switch self {
        case .raw, .string:
            #"helm's \#(flag) syntax: key=value pairs separated by ',', a.b=c for nested keys, a[0]=x for list items, a={x,y} for a list; a backslash escapes , . = ["#
        case .json: #"helm's --set-json syntax: key=<one JSON value>, e.g. a={"b":1} or a=[1,2]; several as a=1,b=2"#
        case .file: "helm's --set-file syntax: key=path; the path is read like values_files (the role's files, the task's folder, the playbook's folder)"
        case .literal: "helm's --set-literal syntax: key=text; everything after the first '=' is one string"
        }
    }
}
