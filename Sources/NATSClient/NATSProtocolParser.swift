/// Splits the bytes a NATS server sends into protocol operations.
///
/// Bytes arrive in arbitrary pieces; `append` adds them and `next` returns one complete
/// operation at a time, or nil until more bytes come. Anything malformed throws a protocol
/// error instead of trapping, whatever the input, and sizes are capped so a hostile peer
/// cannot make it allocate without bound.
package struct NATSProtocolParser: Sendable {
    private var buffer: [UInt8] = []
    private var start = 0
    /// The longest control line accepted (`INFO` is the longest in practice).
    package var maxControlLine = 64 * 1024
    /// The largest payload accepted.
    package var maxPayload = 64 * 1024 * 1024

    package init() {}

    /// Adds received bytes.
    package mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete operation, nil when more bytes are needed.
    package mutating func next() throws(NATSProtocolError) -> NATSServerOperation? {
        guard let lineEnd = findLineEnd() else {
            if buffer.count - start > maxControlLine { throw NATSProtocolError("control line longer than \(maxControlLine) bytes") }
            return nil
        }
        let line = buffer[start..<lineEnd]
        let opEnd = line.firstIndex { $0 == 0x20 || $0 == 0x09 } ?? line.endIndex
        let op = String(decoding: line[line.startIndex..<opEnd], as: UTF8.self).uppercased()
        let rest = String(decoding: line[opEnd..<line.endIndex], as: UTF8.self)
        let afterLine = lineEnd + 2
        switch op {
        case "PING": return consume(to: afterLine, .ping)
        case "PONG": return consume(to: afterLine, .pong)
        case "+OK": return consume(to: afterLine, .ok)
        case "-ERR": return consume(to: afterLine, .error(Self.unquoted(rest)))
        case "INFO": return consume(to: afterLine, .info(rest.trimmingCharacters))
        case "MSG": return try message(arguments: rest, headers: false, bodyStart: afterLine)
        case "HMSG": return try message(arguments: rest, headers: true, bodyStart: afterLine)
        default: throw NATSProtocolError("unknown operation '\(op.prefix(20))'")
        }
    }

    private mutating func consume(to index: Int, _ operation: NATSServerOperation) -> NATSServerOperation {
        start = index
        return operation
    }

    private func findLineEnd() -> Int? {
        var index = start
        let limit = min(buffer.count - 1, start + maxControlLine)
        while index < limit {
            if buffer[index] == 0x0D, buffer[index + 1] == 0x0A { return index }
            index += 1
        }
        return nil
    }

    /// `MSG subject sid [reply] size` / `HMSG subject sid [reply] headerSize totalSize`.
    private mutating func message(arguments: String, headers: Bool, bodyStart: Int) throws(NATSProtocolError) -> NATSServerOperation? {
        let fields = arguments.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let sizes = headers ? 2 : 1
        guard fields.count == 2 + sizes || fields.count == 3 + sizes else {
            throw NATSProtocolError("\(headers ? "HMSG" : "MSG") with \(fields.count) arguments")
        }
        guard let total = Int(fields[fields.count - 1]), total >= 0, total <= maxPayload else {
            throw NATSProtocolError("bad message size '\(fields[fields.count - 1].prefix(20))'")
        }
        var headerSize = 0
        if headers {
            guard let size = Int(fields[fields.count - 2]), size >= 0, size <= total else {
                throw NATSProtocolError("bad header size '\(fields[fields.count - 2].prefix(20))'")
            }
            headerSize = size
        }
        guard buffer.count - bodyStart >= total + 2 else { return nil }
        guard buffer[bodyStart + total] == 0x0D, buffer[bodyStart + total + 1] == 0x0A else {
            throw NATSProtocolError("message payload not followed by CRLF")
        }
        var message = NATSMessage(
            subject: fields[0], sid: fields[1], replyTo: fields.count == 3 + sizes ? fields[2] : nil,
            payload: Array(buffer[(bodyStart + headerSize)..<(bodyStart + total)]))
        if headers {
            try Self.parseHeaders(buffer[bodyStart..<(bodyStart + headerSize)], into: &message)
        }
        start = bodyStart + total + 2
        return .message(message)
    }

    /// `NATS/1.0 503 No Responders\r\nName: value\r\n\r\n`.
    static func parseHeaders(_ bytes: ArraySlice<UInt8>, into message: inout NATSMessage) throws(NATSProtocolError) {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: true).map(String.init)
        guard let first = lines.first, first.hasPrefix("NATS/") else { throw NATSProtocolError("header block without NATS/1.0 line") }
        lines.removeFirst()
        let status = first.split(separator: " ", maxSplits: 2)
        if status.count > 1 { message.status = Int(status[1]) }
        if status.count > 2 { message.statusDescription = String(status[2]) }
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].drop { $0 == " " }
            message.headers.append(NATSHeader(name: String(line[..<colon]), value: String(value)))
        }
    }

    static func unquoted(_ text: String) -> String {
        var trimmed = text.trimmingCharacters
        if trimmed.hasPrefix("'") { trimmed.removeFirst() }
        if trimmed.hasSuffix("'") { trimmed.removeLast() }
        return trimmed
    }
}

/// The server sent something that is not the NATS protocol.
package struct NATSProtocolError: Error, Sendable, Hashable, CustomStringConvertible {
    package var reason: String
    package init(_ reason: String) { self.reason = reason }
    package var description: String { "protocol error: \(reason)" }
}

extension String {
    var trimmingCharacters: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
