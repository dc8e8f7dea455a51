/// CPython 3.11's `hash()`, as run by Ansible's oracle with `PYTHONHASHSEED=0`.
///
/// Ansible's `union`, `intersect`, `difference` and `symmetric_difference` return
/// `list(set(a) | set(b))`, whose order is the order of CPython's hash table; `PythonSet`
/// reproduces that table and needs the exact hashes: SipHash-1-3 with a zero key over the
/// string's compact storage (1, 2 or 4 bytes per code point), integers modulo 2^61 - 1,
/// floats by CPython's `_Py_HashDouble`, tuples by the xxHash-based combiner.
enum PythonHash {
    private static let modulusBits: UInt64 = 61
    private static let modulus: UInt64 = (1 << 61) - 1

    /// `hash(value)`, or nil when Python could not hash it.
    static func hash(_ value: Value) -> Int64? {
        switch value {
        case .none: return 0x1_0f0f_0f0f  // id-based in CPython 3.11; any fixed value will do
        case .bool(let bool): return bool ? 1 : 0
        case .int(let int): return hashInteger(int)
        case .float(let double): return hashDouble(double)
        case .string(let string): return hashString(string)
        case .tuple(let items): return hashTuple(items)
        case .list, .dict, .undefined: return nil
        case .callable(let callable): return Int64(truncatingIfNeeded: ObjectIdentifier(callable).hashValue)
        case .namespace(let namespace): return Int64(truncatingIfNeeded: ObjectIdentifier(namespace).hashValue)
        }
    }

    static func hashInteger(_ int: Int) -> Int64 {
        let reduced = Int64(int.magnitude % UInt(modulus))
        let signed = int < 0 ? -reduced : reduced
        return signed == -1 ? -2 : signed
    }

    static func hashDouble(_ double: Double) -> Int64 {
        if double.isInfinite { return double > 0 ? 314_159 : -314_159 }
        if double.isNaN { return 0 }
        if double == 0 { return 0 }
        // frexp: |double| == mantissa * 2^exponent with the mantissa below 1.
        var mantissa = double.significand / 2
        var exponent = Int(double.exponent) + 1
        let sign: Int64 = double < 0 ? -1 : 1
        var x: UInt64 = 0
        while mantissa != 0 {
            x = ((x << 28) & modulus) | x >> (modulusBits - 28)
            mantissa *= 268_435_456.0
            exponent -= 28
            let integerPart = UInt64(mantissa)
            mantissa -= Double(integerPart)
            x += integerPart
            if x >= modulus { x -= modulus }
        }
        let bits = Int(modulusBits)
        let shift = exponent >= 0 ? exponent % bits : bits - 1 - ((-1 - exponent) % bits)
        x = ((x << UInt64(shift)) & modulus) | x >> (modulusBits - UInt64(shift))
        let result = Int64(bitPattern: x &* UInt64(bitPattern: sign))
        return result == -1 ? -2 : result
    }

    static func hashString(_ string: String) -> Int64 {
        let scalars = string.unicodeScalars
        guard !scalars.isEmpty else { return 0 }
        let widest = scalars.reduce(0) { max($0, $1.value) }
        let width = widest < 0x100 ? 1 : (widest < 0x10000 ? 2 : 4)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * width)
        for scalar in scalars {
            for byte in 0..<width { bytes.append(UInt8(truncatingIfNeeded: scalar.value >> (8 * UInt32(byte)))) }
        }
        let result = Int64(bitPattern: sipHash13(bytes))
        return result == -1 ? -2 : result
    }

    private static func hashTuple(_ items: [Value]) -> Int64? {
        let prime1: UInt64 = 11_400_714_785_074_694_791
        let prime2: UInt64 = 14_029_467_366_897_019_727
        let prime5: UInt64 = 2_870_177_450_012_600_261
        var accumulator = prime5
        for item in items {
            guard let lane = hash(item) else { return nil }
            accumulator = accumulator &+ UInt64(bitPattern: lane) &* prime2
            accumulator = (accumulator << 31) | (accumulator >> 33)
            accumulator = accumulator &* prime1
        }
        accumulator = accumulator &+ (UInt64(items.count) ^ (prime5 ^ 3_527_539))
        if accumulator == UInt64.max { return 1_546_275_796 }
        return Int64(bitPattern: accumulator)
    }

    /// SipHash-1-3 with a zero key, CPython's string hash when hash randomisation is off.
    static func sipHash13(_ bytes: [UInt8]) -> UInt64 {
        var v0: UInt64 = 0x736f_6d65_7073_6575
        var v1: UInt64 = 0x646f_7261_6e64_6f6d
        var v2: UInt64 = 0x6c79_6765_6e65_7261
        var v3: UInt64 = 0x7465_6462_7974_6573
        func rotate(_ x: UInt64, _ bits: UInt64) -> UInt64 { (x << bits) | (x >> (64 - bits)) }
        func round() {
            v0 = v0 &+ v1; v2 = v2 &+ v3
            v1 = rotate(v1, 13) ^ v0; v3 = rotate(v3, 16) ^ v2
            v0 = rotate(v0, 32)
            v2 = v2 &+ v1; v0 = v0 &+ v3
            v1 = rotate(v1, 17) ^ v2; v3 = rotate(v3, 21) ^ v0
            v2 = rotate(v2, 32)
        }
        var offset = 0
        while bytes.count - offset >= 8 {
            var word: UInt64 = 0
            for byte in 0..<8 { word |= UInt64(bytes[offset + byte]) << (8 * UInt64(byte)) }
            v3 ^= word
            round()
            v0 ^= word
            offset += 8
        }
        var last = UInt64(bytes.count) << 56
        for byte in 0..<(bytes.count - offset) { last |= UInt64(bytes[offset + byte]) << (8 * UInt64(byte)) }
        v3 ^= last
        round()
        v0 ^= last
        v2 ^= 0xff
        round()
        round()
        round()
        return (v0 ^ v1) ^ (v2 ^ v3)
    }
}
