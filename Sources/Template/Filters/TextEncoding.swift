/// The text encodings `b64encode`/`b64decode` accept by name, as Python's codec names.
enum TextEncoding {
    case utf8, utf16, utf16LittleEndian, utf16BigEndian, ascii, latin1

    init(_ name: String) throws(TemplateError) {
        switch name.lowercased().replacingUnderscores() {
        case "utf-8", "utf8", "u8": self = .utf8
        case "utf-16", "utf16": self = .utf16
        case "utf-16-le", "utf-16le", "utf16le": self = .utf16LittleEndian
        case "utf-16-be", "utf-16be", "utf16be": self = .utf16BigEndian
        case "ascii", "us-ascii": self = .ascii
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1": self = .latin1
        default: throw TemplateError(.lookup, "unknown encoding: \(name)")
        }
    }

    /// Python's `text.encode(encoding)`; `utf-16` writes a little-endian byte order mark.
    func encode(_ text: String) throws(TemplateError) -> [UInt8] {
        switch self {
        case .utf8: return Array(text.utf8)
        case .utf16: return [0xFF, 0xFE] + littleEndian(text)
        case .utf16LittleEndian: return littleEndian(text)
        case .utf16BigEndian: return text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case .ascii, .latin1:
            let limit: UInt32 = self == .ascii ? 0x7F : 0xFF
            var bytes: [UInt8] = []
            for scalar in text.unicodeScalars {
                guard scalar.value <= limit else {
                    throw .value("'\(self == .ascii ? "ascii" : "latin-1")' codec can't encode character '\\u\(String(scalar.value, radix: 16))'")
                }
                bytes.append(UInt8(scalar.value))
            }
            return bytes
        }
    }

    private func littleEndian(_ text: String) -> [UInt8] {
        text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    /// `bytes.decode(encoding)`; undecodable bytes become U+FFFD.
    func decode(_ bytes: [UInt8]) -> String {
        switch self {
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .ascii, .latin1: return String(scalars: bytes.map { Unicode.Scalar($0) })
        case .utf16, .utf16LittleEndian, .utf16BigEndian:
            var data = bytes[...]
            var bigEndian = self == .utf16BigEndian
            if self == .utf16, data.count >= 2 {
                if data.starts(with: [0xFF, 0xFE]) { data = data.dropFirst(2) }
                else if data.starts(with: [0xFE, 0xFF]) { data = data.dropFirst(2); bigEndian = true }
            }
            var units: [UInt16] = []
            var index = data.startIndex
            while index + 1 < data.endIndex {
                let first = UInt16(data[index])
                let second = UInt16(data[index + 1])
                units.append(bigEndian ? (first << 8) | second : (second << 8) | first)
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        PythonText.replace(self, "_", with: "-")
    }
}
