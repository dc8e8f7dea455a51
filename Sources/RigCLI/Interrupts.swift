import Foundation
import Synchronization

/// Set by the SIGINT handler; read between tasks and requests.
private let interruptRequested = Atomic<Bool>(false)

/// Ctrl-C: the first press asks the run to stop at the next task, request or poll, so it ends
/// cleanly with its recap; a second press ends the process at once.
enum Interrupts {
    static func install() {
        interruptRequested.store(false, ordering: .relaxed)
        signal(SIGINT) { _ in
            // Only async-signal-safe work here: a store, and the default handler back.
            interruptRequested.store(true, ordering: .relaxed)
            signal(SIGINT, SIG_DFL)
        }
    }

    static var requested: Bool { interruptRequested.load(ordering: .relaxed) }
}
