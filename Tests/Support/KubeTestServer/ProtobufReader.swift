/// Reads the fields of one protobuf message from its wire bytes, one at a time.
///
/// Bounded by construction: a varint reads at most 10 bytes, a length must fit in what is left,
/// and nested messages are read only when the caller asks (so nesting is as deep as the schema
/// the caller follows, never as deep as the input). Malformed input throws; nothing traps.
struct ProtobufReader {
    /// One field as the wire carries it.
    struct Field: Sendable, Hashable {
        /// The field number (1 and up).
        var number: Int
        var value: Value
    }

    /// The value of a field, by wire type; fixed-width values are skipped, not kept.
    enum Value: Sendable, Hashable {
        case varint(UInt64)
        case bytes(ArraySlice<UInt8>)
        case fixed
    }

    private let bytes: ArraySlice<UInt8>
    private var index: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    init(_ bytes: [UInt8]) { self.init(bytes[...]) }

    /// The next field, or nil at the end of the message.
    mutating func next() throws(ProtobufError) -> Field? {
        guard index < bytes.endIndex else { return nil }
        let key = try readVarint()
        let number = key >> 3
        guard number >= 1, number <= 536_870_911 else { throw .invalidFieldNumber(number, at: index) }
        switch key & 7 {
        case 0:
            return Field(number: Int(number), value: .varint(try readVarint()))
        case 1:
            try skip(8)
            return Field(number: Int(number), value: .fixed)
        case 2:
            let length = try readVarint()
            guard length <= UInt64(bytes.endIndex - index) else { throw .truncated(at: index, wanted: length) }
            let start = index
            index += Int(length)
            return Field(number: Int(number), value: .bytes(bytes[start..<index]))
        case 5:
            try skip(4)
            return Field(number: Int(number), value: .fixed)
        default:
            throw .unsupportedWireType(Int(key & 7), at: index)
        }
    }

    /// All fields of the message, in wire order.
    static func fields(_ bytes: ArraySlice<UInt8>) throws(ProtobufError) -> [Field] {
        var reader = ProtobufReader(bytes)
        var fields: [Field] = []
        while let field = try reader.next() { fields.append(field) }
        return fields
    }

    private mutating func readVarint() throws(ProtobufError) -> UInt64 {
        var result: UInt64 = 0
        for shift in stride(from: UInt64(0), to: 70, by: 7) {
            guard index < bytes.endIndex else { throw .truncatedVarint(at: index) }
            let byte = bytes[index]
            index += 1
            if shift == 63, byte > 1 { throw .varintOverflow(at: index) }
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
        }
        throw .varintOverflow(at: index)
    }

    private mutating func skip(_ count: Int) throws(ProtobufError) {
        guard bytes.endIndex - index >= count else { throw .truncated(at: index, wanted: UInt64(count)) }
        index += count
    }
}

extension ProtobufReader.Value {
    /// The payload of a length-delimited field as UTF-8 text; throws for other wire types.
    func string(field: String) throws(ProtobufError) -> String {
        guard case .bytes(let payload) = self else { throw .wrongWireType(field: field) }
        guard let text = String(validating: payload, as: UTF8.self) else { throw .invalidUTF8(field: field) }
        return text
    }

    /// The payload of a length-delimited field (a nested message or bytes).
    func payload(field: String) throws(ProtobufError) -> ArraySlice<UInt8> {
        guard case .bytes(let payload) = self else { throw .wrongWireType(field: field) }
        return payload
    }

    /// A varint field as a signed 64-bit integer (two's complement, as protobuf `int64`).
    func integer(field: String) throws(ProtobufError) -> Int {
        guard case .varint(let raw) = self else { throw .wrongWireType(field: field) }
        return Int(Int64(bitPattern: raw))
    }

    /// A varint field as a `bool`.
    func bool(field: String) throws(ProtobufError) -> Bool {
        guard case .varint(let raw) = self else { throw .wrongWireType(field: field) }
        return raw != 0
    }
}
