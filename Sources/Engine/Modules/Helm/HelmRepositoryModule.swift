import Helm
import Kube
import Template

/// `kubernetes.core.helm_repository`: a chart repository in helm's own configuration, compared
/// with helm's repositories file (read by the client, so an unchanged repository starts no helm);
/// added when missing; a different URL under the same name is an error unless `force_update`.
/// The password goes to helm through stdin.
struct HelmRepositoryModule: ReconcilingModule {
    let invocation: ModuleInvocation

    func collect() async throws -> ModuleResult { ModuleResult() }

    func reconcile() async throws -> ModuleResult {
        let options = invocation.options
        func text(_ names: String...) throws -> String? {
            for name in names { if let value = options[name], !value.isNone { return try value.pythonString() } }
            return nil
        }
        let name = try text("repo_name", "name") ?? ""
        let present = try (text("repo_state", "state") ?? "present") != "absent"
        let url = try text("repo_url", "url")
        let forceUpdate = (options["force_update"]?.isTruthy ?? false) || (options["force"]?.isTruthy ?? false)
        let credentials = try text("repo_username", "username").map { HelmCredentials(username: $0, password: try text("repo_password", "password") ?? "") }
        let client = try await runner.helmClient(binaryPath: try text("binary_path"))
        let object = "\(name) helm repository"
        do {
            let existing = try await client.repositories().first { $0.name == name }
            let change: ObjectChange
            if !present {
                change = ObjectChange(action: existing == nil ? .unchanged : .delete, object: object, note: existing == nil ? "already absent" : nil)
                if existing != nil, runner.options.mode == .apply { try await client.removeRepository(name) }
            } else {
                guard let url else { throw ModuleFailure(message: .string("repo_url is required when state is present"), code: "task.arguments") }
                change = try decide(existing, url: url, object: object, forceUpdate: forceUpdate)
                if change.action != .unchanged, runner.options.mode == .plan { runner.plannedHelmRepositories.insert(name) }
                if change.action != .unchanged, runner.options.mode == .apply {
                    try await client.addRepository(HelmRepository(name: name, url: url), credentials: credentials, forceUpdate: existing != nil)
                }
            }
            var result = ModuleResult(changed: change.action != .unchanged)
            result.changes = [change]
            return result
        } catch let error as HelmError {
            throw ModuleFailure(error)
        }
    }

    private func decide(_ existing: HelmRepository?, url: String, object: String, forceUpdate: Bool) throws -> ObjectChange {
        guard let existing else { return ObjectChange(action: .create, object: object, note: url) }
        if existing.url == url { return ObjectChange(action: .unchanged, object: object) }
        guard forceUpdate else {
            throw ModuleFailure(
                message: .string("helm repository \(existing.name) is already configured with URL \(existing.url), not \(url)"),
                code: "helm.repository", hint: "set force_update: true to point it at \(url), or use another name")
        }
        return ObjectChange(action: .update, object: object, fields: [KubeFieldChange(path: ["url"], before: .string(existing.url), after: .string(url))])
    }
}
