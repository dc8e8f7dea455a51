import Synchronization

/// Bounds how much work one render may do, so a template like two nested `range(10**6)` loops
/// ends with a diagnostic instead of running for hours.
///
/// Shared by reference between a render and the macros and includes it calls.
final class RenderBudget: Sendable {
    private let remaining: Atomic<Int>

    init(steps: Int) {
        remaining = Atomic(steps)
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
