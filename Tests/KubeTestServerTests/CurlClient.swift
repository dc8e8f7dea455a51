import Foundation
import KubeTestServer
import Subprocess
import SystemPackage
import YAML

/// A small HTTPS client for the tests: `/usr/bin/curl` with the server's CA and, by default,
/// its client certificate. Only ever talks to 127.0.0.1.
struct CurlClient {
    /// How a request proves who it is.
    enum Credentials {
        case clientCertificate
        case bearer(String)
        case basic(user: String, password: String)
        case none
    }

    let server: KubeTestServer
    let directory: String

    init(_ server: KubeTestServer) throws {
        self.server = server
        directory = NSTemporaryDirectory() + "kube-test-server-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try server.certificateAuthorityPEM.write(toFile: directory + "/ca.crt", atomically: true, encoding: .utf8)
        try server.clientCertificatePEM.write(toFile: directory + "/client.crt", atomically: true, encoding: .utf8)
        try server.clientKeyPEM.write(toFile: directory + "/client.key", atomically: true, encoding: .utf8)
    }

    func get(_ path: String, accept: String = "application/json") async throws -> TestResponse {
        try await send("GET", path, accept: accept)
    }

    /// A server-side apply as kubectl sends it (JSON body, apply-patch content type).
    func apply(_ path: String, _ body: String, query: String = "fieldManager=rig") async throws -> TestResponse {
        try await send("PATCH", path + "?" + query, body: body, contentType: "application/apply-patch+yaml")
    }

    func send(
        _ method: String, _ path: String, body: String? = nil, contentType: String? = nil, accept: String = "application/json",
        credentials: Credentials = .clientCertificate, timeoutSeconds: Int = 90
    ) async throws -> TestResponse {
        try await send(method, path, bytes: body.map { Array($0.utf8) }, contentType: contentType, accept: accept, credentials: credentials,
            timeoutSeconds: timeoutSeconds)
    }

    /// Sends a body of raw bytes (protobuf, or anything broken).
    func send(
        _ method: String, _ path: String, bytes body: [UInt8]?, contentType: String? = nil, accept: String = "application/json",
        credentials: Credentials = .clientCertificate, timeoutSeconds: Int = 90
    ) async throws -> TestResponse {
        let id = UUID().uuidString
        let bodyFile = "\(directory)/\(id).out"
        let headerFile = "\(directory)/\(id).headers"
        var arguments = [
            "-sS", "--http1.1", "--max-time", String(timeoutSeconds), "-o", bodyFile, "-D", headerFile, "-w", "%{http_code}",
            "-X", method, "--cacert", "\(directory)/ca.crt", "-H", "Accept: \(accept)",
        ]
        switch credentials {
        case .clientCertificate: arguments += ["--cert", "\(directory)/client.crt", "--key", "\(directory)/client.key"]
        case .bearer(let token): arguments += ["-H", "Authorization: Bearer \(token)"]
        case .basic(let user, let password): arguments += ["-u", "\(user):\(password)"]
        case .none: break
        }
        if let contentType { arguments += ["-H", "Content-Type: \(contentType)"] }
        if let body {
            try Data(body).write(to: URL(fileURLWithPath: "\(directory)/\(id).in"))
            arguments += ["--data-binary", "@\(directory)/\(id).in"]
        }
        arguments.append(server.url + path)
        let result = try await Subprocess.run(
            .path(FilePath("/usr/bin/curl")), arguments: Arguments(arguments), output: .string(limit: 1 << 20),
            error: .string(limit: 1 << 20))
        let headers = (try? String(contentsOfFile: headerFile, encoding: .utf8)) ?? ""
        let text = (try? String(contentsOfFile: bodyFile, encoding: .utf8)) ?? ""
        var exitCode = -1
        if case .exited(let code) = result.terminationStatus { exitCode = Int(code) }
        return TestResponse(
            status: Int(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0,
            headers: TestResponse.parseHeaders(headers), body: text, curlExitCode: exitCode,
            curlError: result.standardError)
    }
}

/// What a test sees of an answer.
struct TestResponse {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    var body: String
    var curlExitCode: Int
    var curlError: String

    var contentType: String { headers["content-type"] ?? "" }

    /// The body as JSON; a test fails when it is not.
    var json: YAMLValue {
        get throws { try YAMLValue.parseJSON(Array(body.utf8)) }
    }

    static func parseHeaders(_ text: String) -> [String: String] {
        var headers: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return headers
    }
}
