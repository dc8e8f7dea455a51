import Foundation
import JetStream
import Template
import YAML

/// A `nats_stream` or `nats_consumer` call with its options read: how to reach the server,
/// what to do, and the spec (NACK fields) apart from the connection options.
struct NatsRequest {
    enum State: String {
        case present, absent
    }

    var connection: NATSConnectionOptions
    var state: State
    /// Delete and re-create when a field cannot change in place (messages are lost).
    var recreate: Bool
    /// `rig destroy` deletes it too (by default `destroy` leaves streams and consumers alone).
    var deleteOnDestroy: Bool
    /// The NACK spec fields, in written order.
    var spec: YAMLValue

    /// Options that are about the connection or rig's behaviour, not the stream.
    static let connectionOptions: Set<String> = [
        "servers", "creds", "nkey", "user", "password", "token", "tls", "state", "recreate", "delete_on_destroy",
        "request_timeout",
    ]

    init(_ arguments: Value) throws {
        let options = arguments.stringKeyed
        func text(_ name: String) throws -> String? {
            guard let value = options[name], !value.isNone else { return nil }
            return try value.pythonString()
        }
        guard let state = State(rawValue: try text("state") ?? "present") else {
            throw ModuleFailure(message: .string("state must be present or absent"), code: "task.arguments")
        }
        self.state = state
        recreate = options["recreate"]?.isTruthy ?? false
        deleteOnDestroy = options["delete_on_destroy"]?.isTruthy ?? false
        connection = NATSConnectionOptions(
            servers: try Self.servers(options["servers"]), authentication: try Self.authentication(text),
            tls: try Self.tls(options["tls"]))
        if let seconds = try text("request_timeout").flatMap(Double.init) {
            connection.requestTimeout = .milliseconds(Int(seconds * 1000))
        }
        var spec = YAMLValue.mapping([])
        if case .dict(let all) = arguments {
            for (key, value) in all {
                guard case .string(let name) = key, !Self.connectionOptions.contains(name), !value.isNone else { continue }
                do throws(TemplateError) {
                    spec.put(name, try value.yamlValue())
                } catch {
                    throw ModuleFailure(message: .string("\(name) holds something that is not data: \(error.diagnostic.summary)"))
                }
            }
        }
        self.spec = spec
    }

    /// `servers`: a list, or one string with commas; `nats://127.0.0.1:4222` when not given.
    static func servers(_ value: Value?) throws -> [String] {
        switch value {
        case nil, .none?: return ["nats://127.0.0.1:4222"]
        case .list(let items)?: return try items.map { try $0.pythonString() }
        case let value?:
            return try value.pythonString().split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        }
    }

    static func authentication(_ text: (String) throws -> String?) throws -> NATSConnectionOptions.Authentication {
        let given = try ["creds", "nkey", "token", "user"].filter { try text($0) != nil }
        guard given.count <= 1 else {
            throw ModuleFailure(
                message: .string("give one way to authenticate, not \(given.joined(separator: " and "))"), code: "task.arguments")
        }
        if let path = try text("creds") { return .credentials(path: Paths.expandingHome(path)) }
        if let nkey = try text("nkey") { return .nkey(nkey.hasPrefix("S") ? nkey : Paths.expandingHome(nkey)) }
        if let token = try text("token") { return .token(token) }
        if let user = try text("user") { return .userPassword(user: user, password: try text("password") ?? "") }
        return .none
    }

    /// `tls: {ca_file, cert_file, key_file, verify}` (NACK's `rootCas`, `clientCert`, `clientKey` too).
    static func tls(_ value: Value?) throws -> NATSTLSOptions? {
        guard let value, !value.isNone else { return nil }
        let options = value.stringKeyed
        func text(_ names: String...) throws -> String? {
            for name in names {
                if case .list(let items)? = options[name], let first = items.first { return Paths.expandingHome(try first.pythonString()) }
                if let value = options[name], !value.isNone { return Paths.expandingHome(try value.pythonString()) }
            }
            return nil
        }
        return NATSTLSOptions(
            caFile: try text("ca_file", "ca", "rootCas"), certificateFile: try text("cert_file", "cert", "clientCert"),
            keyFile: try text("key_file", "key", "clientKey"), verification: options["verify"]?.isTruthy == false ? .none : .full)
    }
}

extension Paths {
    /// `~/x` with the home directory spelled out.
    static func expandingHome(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] else { return path }
        return home + path.dropFirst()
    }
}
