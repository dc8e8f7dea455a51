/// Durations as NACK writes them (`1h`, `30s`, `1h30m`, `500ms`, Go's `time.ParseDuration`
/// units) and as JetStream sends them (integer nanoseconds).
package enum JetStreamDuration {
    /// Nanoseconds for a Go-style duration; nil when it is not one. A bare integer is taken as
    /// nanoseconds already (what the API itself would take).
    package static func nanoseconds(_ text: String) -> Int? {
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty { return nil }
        if let plain = Int(trimmed) { return plain }
        var rest = Substring(trimmed)
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            let unitText = rest.prefix { $0.isLetter || $0 == "µ" }
            guard let unit = units[String(unitText)] else { return nil }
            rest = rest.dropFirst(unitText.count)
            total += value * unit
        }
        guard total < 9.2e18 else { return nil }
        return Int(total.rounded())
    }

    /// The shortest Go-style text for nanoseconds (`3600000000000` → `1h`).
    package static func text(nanoseconds: Int) -> String {
        if nanoseconds == 0 { return "0s" }
        var rest = nanoseconds
        var text = nanoseconds < 0 ? "-" : ""
        rest = abs(rest)
        for (unit, size) in [("h", 3_600_000_000_000), ("m", 60_000_000_000), ("s", 1_000_000_000), ("ms", 1_000_000), ("us", 1000), ("ns", 1)]
        where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        return text
    }

    static let units: [String: Double] = [
        "ns": 1, "us": 1e3, "µs": 1e3, "ms": 1e6, "s": 1e9, "m": 60e9, "h": 3600e9, "d": 86400e9,
    ]
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
