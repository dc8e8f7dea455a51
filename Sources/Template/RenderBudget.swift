import Synchronization

/// Bounds how much work one render may do, so a template like two nested `range(10**6)` loops
/// ends with a diagnostic instead of running for hours.
///
/// Shared by reference between a render and the macros and includes it calls.
final class RenderBudget: Sendable {
    private let remaining: Atomic<Int>
    /// Every scope the render created. Macros capture their scope and live in it, a reference
    /// cycle; the render clears these scopes when it ends so the cycle is broken.
    private let scopes = Mutex<[Scope]>([])

    init(steps: Int) {
        remaining = Atomic(steps)
    }

    /// A new scope that is emptied when the render ends.
    func makeScope(_ values: [String: Value] = [:]) -> Scope {
        let scope = Scope(values)
        scopes.withLock { $0.append(scope) }
        return scope
    }

    /// Empties every scope of the render; call once, when the outermost render is done.
    func releaseScopes() {
        let all = scopes.withLock { list in
            defer { list = [] }
            return list
        }
        for scope in all { scope.removeAll() }
    }

    /// Spends `count` steps; throws once the budget is gone.
    func spend(_ count: Int = 1) throws(TemplateError) {
        let (_, left) = remaining.subtract(count, ordering: .relaxed)
        if left < 0 {
            throw TemplateError(
                .recursion, "the template does too much work (more than the render budget of loop iterations and calls)",
                hint: "look for loops over very large ranges")
        }
    }
}
