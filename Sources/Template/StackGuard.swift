#if canImport(Glibc)
import Glibc

@_silgen_name("pthread_getattr_np")
private func pthreadGetattrNP(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32

/// Thread-local slot holding each thread's stack floor; the slot is freed when the thread ends.
private let stackFloorKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key) { slot in slot?.deallocate() }
    return key
}()
#endif

/// Stops deep recursion (nested macros, includes, expressions) with a diagnostic before the
/// thread's stack runs out, whatever thread the render runs on and however large its frames.
///
/// Made once per render on the rendering thread; a render never suspends, so the bound stays
/// valid for the whole render.
struct StackGuard: Sendable {
    /// The lowest stack address the render may reach (stacks grow down).
    let floor: UInt

    /// Leaves `margin` bytes of the current thread's stack unused. The floor is computed once
    /// per thread (finding the main thread's stack reads /proc) and kept in thread-local storage.
    static func current(margin: UInt = 512 * 1024) -> StackGuard {
        #if canImport(Glibc)
        if let stored = pthread_getspecific(stackFloorKey) {
            return StackGuard(floor: stored.load(as: UInt.self))
        }
        let computed = compute(margin: margin)
        let slot = UnsafeMutableRawPointer.allocate(byteCount: MemoryLayout<UInt>.size, alignment: MemoryLayout<UInt>.alignment)
        slot.storeBytes(of: computed.floor, as: UInt.self)
        pthread_setspecific(stackFloorKey, slot)
        return computed
        #else
        return StackGuard(floor: 0)
        #endif
    }

    private static func compute(margin: UInt) -> StackGuard {
        #if canImport(Glibc)
        var attributes = pthread_attr_t()
        guard pthreadGetattrNP(pthread_self(), &attributes) == 0 else { return StackGuard(floor: 0) }
        defer { pthread_attr_destroy(&attributes) }
        var base: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &base, &size) == 0, let base else { return StackGuard(floor: 0) }
        return StackGuard(floor: UInt(bitPattern: base) + min(margin, UInt(size) / 4))
        #else
        return StackGuard(floor: 0)
        #endif
    }

    /// Throws when the stack pointer is below the floor.
    @inline(__always)
    func check() throws(TemplateError) {
        var marker: UInt8 = 0
        let address = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        if address < floor {
            throw TemplateError(
                .recursion, "the template nests too deeply (macros, includes or expressions)",
                hint: "look for a macro or include that calls itself without end")
        }
    }
}
