import Engine

/// The in-memory repository each fuzz input is loaded from: the input as `play.yaml`, beside a
/// small fixed role, task file and vars file it can name, so imports, roles, dependencies and
/// cycles (`import_tasks: play.yaml`) are reachable from the input alone.
struct FuzzRepository: EngineFileSystem {
    static let playbook = "play.yaml"

    static let fixedFiles: [String: String] = [
        "tasks.yaml": "- debug: msg={{ port }}\n- import_role: {name: web, tasks_from: extra}\n",
        "vars.yaml": "port: 80\nnames: [a, b]\n",
        "roles/web/tasks/main.yaml": "- name: web\n  debug:\n    msg: '{{ port }}'\n  tags: [web]\n",
        "roles/web/tasks/extra.yml": "- command: echo extra\n  args: {chdir: /tmp}\n",
        "roles/web/defaults/main.yaml": "port: 8080\n",
        "roles/web/meta/main.yaml": "dependencies:\n  - role: db\n    tags: db\n",
        "roles/db/tasks/main.yaml": "- k8s: {kind: Namespace, name: db, state: present}\n",
    ]

    let files: [String: String]

    init(playbook text: String) {
        var files = Self.fixedFiles
        files[Self.playbook] = text
        self.files = files
    }

    func readFile(_ path: String) -> String? { files[path] }

    func isDirectory(_ path: String) -> Bool {
        files.keys.contains { $0.hasPrefix(path + "/") }
    }

    func listDirectory(_ path: String) -> [String]? {
        let names = files.keys.filter { $0.hasPrefix(path + "/") }.map { String($0.dropFirst(path.count + 1).prefix { $0 != "/" }) }
        return names.isEmpty ? nil : Array(Set(names)).sorted()
    }
}
