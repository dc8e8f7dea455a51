import Testing

@testable import Template

/// `hash()` values printed by CPython 3.11.7 with `PYTHONHASHSEED=0`; set order depends on them.
@Suite("CPython hashes")
struct PythonHashTests {
    static let cases: [(Value, Int64)] = [
        (.string(""), 0), (.string("a"), 4_644_417_185_603_328_019), (.string("web01"), 3_060_721_997_132_614_293),
        (.string("é"), 6_047_309_291_227_476_195), (.string("ĀB"), -1_550_311_731_070_739_927),
        (.string("😀x"), -8_926_728_262_118_538_918),
        (.string("a longer string of more than 8 bytes"), 1_771_551_381_700_735_446),
        (.int(0), 0), (.int(1), 1), (.int(-1), -2), (.int(-2), -2), (.int(1 << 61), 1), (.int((1 << 62) + 5), 7),
        (.int(Int.min), -4), (.float(1.5), 1_152_921_504_606_846_977), (.float(-0.25), -576_460_752_303_423_488),
        (.float(1e100), 1_822_893_315_824_342_674), (.float(1e-300), 482_449_582_752_280_463),
        (.float(.leastNonzeroMagnitude), 16_777_216), (.float(.infinity), 314_159), (.float(2.0), 2),
        (.tuple([]), 5_740_354_900_026_072_187), (.tuple([.int(1), .string("a")]), 3_906_047_847_676_358_913),
        (.tuple([.int(1), .tuple([.int(2), .int(3)])]), 7_267_574_591_690_527_098), (.bool(true), 1), (.bool(false), 0),
    ]

    @Test("matches CPython", arguments: cases)
    func matchesCPython(_ value: Value, _ expected: Int64) {
        #expect(PythonHash.hash(value) == expected)
    }

    @Test("lists and dicts are unhashable, tuples holding them too")
    func unhashable() {
        #expect(PythonHash.hash(.list([])) == nil)
        #expect(PythonHash.hash(.dict(["a": .int(1)])) == nil)
        #expect(PythonHash.hash(.tuple([.list([])])) == nil)
    }

    @Test("a set keeps the first of equal elements, as 1, 1.0 and True are equal in Python")
    func setKeepsFirstEqualElement() throws {
        let set = try #require(PythonSet([.int(1), .float(1), .bool(true), .string("1")]))
        #expect(set.elements.map { $0.pythonRepr() } == ["1", "'1'"])
    }
}
