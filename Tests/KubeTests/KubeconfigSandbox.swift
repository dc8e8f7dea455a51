import Foundation
import Kube

/// A temporary home directory holding copies of the kubeconfig fixtures, with `@HOME@` and
/// `@DIR@` replaced by real paths, and the files minikube keeps under `~/.minikube`.
struct KubeconfigSandbox: ~Copyable {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/kubeconfig").path

    let home: String
    let kube: String

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("rig-kubeconfig-\(UUID().uuidString)").path
        kube = home + "/kube"
        let manager = FileManager.default
        try manager.createDirectory(atPath: kube + "/bin", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: home + "/.minikube/profiles/minikube", withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: Self.fixtures) where name.hasSuffix(".yaml") {
            let text = try String(contentsOfFile: Self.fixtures + "/" + name, encoding: .utf8)
            try write(text.replacingOccurrences(of: "@HOME@", with: home).replacingOccurrences(of: "@DIR@", with: kube), to: kube + "/" + name)
        }
        try manager.copyItem(atPath: Self.fixtures + "/bin/credential-plugin.sh", toPath: kube + "/bin/credential-plugin.sh")
        try manager.copyItem(atPath: Self.fixtures + "/pki/ca.crt", toPath: home + "/.minikube/ca.crt")
        try manager.copyItem(atPath: Self.fixtures + "/pki/client.crt", toPath: home + "/.minikube/profiles/minikube/client.crt")
        try manager.copyItem(atPath: Self.fixtures + "/pki/client.key", toPath: home + "/.minikube/profiles/minikube/client.key")
    }

    deinit {
        try? FileManager.default.removeItem(atPath: home)
    }

    /// The path of a fixture copy.
    func path(_ name: String) -> String { kube + "/" + name }

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// A loader that sees only this sandbox: `HOME` is the sandbox, no `KUBECONFIG` unless given.
    func loader(_ environment: [String: String] = [:], serviceAccount: String? = nil) -> KubeConfigLoader {
        KubeConfigLoader(
            environment: environment, homeDirectory: home, serviceAccountDirectory: serviceAccount ?? home + "/no-service-account")
    }

    /// The PEM bytes of a fixture under `pki/`.
    static func pem(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixtures + "/pki/" + name)))
    }
}
