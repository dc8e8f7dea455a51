import Template

/// How a run goes: what it may touch, which tasks, which variables.
package struct RunOptions: Sendable {
    package enum Mode: Sendable, Hashable {
        /// Offline: nothing runs that could change anything; cluster-facing tasks are rendered.
        case render
        /// Everything runs.
        case apply
    }

    package var mode: Mode
    package var tags: TagFilter
    /// `-e` variables, highest precedence.
    package var extraVariables: [String: Value]
    /// `--env NAME`'s property file, already loaded; deep-merged over the vars files.
    package var environmentProperties: [String: Value]
    package var environmentName: String?
    package var processEnvironment: [String: String]

    package init(
        mode: Mode, tags: TagFilter = TagFilter(), extraVariables: [String: Value] = [:],
        environmentProperties: [String: Value] = [:], environmentName: String? = nil, processEnvironment: [String: String] = [:]
    ) {
        self.mode = mode
        self.tags = tags
        self.extraVariables = extraVariables
        self.environmentProperties = environmentProperties
        self.environmentName = environmentName
        self.processEnvironment = processEnvironment
    }
}
