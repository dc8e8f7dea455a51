import Diagnostics
import OrderedCollections
import Synchronization

/// A template value with Python's data model, because Ansible's output is Python's.
///
/// Printing (`pythonString`, `pythonRepr`), truthiness, equality and ordering follow Python 3:
/// `True == 1 == 1.0`, `[1] != (1,)`, strings count Unicode scalars.
package enum Value: Sendable {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case list([Value])
    /// A Python tuple: what `zip`, `dict.items()` and `(a, b)` literals make; prints with `()`.
    case tuple([Value])
    case dict(OrderedDictionary<Value, Value>)
    /// A name, attribute or key that does not exist; an error as soon as it is used.
    case undefined(Undefined)
    /// A macro, a bound method, or a global function such as `range` or `lookup`.
    case callable(Callable)
    /// The mutable object `namespace()` returns; the one value with reference semantics.
    case namespace(Namespace)

    /// Convenience for building dicts keyed by strings.
    package static func dict(_ pairs: KeyValuePairs<String, Value>) -> Value {
        var dict = OrderedDictionary<Value, Value>()
        for (key, value) in pairs { dict[.string(key)] = value }
        return .dict(dict)
    }

    /// Ansible's `omit`: a sentinel that makes a module option disappear. Like Ansible 2.19's, it
    /// is not a string; it is recognised by identity.
    package static let omit = Value.callable(omitSentinel)
    private static let omitSentinel = Callable(name: "omit", kind: .builtin) { _, _ throws(TemplateError) in
        throw .type("'omit' is not callable")
    }

    package var isOmit: Bool {
        if case .callable(let callable) = self { return callable === Value.omitSentinel }
        return false
    }

    package var isUndefined: Bool {
        if case .undefined = self { return true }
        return false
    }

    package var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// The elements of a list or tuple.
    package var sequenceItems: [Value]? {
        switch self {
        case .list(let items), .tuple(let items): items
        default: nil
        }
    }

    package var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }
}

/// What an undefined value knows about itself, for the error it becomes when used.
///
/// A class so that `Value` stays small: undefined values are rare, but every value pays for the
/// largest case's size.
package final class Undefined: Sendable, Hashable {
    /// The message Jinja2 would give: `'foo' is undefined`, `'dict object' has no attribute 'x'`.
    package let message: String
    /// Where the undefined name or attribute was written.
    package let span: SourceSpan?
    /// A message given by `mandatory(msg)` or similar; replaces the default message.
    package let hint: String?
    /// Jinja2's plain `Undefined`, which prints as an empty string and is false, rather than
    /// failing: what `x if False` without an `else` gives.
    package let isLenient: Bool

    package init(message: String, span: SourceSpan?, hint: String? = nil, isLenient: Bool = false) {
        self.message = message
        self.span = span
        self.hint = hint
        self.isLenient = isLenient
    }

    package static func == (lhs: Undefined, rhs: Undefined) -> Bool {
        lhs.message == rhs.message && lhs.span == rhs.span && lhs.hint == rhs.hint && lhs.isLenient == rhs.isLenient
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(message)
        hasher.combine(span)
    }
}

/// A function value. Identity is by object, as in Python.
package final class Callable: Sendable {
    package typealias Body = @Sendable (Arguments, CallSite) throws(TemplateError) -> Value

    /// The name shown in errors and in `repr` (`<macro 'name'>`).
    package let name: String
    package let kind: Kind
    package let body: Body

    package enum Kind: Sendable, Hashable {
        case macro, builtin, method
    }

    package init(name: String, kind: Kind, body: @escaping Body) {
        self.name = name
        self.kind = kind
        self.body = body
    }
}

/// The object `namespace()` returns: attributes can be assigned from inside loops.
package final class Namespace: Sendable {
    private let storage: Mutex<OrderedDictionary<String, Value>>

    package init(_ initial: OrderedDictionary<String, Value> = [:]) {
        storage = Mutex(initial)
    }

    package subscript(name: String) -> Value? {
        get { storage.withLock { $0[name] } }
        set { storage.withLock { $0[name] = newValue } }
    }

    package var attributes: OrderedDictionary<String, Value> {
        storage.withLock { $0 }
    }
}

/// Arguments of a call, with Python's split into positional and keyword arguments.
package struct Arguments: Sendable {
    package var positional: [Value]
    package var keyword: OrderedDictionary<String, Value>

    package init(_ positional: [Value] = [], keyword: OrderedDictionary<String, Value> = [:]) {
        self.positional = positional
        self.keyword = keyword
    }

    package var isEmpty: Bool { positional.isEmpty && keyword.isEmpty }
}
