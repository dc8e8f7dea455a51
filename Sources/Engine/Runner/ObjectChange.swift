import Kube
import YAML

/// What a task did, or in `plan` would do, to one object: a closed set of actions with the glyphs
/// kapp and Terraform use, and the field-level diff.
package struct ObjectChange: Sendable, Hashable {
    package enum Action: String, Sendable, Hashable {
        case create, update, delete, unchanged

        /// `+`, `~`, `-`, `=`.
        package var glyph: String {
            switch self {
            case .create: "+"
            case .update: "~"
            case .delete: "-"
            case .unchanged: "="
            }
        }
    }

    package var action: Action
    /// `namespace/name Kind`.
    package var object: String
    /// Changed fields (updates only), already masked.
    package var fields: [KubeFieldChange]
    /// Why, when it needs saying (`its CRD comes from an earlier task`).
    package var note: String?
    /// The objects inside it, for a helm release: each rendered object's own change.
    package var members: [ObjectChange]

    package init(action: Action, object: String, fields: [KubeFieldChange] = [], note: String? = nil, members: [ObjectChange] = []) {
        self.action = action
        self.object = object
        self.fields = fields
        self.note = note
        self.members = members
    }

    /// What a masked value prints as.
    package static let sensitive: YAMLValue = .string("(sensitive value)")
    /// What a helm value prints as without `--show-values`.
    package static let hiddenValue: YAMLValue = .string("(hidden)")

    /// The diff with secrets hidden: every value under a Secret's `data`/`stringData`, and every
    /// value of a `no_log` task.
    package static func masked(_ fields: [KubeFieldChange], kind: String, hideAll: Bool, as replacement: YAMLValue = sensitive) -> [KubeFieldChange] {
        fields.map { change in
            let secret = kind == "Secret" && ["data", "stringData"].contains(change.path.first ?? "")
            guard hideAll || secret else { return change }
            return KubeFieldChange(path: change.path, before: change.before.map { _ in replacement }, after: change.after.map { _ in replacement })
        }
    }
}
