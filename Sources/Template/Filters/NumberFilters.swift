import Foundation

/// Conversions and arithmetic: `int`, `float`, `bool`, `abs`, `round`, `log`, `pow`, `root`,
/// `filesizeformat`.
enum NumberFilters {
    static let all: [FilterDefinition] = [
        FilterDefinition("int", body: int),
        FilterDefinition("float", body: float),
        FilterDefinition("bool", body: bool),
        FilterDefinition("abs", body: abs),
        FilterDefinition("round", body: round),
        FilterDefinition("log", body: log),
        FilterDefinition("pow", body: pow),
        FilterDefinition("root", body: root),
        FilterDefinition("filesizeformat", body: filesizeformat),
    ]

    private static func requireNumber(_ value: Value, _ message: String) throws(TemplateError) -> Value.Number {
        guard let number = value.number else {
            try value.requireDefined()
            throw .type(message)
        }
        return number
    }

    /// Jinja2's `int(default=0, base=10)`: `'0x1A'|int(base=16)` is 26, `'3.7'|int` is 3, and
    /// anything unconvertible gives `default`.
    static func int(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("int", ["default", "base"]).bind(arguments)
        let fallback = bound["default"] ?? .int(0)
        switch value {
        case .string(let text):
            if let parsed = PythonNumber.parseInt(text, base: try bound.integer("base", default: 10)) { return .int(parsed) }
            guard let double = PythonNumber.parseFloat(text), double.isFinite else { return fallback }
            return try truncated(double)
        case .bool(let bool): return .int(bool ? 1 : 0)
        case .int: return value
        case .float(let double):
            if double.isNaN { return fallback }
            return try truncated(double)
        default:
            return fallback
        }
    }

    private static func truncated(_ double: Double) throws(TemplateError) -> Value {
        guard let int = Int(exactly: double.rounded(.towardZero)) else {
            throw TemplateError(.overflow, "cannot convert float \(PythonFloat.repr(double)) to integer")
        }
        return .int(int)
    }

    /// Jinja2's `float(default=0.0)`.
    static func float(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("float", ["default"]).bind(arguments)
        let fallback = bound["default"] ?? .float(0)
        switch value {
        case .string(let text): return PythonNumber.parseFloat(text).map(Value.float) ?? fallback
        case .bool, .int, .float: return .float(value.number?.double ?? 0)
        default: return fallback
        }
    }

    /// Ansible 2.19's `bool`: `yes`/`on`/`true`/`1` (any case) are true, `no`/`off`/`false`/`0`
    /// false; anything else is true only when it equals 1 (Ansible warns that this is deprecated).
    static func bool(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        _ = try Signature("bool").bind(arguments)
        let text: String?
        switch value {
        case .string(let string): text = string.lowercased()
        case .bool(let bool): text = bool ? "true" : "false"
        case .int(let int): text = String(int)
        default: text = nil
        }
        if let text {
            if ["yes", "on", "true", "1"].contains(text) { return .bool(true) }
            if ["no", "off", "false", "0"].contains(text) { return .bool(false) }
        }
        return .bool(value == .int(1))
    }

    /// Python's `abs`.
    static func abs(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        _ = try Signature("abs").bind(arguments)
        switch try requireNumber(value, "bad operand type for abs(): '\(value.typeName)'") {
        case .int(let int):
            guard int != .min else { throw TemplateError(.overflow, "integer overflow in abs") }
            return .int(Swift.abs(int))
        case .float(let double): return .float(Swift.abs(double))
        }
    }

    /// Jinja2's `round(precision=0, method='common')`: Python's `round` for `common` (an int stays
    /// an int), `math.ceil`/`math.floor` scaled by `10**precision` (always a float) otherwise.
    static func round(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("round", ["precision", "method"]).bind(arguments)
        let method = try bound.string("method", default: "common")
        guard ["common", "ceil", "floor"].contains(method) else {
            throw .arguments("round(): method must be common, ceil or floor")
        }
        let precision = try bound.integer("precision", default: 0)
        let number = try requireNumber(value, "type \(value.typeName) doesn't define __round__ method")
        if method == "common" {
            switch number {
            case .int(let int): return .int(PythonNumber.round(int, digits: precision))
            case .float(let double): return .float(PythonNumber.round(double, digits: precision))
            }
        }
        let factor = Foundation.pow(10.0, Double(precision))
        let scaled = number.double * factor
        let rounded = method == "ceil" ? scaled.rounded(.up) : scaled.rounded(.down)
        guard rounded.isFinite else { throw TemplateError(.overflow, "cannot convert float infinity to integer") }
        return .float(rounded / factor)
    }

    /// Ansible's `log(base=e)`: `math.log10` for base 10, `math.log(x, base)` otherwise.
    static func log(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("log", ["base"]).bind(arguments)
        let x = try requireNumber(value, "log() can only be used on numbers").double
        let base = try bound["base"].map { (base: Value) throws(TemplateError) -> Double in
            try requireNumber(base, "log() can only be used on numbers").double
        } ?? M_E
        guard x > 0, base > 0 else { throw .value("math domain error") }
        if base == 10 { return .float(log10(x)) }
        let denominator = Foundation.log(base)
        guard denominator != 0 else { throw TemplateError(.zeroDivision, "float division by zero") }
        return .float(Foundation.log(x) / denominator)
    }

    /// Ansible's `pow(y)`: `math.pow`, always a float.
    static func pow(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("pow", ["y"], required: 1).bind(arguments)
        let x = try requireNumber(value, "pow() can only be used on numbers").double
        let y = try requireNumber(bound["y"] ?? .none, "pow() can only be used on numbers").double
        let result = Foundation.pow(x, y)
        guard !result.isNaN || x.isNaN || y.isNaN else { throw .value("math domain error") }
        return .float(result)
    }

    /// Ansible's `root(base=2)`: `math.sqrt`, or `x ** (1 / base)`.
    static func root(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("root", ["base"]).bind(arguments)
        let x = try requireNumber(value, "root() can only be used on numbers").double
        let base = try requireNumber(bound["base"] ?? .int(2), "root() can only be used on numbers").double
        if base == 2 {
            guard x >= 0 else { throw .value("root() can only be used on numbers") }
            return .float(x.squareRoot())
        }
        let result = Foundation.pow(x, 1.0 / base)
        guard !result.isNaN else { throw .value("root() can only be used on numbers") }
        return .float(result)
    }

    /// Jinja2's `filesizeformat(binary=False)`: `13.0 kB`, `4.1 MiB`, `1 Byte`, `12 Bytes`.
    static func filesizeformat(_ value: Value, _ arguments: Arguments, _ site: CallSite) throws(TemplateError) -> Value {
        let bound = try Signature("filesizeformat", ["binary"]).bind(arguments)
        let binary = try bound.bool("binary", default: false)
        let bytes: Double
        switch value {
        case .string(let text):
            guard let parsed = PythonNumber.parseFloat(text) else { throw .value("could not convert string to float: \(value.pythonRepr())") }
            bytes = parsed
        default: bytes = try requireNumber(value, "float() argument must be a string or a real number, not '\(value.typeName)'").double
        }
        let base = binary ? 1024.0 : 1000.0
        let prefixes = binary ? ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"] : ["kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]
        if bytes == 1 { return .string("1 Byte") }
        if bytes < base { return .string("\(Int(exactly: bytes.rounded(.towardZero)) ?? 0) Bytes") }
        var unit = base
        for prefix in prefixes {
            unit *= base
            if bytes < unit { return .string(String(format: "%.1f", base * bytes / unit) + " " + prefix) }
        }
        return .string(String(format: "%.1f", base * bytes / unit) + " " + (prefixes.last ?? ""))
    }
}
