import Foundation

/// Filters that read the machine: `strftime` (the clock and time zone when not given a time)
/// and `expanduser` (the home directory).
enum SystemFilters {
    static let all: [FilterDefinition] = [
        FilterDefinition("strftime", body: strftime),
        FilterDefinition("expanduser", body: expanduser),
    ]

    /// Ansible's `strftime(second=None, utc=False)`: C `strftime` of the epoch time (now by
    /// default) in local time, or UTC.
    static func strftime(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("strftime", ["second", "utc"]).bind(arguments)
        let format = try value.pythonString()
        var seconds = Date().timeIntervalSince1970
        if let second = bound["second"], !second.isNone {
            switch second {
            case .int, .float, .bool: seconds = second.number?.double ?? 0
            case .string(let text):
                guard let parsed = PythonNumber.parseFloat(text) else {
                    throw .value("invalid value for epoch value (\(text))")
                }
                seconds = parsed
            default:
                try second.requireDefined()
                throw .value("invalid value for epoch value (\(second.pythonRepr()))")
            }
        }
        guard seconds.isFinite, let whole = Int(exactly: seconds.rounded(.down)) else {
            throw TemplateError(.overflow, "timestamp out of range for platform time_t")
        }
        var time = time_t(whole)
        var parts = tm()
        if try bound.bool("utc", default: false) { gmtime_r(&time, &parts) } else { localtime_r(&time, &parts) }
        var buffer = [CChar](repeating: 0, count: 1024)
        let length = format.withCString { Foundation.strftime(&buffer, buffer.count, $0, &parts) }
        guard length > 0 || format.isEmpty else { return .string("") }
        return .string(String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// Python's `os.path.expanduser` for `~` and `~/…` (other users' homes are left alone).
    static func expanduser(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        _ = try Signature("expanduser").bind(arguments)
        let path = try StringFilters.requireString(value, for: "expanduser")
        guard path == "~" || path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] else {
            return .string(path)
        }
        let trimmedHome = home.count > 1 ? PythonText.strip(home, characters: "/", side: .trailing) : home
        return .string(trimmedHome + path.dropFirst())
    }
}
