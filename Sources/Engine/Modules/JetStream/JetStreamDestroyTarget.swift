import Diagnostics

/// A stream or consumer `destroy` found: deleted when its task opted in (`delete_on_destroy: true`),
/// otherwise reported as kept.
struct JetStreamDestroyTarget {
    var task: String
    var location: SourceSpan
    var request: NatsRequest
    var kind: NatsModule.Kind
    /// The task said `delete_on_destroy: true`.
    var delete: Bool
}
