/// How `YAMLEmitter` lays out YAML; the fields mirror the arguments of PyYAML's `yaml.dump`, and
/// are read as PyYAML's `CSafeDumper` (libyaml's emitter) reads them.
///
/// The defaults are Ansible's `to_yaml` (`default_flow_style=None`, indent 2, width 80, sorted
/// keys, unicode allowed); `toNiceYAML` is Ansible's `to_nice_yaml`.
package struct YAMLEmitOptions: Sendable, Hashable {
    /// When collections are written in flow style (`[a, b]`, `{k: v}`).
    package enum FlowStyle: Sendable, Hashable {
        /// PyYAML's `default_flow_style=None`: a collection is flow iff all its children are scalars.
        case automatic
        /// PyYAML's `default_flow_style=False`: always block, except empty collections.
        case block
        /// PyYAML's `default_flow_style=True`: always flow.
        case flow
    }

    /// Spaces per nesting level; libyaml uses 2 unless this is between 2 and 9.
    package var indent: Int
    /// Preferred line width, counted in characters; libyaml uses 80 when this is from 0 to twice
    /// the indent, and never wraps when it is negative (`width=-1`; pure PyYAML would use 80).
    package var width: Int
    package var flowStyle: FlowStyle
    /// Sort mapping keys as Python's `sorted` would; mappings whose keys Python cannot compare
    /// keep their order, as PyYAML does when sorting raises `TypeError`.
    package var sortKeys: Bool
    /// Start the document with `---`.
    package var explicitStart: Bool
    /// End the document with `...`.
    package var explicitEnd: Bool
    /// Write non-ASCII characters as they are instead of escaping them in double quotes; libyaml
    /// escapes characters beyond the Basic Multilingual Plane (emoji) and U+0085 either way.
    package var allowUnicode: Bool

    package init(
        indent: Int = 2, width: Int = 80, flowStyle: FlowStyle = .automatic, sortKeys: Bool = true,
        explicitStart: Bool = false, explicitEnd: Bool = false, allowUnicode: Bool = true
    ) {
        self.indent = indent
        self.width = width
        self.flowStyle = flowStyle
        self.sortKeys = sortKeys
        self.explicitStart = explicitStart
        self.explicitEnd = explicitEnd
        self.allowUnicode = allowUnicode
    }

    /// Ansible's `to_yaml` filter.
    package static let toYAML = YAMLEmitOptions()
    /// Ansible's `to_nice_yaml` filter: block style, indent 4.
    package static let toNiceYAML = YAMLEmitOptions(indent: 4, flowStyle: .block)
}
