/// The type a plain scalar resolves to under YAML 1.1, decided exactly as PyYAML's `Resolver`
/// decides it (Ansible loads and dumps YAML with PyYAML's safe loader and dumper).
///
/// Each matcher is a hand port of one of PyYAML's implicit-resolver regular expressions; the
/// comments quote them. Only ASCII can match, so the matchers work on UTF-8 bytes.
enum YAMLImplicitType: Sendable, Hashable {
    case null, bool, int, float, timestamp, merge, value, string
}

enum YAMLResolver {
    /// The implicit type of `text` as a plain scalar.
    static func implicitType(of text: String) -> YAMLImplicitType {
        var bytes = Array(text.utf8)
        // Python's `$` also matches before one final line break.
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        guard let first = bytes.first else { return .null }
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
            UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
            UInt8(ascii: "o"), UInt8(ascii: "O"):
            if boolWords.contains(bytes) { return .bool }
            if nullWords.contains(bytes) { return .null }
        case UInt8(ascii: "~"):
            if bytes.count == 1 { return .null }
        case UInt8(ascii: "<"):
            if bytes == Array("<<".utf8) { return .merge }
        case UInt8(ascii: "="):
            if bytes.count == 1 { return .value }
        default:
            if isFloat(bytes) { return .float }
            if isInt(bytes) { return .int }
            if isTimestamp(bytes) { return .timestamp }
        }
        return .string
    }

    // ^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$
    private static let boolWords: Set<[UInt8]> = Set(
        ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
         "on", "On", "ON", "off", "Off", "OFF"].map { Array($0.utf8) })

    // ^(?: ~ |null|Null|NULL | )$
    private static let nullWords: Set<[UInt8]> = Set(["null", "Null", "NULL"].map { Array($0.utf8) })

    /// ^(?:[-+]?0b[0-1_]+ |[-+]?0[0-7_]+ |[-+]?(?:0|[1-9][0-9_]*) |[-+]?0x[0-9a-fA-F_]+
    ///  |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$
    static func isInt(_ bytes: [UInt8]) -> Bool {
        var cursor = YAMLByteCursor(bytes)
        cursor.skipSign()
        let body = Array(bytes[cursor.index...])
        guard let first = body.first else { return false }
        if body.starts(with: Array("0b".utf8)) {
            return body.count > 2 && body.dropFirst(2).allSatisfy { $0 == 0x30 || $0 == 0x31 || $0 == 0x5F }
        }
        if body.starts(with: Array("0x".utf8)) {
            return body.count > 2 && body.dropFirst(2).allSatisfy { isHex($0) || $0 == 0x5F }
        }
        if first == UInt8(ascii: "0") {
            return body.count == 1 || body.dropFirst().allSatisfy { (0x30...0x37).contains($0) || $0 == 0x5F }
        }
        guard isDigit(first) else { return false }
        if body.dropFirst().allSatisfy({ isDigit($0) || $0 == 0x5F }) { return true }
        return isSexagesimal(body[...], firstDigits: 0x31...0x39)
    }

    /// ^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)? |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
    ///  |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]* |[-+]?\.(?:inf|Inf|INF) |\.(?:nan|NaN|NAN))$
    static func isFloat(_ bytes: [UInt8]) -> Bool {
        let unsigned = bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+")
            ? Array(bytes.dropFirst()) : bytes
        if [".inf", ".Inf", ".INF"].contains(where: { Array($0.utf8) == unsigned }) { return true }
        if [".nan", ".NaN", ".NAN"].contains(where: { Array($0.utf8) == bytes }) { return true }
        guard let dot = unsigned.firstIndex(of: UInt8(ascii: ".")) else { return false }
        let whole = unsigned[..<dot]
        let rest = unsigned[(dot + 1)...]
        if whole.isEmpty {
            // `\.[0-9][0-9_]*` with an optional exponent, and no sign.
            guard unsigned.count == bytes.count, let first = rest.first, isDigit(first) else { return false }
            return isFractionWithExponent(rest)
        }
        guard let first = whole.first, isDigit(first) else { return false }
        if whole.dropFirst().allSatisfy({ isDigit($0) || $0 == 0x5F }) {
            return isFractionWithExponent(rest)
        }
        return isSexagesimal(whole, firstDigits: 0x30...0x39) && rest.allSatisfy { isDigit($0) || $0 == 0x5F }
    }

    /// ^(?:[0-9]{4}-[0-9]{2}-[0-9]{2} |[0-9]{4}-[0-9][0-9]?-[0-9][0-9]? (?:[Tt]|[ \t]+)[0-9][0-9]?
    ///  :[0-9]{2}:[0-9]{2}(?:\.[0-9]*)? (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$
    static func isTimestamp(_ bytes: [UInt8]) -> Bool {
        var cursor = YAMLByteCursor(bytes)
        guard cursor.digits(4, 4), cursor.take("-") else { return false }
        let monthStart = cursor.index
        guard cursor.digits(1, 2), cursor.take("-") else { return false }
        let dayStart = cursor.index
        guard cursor.digits(1, 2) else { return false }
        if cursor.atEnd {
            return dayStart - monthStart == 3 && cursor.index - dayStart == 2
        }
        if !cursor.take("T"), !cursor.take("t") {
            guard cursor.skipBlanks() > 0 else { return false }
        }
        guard cursor.digits(1, 2), cursor.take(":"), cursor.digits(2, 2), cursor.take(":"),
            cursor.digits(2, 2)
        else { return false }
        if cursor.take(".") { _ = cursor.digits(0, Int.max) }
        _ = cursor.skipBlanks()
        if cursor.atEnd { return true }
        if cursor.take("Z") { return cursor.atEnd }
        guard cursor.takeSign(), cursor.digits(1, 2) else { return false }
        if cursor.take(":") { guard cursor.digits(2, 2) else { return false } }
        return cursor.atEnd
    }

    /// `[first][0-9_]*(?::[0-5]?[0-9])+` over the whole slice.
    private static func isSexagesimal(_ body: ArraySlice<UInt8>, firstDigits: ClosedRange<UInt8>) -> Bool {
        let parts = body.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count >= 2, let head = parts.first, let first = head.first, firstDigits.contains(first),
            head.dropFirst().allSatisfy({ isDigit($0) || $0 == 0x5F })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            let digits = Array(part)
            switch digits.count {
            case 1: return isDigit(digits[0])
            case 2: return (0x30...0x35).contains(digits[0]) && isDigit(digits[1])
            default: return false
            }
        }
    }

    /// `[0-9_]*(?:[eE][-+][0-9]+)?` over the whole slice.
    private static func isFractionWithExponent(_ rest: ArraySlice<UInt8>) -> Bool {
        guard let exponent = rest.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else {
            return rest.allSatisfy { isDigit($0) || $0 == 0x5F }
        }
        guard rest[..<exponent].allSatisfy({ isDigit($0) || $0 == 0x5F }) else { return false }
        let tail = rest[(exponent + 1)...]
        guard let sign = tail.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") else { return false }
        let digits = tail.dropFirst()
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private static func isHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}

/// A forward-only reader over ASCII bytes for the resolver's matchers.
struct YAMLByteCursor {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    mutating func takeSign() -> Bool { take("-") || take("+") }

    mutating func skipSign() { _ = takeSign() }

    /// Takes between `minimum` and `maximum` ASCII digits; false when fewer than `minimum`.
    mutating func digits(_ minimum: Int, _ maximum: Int) -> Bool {
        var count = 0
        while count < maximum, index < bytes.count, YAMLResolver.isDigit(bytes[index]) {
            index += 1
            count += 1
        }
        return count >= minimum
    }

    mutating func skipBlanks() -> Int {
        var count = 0
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 {
            index += 1
            count += 1
        }
        return count
    }
}
