#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on UTF-8 bytes with `memchr` and `memcmp`: Python's `in` for strings, which
/// templates use in loops (`' ' in value`), must not be the slow generic collection search.
enum ByteSearch {
    /// Whether `needle` occurs in `haystack` (an empty needle always does).
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        if needle.isEmpty { return true }
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin in
                guard pin.count <= hay.count, let hayBase = hay.baseAddress, let pinBase = pin.baseAddress else { return false }
                let first = Int32(pinBase[0])
                var offset = 0
                let last = hay.count - pin.count
                while offset <= last {
                    guard let found = memchr(hayBase + offset, first, last - offset + 1) else { return false }
                    let position = UnsafeRawPointer(found) - UnsafeRawPointer(hayBase)
                    if memcmp(hayBase + position, pinBase, pin.count) == 0 { return true }
                    offset = position + 1
                }
                return false
            }
        }
    }
}
