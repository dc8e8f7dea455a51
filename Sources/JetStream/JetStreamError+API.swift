import YAML

extension JetStreamError {
    /// An API error answer (`{"error": {"code": 400, "err_code": 10058, "description": …}}`) as
    /// an error with the fix for the codes rig knows.
    package static func api(subject: String, error: YAMLValue) -> JetStreamError {
        let apiCode = error.member("err_code")?.integerValue
        let status = error.member("code")?.integerValue
        let description = error.member("description")?.textValue ?? "unknown error"
        return JetStreamError(
            code: "jetstream.api", message: "\(description) (\(subject), err_code \(apiCode.map(String.init) ?? "none"))",
            apiCode: apiCode, status: status, hint: hint(forAPICode: apiCode))
    }

    /// The fix for the API error codes that have one.
    static func hint(forAPICode code: Int?) -> String? {
        switch code {
        case 10058:
            "a stream with this name already exists with another configuration; rig updates it when run again, or set `recreate: true`"
        case 10059: "the stream does not exist: create it first (a nats_stream task before this one)"
        case 10014: "the consumer does not exist on this stream"
        case 10052, 10012:
            "the server cannot make this change in place; set `recreate: true` on the task to delete and re-create it (its messages or delivery state are lost)"
        case 10028:
            "memory storage is disabled or exhausted on this server: give JetStream memory with `jetstream { max_memory_store: 1G }` in the server config (or `max_mem` in the account's limits), or use `storage: file`"
        case 10023:
            "the server lacks resources for this stream: raise `jetstream { max_file_store … }` or lower maxBytes"
        case 10039, 10076: "enable JetStream on the server (-js) and for the account"
        case 10074, 10075: "replicas above 1 need a JetStream cluster; use `replicas: 1` on a single server"
        default: nil
        }
    }
}
