import Kube
import Testing
import Kube
import YAML

@Suite("JSON in the value tree")
struct JSONTests {
    @Test("reads and writes objects in key order, with ints, floats, escapes and unicode")
    func roundTrip() throws {
        let text = #"{"b":1,"a":[true,null,-2.5,"x\"\\\n\u00e9\ud83d\ude00"],"c":{}}"#
        let value = try YAMLValue.parseJSON(text)
        #expect(value["b"] == .int(1))
        #expect(value["a"] == .sequence([.bool(true), .null, .float(-2.5), .string("x\"\\\né😀")]))
        #expect(value.jsonText == #"{"b":1,"a":[true,null,-2.5,"x\"\\\né😀"],"c":{}}"#)
    }

    @Test("rejects broken documents with the byte offset", arguments: ["{", "[1,]", "{\"a\" 1}", "01", "\"\u{01}\"", "[] x", "tru"])
    func rejects(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try YAMLValue.parseJSON(text) }
    }

    @Test("stops at 512 levels of nesting instead of overflowing the stack")
    func depth() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try YAMLValue.parseJSON(deep) }
    }
}
