/// A credential (token, password, private key) that never shows itself in descriptions, dumps,
/// logs or error messages; only `revealed` gives the value, at the point it goes on the wire.
///
/// Equal by value, so connections built from the same kubeconfig compare equal.
package struct KubeSecret<Value: Sendable & Hashable>: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The secret itself; read it only to send it.
    package let revealed: Value

    package init(_ value: Value) {
        self.revealed = value
    }

    package var description: String { "<redacted>" }
    package var debugDescription: String { "<redacted>" }
    package var customMirror: Mirror { Mirror(self, children: [:]) }
}
