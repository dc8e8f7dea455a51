import Foundation

/// Where credential code reads the wall-clock time, so tests decide when an exec credential
/// expires instead of waiting for it.
package struct KubeWallClock: Sendable {
    private let read: @Sendable () -> Date

    /// A clock that reads `now` from the closure.
    package init(_ now: @escaping @Sendable () -> Date) {
        self.read = now
    }

    /// The system's clock.
    package static let system = KubeWallClock { Date() }

    /// The current time as this clock tells it.
    package var now: Date { read() }
}
