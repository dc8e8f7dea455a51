import Diagnostics

/// A stream or consumer whose task opted in to deletion by `destroy` (`delete_on_destroy: true`).
struct JetStreamDestroyTarget {
    var task: String
    var location: SourceSpan
    var request: NatsRequest
    var kind: NatsModule.Kind
}
