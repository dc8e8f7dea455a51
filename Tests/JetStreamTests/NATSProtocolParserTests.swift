import JetStream
import NATSClient
import Testing

/// The byte parser: operations split anywhere, headers and status, and bad input refused
/// without crashing.
@Suite("the NATS protocol parser")
struct NATSProtocolParserTests {
    static let stream = Array(
        "INFO {\"server_id\":\"x\",\"version\":\"2.9.10\"}\r\nPING\r\n+OK\r\nMSG a.b 1 _INBOX.x.1 5\r\nhello\r\nHMSG _INBOX.x.2 1 30 30\r\nNATS/1.0 503 No Responders\r\n\r\n\r\nPONG\r\n-ERR 'Authorization Violation'\r\n"
            .utf8)

    static func parse(_ chunks: [[UInt8]]) throws -> [NATSServerOperation] {
        var parser = NATSProtocolParser()
        var operations: [NATSServerOperation] = []
        for chunk in chunks {
            parser.append(chunk)
            while let operation = try parser.next() { operations.append(operation) }
        }
        return operations
    }

    @Test("reads every operation whole, and the same when the bytes arrive one at a time")
    func splitAnywhere() throws {
        let whole = try Self.parse([Self.stream])
        #expect(whole.count == 7)
        #expect(whole[0] == .info("{\"server_id\":\"x\",\"version\":\"2.9.10\"}"))
        #expect(whole[3] == .message(NATSMessage(subject: "a.b", sid: "1", replyTo: "_INBOX.x.1", payload: Array("hello".utf8))))
        guard case .message(let noResponders) = whole[4] else { Issue.record("not a message"); return }
        #expect(noResponders.status == 503)
        #expect(noResponders.statusDescription == "No Responders")
        #expect(whole[6] == .error("Authorization Violation"))
        #expect(try Self.parse(Self.stream.map { [$0] }) == whole)
    }

    @Test("headers are read in order, payload after them")
    func headers() throws {
        let headers = "NATS/1.0\r\nNats-Msg-Id: 1\r\nX: y z\r\n\r\n"
        let bytes = Array("HMSG s 2 \(headers.utf8.count) \(headers.utf8.count + 2)\r\n\(headers)hi\r\n".utf8)
        let operations = try Self.parse([bytes])
        guard case .message(let message) = operations.first else { Issue.record("no message"); return }
        #expect(message.headers == [NATSHeader(name: "Nats-Msg-Id", value: "1"), NATSHeader(name: "X", value: "y z")])
        #expect(message.payload == Array("hi".utf8))
    }

    @Test("malformed input is a protocol error", arguments: [
        "BOGUS\r\n", "MSG a 1\r\n", "MSG a 1 -5\r\n", "MSG a 1 x\r\n", "MSG a 1 2\r\nabcd\r\n", "HMSG a 1 9 3\r\n",
        "HMSG a 1 3 3\r\nabc\r\n", "MSG a 1 99999999999999999999\r\n",
    ])
    func malformed(_ text: String) {
        #expect(throws: NATSProtocolError.self) { _ = try Self.parse([Array(text.utf8)]) }
    }

    @Test("a control line without end is refused once it passes the limit, not buffered forever")
    func endlessLine() {
        #expect(throws: NATSProtocolError.self) { _ = try Self.parse([Array(repeating: UInt8(ascii: "A"), count: 70_000)]) }
    }

    @Test("random and mutated bytes never crash the parser")
    func fuzz() {
        var generator = SplitMix(seed: 0x5EED)
        for round in 0..<3000 {
            var bytes = Self.stream
            if round % 2 == 0 {
                bytes = (0..<Int(generator.next() % 200)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            } else {
                for _ in 0..<4 { bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next()) }
            }
            var parser = NATSProtocolParser()
            var offset = 0
            while offset < bytes.count {
                let size = Int(generator.next() % 16) + 1
                parser.append(bytes[offset..<min(offset + size, bytes.count)])
                offset += size
                do {
                    while try parser.next() != nil {}
                } catch {
                    break
                }
            }
        }
    }
}

/// A small deterministic generator for fuzzing.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
