import Engine
import Kube
import YAML

extension EventPrinter {
    /// The lines under a task for the objects it changed: `+`/`~`/`-` with the object, then for
    /// updates one line per field. Unchanged objects show only with -v.
    /// A helm release's objects follow its own lines, one level deeper.
    func changeLines(_ changes: [ObjectChange], indent: String = "    ") -> String {
        var text = ""
        for change in changes where change.action != .unchanged || verbosity > 0 {
            let color = Self.color(change.action)
            text += indent + console.paint("\(change.action.glyph) \(change.object)", color)
            if let note = change.note { text += console.paint("  (\(note))", "2") }
            text += "\n"
            for field in change.fields {
                text += indent + "    " + fieldLine(field) + "\n"
            }
            text += changeLines(change.members, indent: indent + "    ")
        }
        return text
    }

    private func fieldLine(_ field: KubeFieldChange) -> String {
        switch (field.before, field.after) {
        case (nil, let after?): return console.paint("+ \(field.pathText): \(Self.shortText(after))", "32")
        case (let before?, nil): return console.paint("- \(field.pathText): \(Self.shortText(before))", "31")
        case (let before?, let after?): return console.paint("~ \(field.pathText): \(Self.shortText(before)) → \(Self.shortText(after))", "33")
        case (nil, nil): return field.pathText
        }
    }

    static func color(_ action: ObjectChange.Action) -> String {
        switch action {
        case .create: "32"
        case .update: "33"
        case .delete: "31"
        case .unchanged: "2"
        }
    }

    /// A value on one line: JSON, cut at 120 characters.
    static func shortText(_ value: YAMLValue) -> String {
        let text = value.jsonText
        guard text.count > 120 else { return text }
        return String(text.prefix(117)) + "..."
    }

    /// The `diff` field of a JSON task event.
    static func changesJSON(_ changes: [ObjectChange]) -> String {
        changesValue(changes).jsonText
    }

    private static func changesValue(_ changes: [ObjectChange]) -> YAMLValue {
        let items = changes.map { change -> YAMLValue in
            var pairs = [YAMLPair(.string("action"), .string(change.action.rawValue)), YAMLPair(.string("object"), .string(change.object))]
            if let note = change.note { pairs.append(YAMLPair(.string("note"), .string(note))) }
            if !change.fields.isEmpty {
                let fields = change.fields.map { field -> YAMLValue in
                    var entry = [YAMLPair(.string("path"), .string(field.pathText))]
                    if let before = field.before { entry.append(YAMLPair(.string("before"), before)) }
                    if let after = field.after { entry.append(YAMLPair(.string("after"), after)) }
                    return .mapping(entry)
                }
                pairs.append(YAMLPair(.string("fields"), .sequence(fields)))
            }
            if !change.members.isEmpty { pairs.append(YAMLPair(.string("objects"), changesValue(change.members))) }
            return .mapping(pairs)
        }
        return .sequence(items)
    }
}
