import YAML

/// The conflicts of an apply, and the 409 `Status` that reports them (`25`).
struct ConflictError: Error {
    var conflicts: [ServerSideApply.Conflict]

    var status: StatusBody {
        let causes = conflicts.map { conflict in
            YAMLValue.object([
                "reason": .string("FieldManagerConflict"), "message": .string("conflict with \(conflict.manager)"),
                "field": .string(FieldPathNavigator.describe(conflict.path)),
            ])
        }
        let count = conflicts.count
        var message = "Apply failed with \(count) conflict\(count == 1 ? "" : "s"): "
        if let only = conflicts.first, count == 1 {
            message += "conflict with \(only.manager): \(FieldPathNavigator.describe(only.path))"
        } else {
            var lines: [String] = []
            var managers: [String] = []
            for conflict in conflicts where !managers.contains(conflict.manager) { managers.append(conflict.manager) }
            for manager in managers {
                lines.append("conflicts with \(manager):")
                for conflict in conflicts where conflict.manager == manager {
                    lines.append("- \(FieldPathNavigator.describe(conflict.path))")
                }
            }
            message += lines.joined(separator: "\n")
        }
        return StatusBody(
            code: 409, reason: "Conflict", message: message, details: .object(["causes": .sequence(causes)]))
    }
}
