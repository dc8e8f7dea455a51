import Diagnostics
import Engine
import Template
import Testing

/// An in-memory repository.
struct MemoryRepository: EngineFileSystem {
    var files: [String: String]

    func readFile(_ path: String) -> String? { files[path] }

    func isDirectory(_ path: String) -> Bool {
        files.keys.contains { $0.hasPrefix(path + "/") }
    }

    func listDirectory(_ path: String) -> [String]? {
        let names = files.keys.filter { $0.hasPrefix(path + "/") }.map { String($0.dropFirst(path.count + 1).prefix { $0 != "/" }) }
        return names.isEmpty ? nil : Array(Set(names))
    }
}

/// A playbook with a 1️⃣ marker where the first diagnostic must point (or, for a near miss, no
/// marker and no code).
struct BrokenCase: Sendable, CustomStringConvertible {
    var name: String
    var playbook: String
    var extraFiles: [String: String] = [:]
    var code: String = ""
    var description: String { name }

    /// Every file of the case with the marker removed, by path; the playbook is `play.yaml`.
    var files: [String: String] {
        var files = ["play.yaml": BrokenInputTests.unmark(playbook).0]
        for (path, text) in extraFiles { files[path] = BrokenInputTests.unmark(text).0 }
        return files
    }

    /// The file and position of the 1️⃣ marker.
    var marker: (path: String, position: SourcePosition)? {
        for (path, text) in [("play.yaml", playbook)] + extraFiles.map({ ($0.key, $0.value) }) {
            if let position = BrokenInputTests.unmark(text).1 { return (path, position) }
        }
        return nil
    }
}

@Suite("Broken input is reported with its exact place and nothing runs")
struct BrokenInputTests {
    static let head = "- hosts: localhost\n  tasks:\n"

    static let cases: [BrokenCase] = yamlCases + moduleCases + playCases + taskCases + fileCases + roleCases + shapeCases

    /// Syntax the YAML parser rejects before rig looks at the meaning.
    static let yamlCases: [BrokenCase] = [
        BrokenCase(name: "YAML syntax", playbook: "- hosts: localhost\n  name: a1️⃣: b\n", code: "yaml.syntax"),
        BrokenCase(
            name: "list item indented less than its siblings",
            playbook: head + "    - debug: msg=a\n   1️⃣- debug: msg=b\n", code: "yaml.syntax"),
        BrokenCase(
            name: "key indented more than its siblings",
            playbook: head + "    - name: a\n      debug: msg=a\n       when1️⃣: x\n", code: "yaml.syntax"),
        BrokenCase(name: "tab indentation", playbook: "- hosts: localhost\n1️⃣\ttasks: []\n", code: "yaml.syntax"),
        BrokenCase(
            name: "unclosed double quote",
            playbook: head + "    - debug:\n        msg: 1️⃣\"hello\n    - debug: msg=b\n", code: "yaml.syntax"),
        BrokenCase(
            name: "unclosed single quote", playbook: head + "    - debug:\n        msg: 1️⃣'it is\n    - debug: msg=b\n",
            code: "yaml.syntax"),
        BrokenCase(name: "duplicate key", playbook: head + "    - debug: msg=a\n      name: a\n      1️⃣name: b\n", code: "yaml.duplicate-key"),
        BrokenCase(
            name: "duplicate play key", playbook: "- hosts: localhost\n  tasks: []\n  1️⃣tasks: []\n", code: "yaml.duplicate-key"),
        BrokenCase(
            name: "syntax error in an imported task file", playbook: head + "    - import_tasks: a.yaml\n",
            extraFiles: ["a.yaml": "- debug:\n1️⃣\t  msg: hi\n"], code: "yaml.syntax"),
    ]

    /// Modules and their options, checked against the module specs.
    static let moduleCases: [BrokenCase] = [
        BrokenCase(name: "unknown module", playbook: head + "    - name: x\n      1️⃣debgu: msg=hi\n", code: "load.unknown-module"),
        BrokenCase(
            name: "unknown module with a misspelt collection",
            playbook: head + "    - 1️⃣ansible.buitin.debug: msg=hi\n", code: "load.unknown-module"),
        BrokenCase(name: "unknown option", playbook: head + "    - debug:\n        1️⃣mesage: hi\n", code: "module.unknown-option"),
        BrokenCase(
            name: "unknown option under args",
            playbook: head + "    - command: ls\n      args:\n        1️⃣chdirr: /tmp\n", code: "module.unknown-option"),
        BrokenCase(
            name: "wrong type: boolean",
            playbook: head + "    - kubernetes.core.k8s:\n        wait: 1️⃣maybe\n        kind: Namespace\n        name: x\n", code: "module.type"),
        BrokenCase(
            name: "wrong type: integer", playbook: head + "    - debug:\n        msg: a\n        verbosity: 1️⃣high\n", code: "module.type"),
        BrokenCase(
            name: "wrong type: list",
            playbook: head + "    - k8s:\n        kind: Pod\n        label_selectors: 1️⃣{app: web}\n", code: "module.type"),
        BrokenCase(
            name: "wrong type: mapping",
            playbook: head + "    - k8s:\n        kind: Pod\n        wait_condition: 1️⃣Ready\n", code: "module.type"),
        BrokenCase(
            name: "options written as a list", playbook: head + "    - debug:\n        1️⃣- msg: hi\n", code: "module.arguments"),
        BrokenCase(
            name: "bad choice", playbook: head + "    - k8s:\n        state: 1️⃣presnt\n        kind: Namespace\n        name: x\n",
            code: "module.choice"),
        BrokenCase(
            name: "bad choice that YAML reads as a boolean",
            playbook: head + "    - k8s:\n        state: 1️⃣yes\n        kind: Namespace\n        name: x\n", code: "module.choice"),
        BrokenCase(
            name: "missing required option", playbook: head + "    - 1️⃣kubernetes.core.helm:\n        chart_ref: nats/nats\n",
            code: "module.missing-option"),
        BrokenCase(
            name: "template without dest", playbook: head + "    - 1️⃣template:\n        src: a.j2\n", code: "module.missing-option"),
        BrokenCase(
            name: "exclusive options", playbook: head + "    - debug:\n        msg: a\n        1️⃣var: b\n", code: "module.exclusive-options"),
        BrokenCase(
            name: "exclusive k8s sources",
            playbook: head + "    - k8s:\n        definition: {kind: Pod}\n        1️⃣src: pod.yaml\n", code: "module.exclusive-options"),
        BrokenCase(
            name: "an option and its alias",
            playbook: head + "    - k8s:\n        definition: {kind: Pod}\n        1️⃣resource_definition: {kind: Pod}\n",
            code: "module.duplicate-option"),
        BrokenCase(
            name: "two modules in one task", playbook: head + "    - debug: msg=a\n      1️⃣set_fact: {a: 1}\n",
            code: "load.conflicting-actions"),
    ]

    /// Play keywords and hosts.
    static let playCases: [BrokenCase] = [
        BrokenCase(name: "hosts other than localhost", playbook: "- hosts: 1️⃣webservers\n  tasks: []\n", code: "load.hosts"),
        BrokenCase(name: "hosts as a flow list", playbook: "- hosts: [localhost, 1️⃣web1]\n  tasks: []\n", code: "load.hosts"),
        BrokenCase(
            name: "hosts as a block list", playbook: "- hosts:\n    - localhost\n    - 1️⃣db1\n  tasks: []\n", code: "load.hosts"),
        BrokenCase(name: "play without hosts", playbook: "- 1️⃣name: setup\n  tasks: []\n", code: "load.hosts"),
        BrokenCase(name: "unknown play keyword", playbook: "- hosts: localhost\n  1️⃣taks: []\n", code: "load.unknown-key"),
        BrokenCase(name: "play vars as a list", playbook: "- hosts: localhost\n  vars:\n    1️⃣- a: 1\n", code: "load.type"),
        BrokenCase(
            name: "vars_files entry that is not a name", playbook: "- hosts: localhost\n  vars_files:\n    - 1️⃣{a: 1}\n",
            code: "load.type"),
        BrokenCase(name: "roles not a list", playbook: "- hosts: localhost\n  roles: 1️⃣{web: {}}\n", code: "load.type"),
    ]

    /// Task lists, tasks, blocks and their keywords.
    static let taskCases: [BrokenCase] = [
        BrokenCase(name: "task without a module", playbook: head + "    - 1️⃣name: nothing to do\n", code: "load.no-action"),
        BrokenCase(name: "unknown task keyword", playbook: head + "    - debug: msg=a\n      1️⃣whne: x\n", code: "load.unknown-key"),
        BrokenCase(name: "task that is a string", playbook: head + "    - 1️⃣debug msg=hi\n", code: "load.task-shape"),
        BrokenCase(name: "tasks not a list", playbook: "- hosts: localhost\n  tasks: 1️⃣hello\n", code: "load.type"),
        BrokenCase(name: "tasks as a mapping", playbook: "- hosts: localhost\n  tasks:\n    1️⃣debug: msg=a\n", code: "load.type"),
        BrokenCase(name: "handlers not a list", playbook: "- hosts: localhost\n  handlers: 1️⃣restart\n", code: "load.type"),
        BrokenCase(name: "task vars not a mapping", playbook: head + "    - debug: msg=a\n      vars: 1️⃣x=1\n", code: "load.type"),
        BrokenCase(
            name: "unsupported keyword", playbook: head + "    - debug: msg=a\n      1️⃣delegate_to: other\n", code: "load.unsupported"),
        BrokenCase(
            name: "async is not supported", playbook: head + "    - command: sleep 9\n      1️⃣async: 10\n      poll: 0\n",
            code: "load.unsupported"),
        BrokenCase(
            name: "block with unknown key", playbook: head + "    - block:\n        - debug: msg=a\n      1️⃣rescu: []\n",
            code: "load.unknown-key"),
        BrokenCase(name: "block that is not a list", playbook: head + "    - block: 1️⃣debug\n", code: "load.type"),
        BrokenCase(
            name: "templated include name", playbook: head + "    - include_tasks: 1️⃣\"{{ step }}.yaml\"\n",
            code: "load.dynamic-include"),
        BrokenCase(name: "import_tasks given a list", playbook: head + "    - import_tasks: 1️⃣[a.yaml]\n", code: "load.type"),
    ]

    /// Files named by the playbook: vars files, task files, other playbooks.
    static let fileCases: [BrokenCase] = [
        BrokenCase(
            name: "missing vars file", playbook: "- hosts: localhost\n  vars_files:\n    - 1️⃣nope.yaml\n  tasks: []\n",
            code: "load.missing-file"),
        BrokenCase(name: "missing task file", playbook: head + "    - import_tasks: 1️⃣other.yaml\n", code: "load.missing-file"),
        BrokenCase(
            name: "include cycle", playbook: head + "    - import_tasks: a.yaml\n",
            extraFiles: ["a.yaml": "- import_tasks: 1️⃣a.yaml\n"], code: "load.cycle"),
        BrokenCase(
            name: "indirect include cycle", playbook: head + "    - import_tasks: a.yaml\n",
            extraFiles: ["a.yaml": "- debug: msg=a\n- import_tasks: b.yaml\n", "b.yaml": "- import_tasks: 1️⃣a.yaml\n"],
            code: "load.cycle"),
        BrokenCase(
            name: "missing imported playbook", playbook: "- import_playbook: 1️⃣nope.yaml\n", code: "load.missing-file"),
        BrokenCase(name: "playbook imports itself", playbook: "- import_playbook: 1️⃣play.yaml\n", code: "load.cycle"),
        BrokenCase(
            name: "playbooks import each other", playbook: "- import_playbook: other.yaml\n",
            extraFiles: ["other.yaml": "- hosts: localhost\n- import_playbook: 1️⃣play.yaml\n"], code: "load.cycle"),
        BrokenCase(
            name: "templated playbook name", playbook: "- import_playbook: 1️⃣\"{{ env }}.yaml\"\n", code: "load.dynamic-include"),
    ]

    /// Roles: finding them, their dependencies and their files.
    static let roleCases: [BrokenCase] = [
        BrokenCase(name: "missing role", playbook: "- hosts: localhost\n  roles:\n    - 1️⃣nosuchrole\n", code: "load.missing-role"),
        BrokenCase(
            name: "role task with unknown module", playbook: "- hosts: localhost\n  roles: [web]\n",
            extraFiles: ["roles/web/tasks/main.yaml": "- 1️⃣kubernetes.core.k9s: {}\n"], code: "load.unknown-module"),
        BrokenCase(
            name: "role depends on itself", playbook: "- hosts: localhost\n  roles: [web]\n",
            extraFiles: ["roles/web/tasks/main.yaml": "[]\n", "roles/web/meta/main.yaml": "dependencies:\n  - 1️⃣web\n"],
            code: "load.cycle"),
        BrokenCase(
            name: "roles depend on each other", playbook: "- hosts: localhost\n  roles: [web]\n",
            extraFiles: [
                "roles/web/meta/main.yaml": "dependencies: [db]\n", "roles/web/tasks/main.yaml": "[]\n",
                "roles/db/meta/main.yaml": "dependencies:\n  - role: 1️⃣web\n", "roles/db/tasks/main.yaml": "[]\n",
            ],
            code: "load.cycle"),
        BrokenCase(
            name: "missing role dependency", playbook: "- hosts: localhost\n  roles: [web]\n",
            extraFiles: ["roles/web/meta/main.yaml": "dependencies:\n  - 1️⃣nginx\n", "roles/web/tasks/main.yaml": "[]\n"],
            code: "load.missing-role"),
        BrokenCase(
            name: "missing tasks_from file",
            playbook: head + "    - import_role:\n        name: web\n        tasks_from: 1️⃣install\n",
            extraFiles: ["roles/web/tasks/main.yaml": "[]\n"], code: "load.missing-file"),
        BrokenCase(
            name: "delegate_to on a role", playbook: "- hosts: localhost\n  roles:\n    - role: web\n      1️⃣delegate_to: db1\n",
            extraFiles: ["roles/web/tasks/main.yaml": "[]\n"], code: "load.unsupported"),
        BrokenCase(
            name: "role entry without a name", playbook: "- hosts: localhost\n  roles:\n    - 1️⃣tags: web\n", code: "load.role"),
        BrokenCase(
            name: "import_role without a name", playbook: head + "    - import_role:\n        1️⃣tasks_from: install\n",
            code: "load.role"),
        BrokenCase(
            name: "templated role name", playbook: "- hosts: localhost\n  roles:\n    - 1️⃣\"{{ stack }}\"\n",
            code: "load.dynamic-include"),
        BrokenCase(
            name: "role vars not a mapping", playbook: "- hosts: localhost\n  roles: [web]\n",
            extraFiles: ["roles/web/vars/main.yaml": "1️⃣- port\n", "roles/web/tasks/main.yaml": "[]\n"], code: "load.type"),
        BrokenCase(
            name: "role tasks not a list", playbook: "- hosts: localhost\n  roles: [web]\n",
            extraFiles: ["roles/web/tasks/main.yaml": "1️⃣debug: msg=a\n"], code: "load.type"),
    ]

    /// The overall shape of the playbook file.
    static let shapeCases: [BrokenCase] = [
        BrokenCase(name: "empty playbook", playbook: "1️⃣", code: "load.empty"),
        BrokenCase(name: "playbook with only comments", playbook: "1️⃣# to do\n", code: "load.empty"),
        BrokenCase(name: "playbook with only a document marker", playbook: "1️⃣---\n", code: "load.empty"),
        BrokenCase(name: "not a list of plays", playbook: "1️⃣hosts: localhost\n", code: "load.playbook-shape"),
        BrokenCase(name: "a play that is not a mapping", playbook: "- 1️⃣just a string\n", code: "load.play-shape"),
    ]

    /// Inputs close to the broken ones that are correct: the checks must not flag them.
    static let nearMisses: [BrokenCase] = [
        BrokenCase(name: "local hosts as a list", playbook: "- hosts: [localhost, 127.0.0.1]\n  tasks:\n"),
        BrokenCase(
            name: "booleans and choices as Ansible accepts them",
            playbook: head + "    - k8s:\n        state: \"present\"\n        wait: 1\n        validate_certs: no\n"
                + "        apply: t\n        wait_timeout: \"30\"\n        kind: Namespace\n        name: x\n"),
        BrokenCase(
            name: "templated values of typed options",
            playbook: head + "    - k8s:\n        wait: \"{{ wait }}\"\n        state: \"{{ state }}\"\n        definition: \"{{ d }}\"\n"),
        BrokenCase(
            name: "free-form command with args",
            playbook: head + "    - command: ls -l\n      args:\n        chdir: /tmp\n    - shell: echo hi\n"),
        BrokenCase(
            name: "blocks, keywords and set_fact",
            playbook: head + "    - block:\n        - set_fact: {anything: 1, goes: [2]}\n      rescue:\n        - debug: var=x\n"
                + "      always: []\n      when: x is defined\n      tags: [a]\n"),
        BrokenCase(
            name: "the same task file and role used twice",
            playbook: "- hosts: localhost\n  roles: [web, web]\n  tasks:\n    - import_tasks: a.yaml\n    - import_tasks: a.yaml\n"
                + "    - import_role: {name: web, tasks_from: extra.yml}\n",
            extraFiles: [
                "a.yaml": "- debug: msg=a\n", "roles/web/tasks/main.yaml": "- import_tasks: extra.yml\n",
                "roles/web/tasks/extra.yml": "- debug: msg=extra\n", "roles/web/defaults/main.yaml": "port: 80\n",
                "roles/web/meta/main.yaml": "dependencies: [{role: db, tags: db}]\n",
                "roles/db/tasks/main.yaml": "- debug: msg=db\n",
            ]),
        BrokenCase(
            name: "imported playbooks and vars files",
            playbook: "- import_playbook: other.yaml\n- import_playbook: other.yaml\n- hosts: localhost\n  vars_files:\n"
                + "    - vars.yaml\n    - \"{{ env }}.yaml\"\n  vars: {a: 1}\n",
            extraFiles: ["other.yaml": "---\n- hosts: localhost\n  tasks: []\n", "vars.yaml": "b: 2\n"]),
    ]

    @Test("near misses load without a diagnostic", arguments: nearMisses)
    func acceptsNearMisses(_ valid: BrokenCase) throws {
        let context = LoadContext(fileSystem: MemoryRepository(files: valid.files))
        let playbook = PlaybookLoader(context: context).load("play.yaml")
        #expect(context.diagnostics.isEmpty, "\(context.diagnostics)")
        #expect(playbook?.plays.isEmpty == false)
    }

    @Test("reports the problem at its marker", arguments: cases)
    func reportsAtMarker(_ broken: BrokenCase) throws {
        let (path, position) = try #require(broken.marker, "the case has no 1️⃣ marker")
        let context = LoadContext(fileSystem: MemoryRepository(files: broken.files))
        _ = PlaybookLoader(context: context).load("play.yaml")
        let diagnostic = try #require(context.diagnostics.first, "no diagnostic")
        #expect(diagnostic.code == broken.code, "\(diagnostic)")
        #expect(diagnostic.span?.path == path)
        #expect(diagnostic.span?.start == position, "\(diagnostic)")
        #expect(diagnostic.summary.first?.isUppercase == false, "messages are lowercase: \(diagnostic)")
    }

    @Test("every problem is reported, not just the first")
    func collectsAll() {
        let playbook = Self.head + "    - debgu: msg=a\n    - debug:\n        mesage: b\n    - k8s:\n        state: gone\n"
        let context = LoadContext(fileSystem: MemoryRepository(files: ["play.yaml": playbook]))
        _ = PlaybookLoader(context: context).load("play.yaml")
        #expect(context.diagnostics.map(\.code) == ["load.unknown-module", "module.unknown-option", "module.choice"])
        #expect(context.diagnostics[0].hint == "did you mean 'debug'?")
    }

    @Test("problems in the playbook, its roles and its task files are reported together, in load order")
    func collectsAcrossFiles() {
        let files = [
            "play.yaml": "- hosts: localhost\n  vars_files: [nope.yaml]\n  roles: [web]\n  tasks:\n    - import_tasks: a.yaml\n"
                + "    - debug: {msg: a, var: b}\n",
            "roles/web/tasks/main.yaml": "- k8s: {wait: maybe}\n", "roles/web/meta/main.yaml": "dependencies: [web]\n",
            "a.yaml": "- debgu: msg=a\n- import_tasks: a.yaml\n",
        ]
        let context = LoadContext(fileSystem: MemoryRepository(files: files))
        _ = PlaybookLoader(context: context).load("play.yaml")
        let found = context.diagnostics.map { "\($0.code) \($0.span?.description ?? "-")" }
        #expect(
            found == [
                "load.missing-file play.yaml:2:16", "load.cycle roles/web/meta/main.yaml:1:16",
                "module.type roles/web/tasks/main.yaml:1:15", "load.unknown-module a.yaml:1:3", "load.cycle a.yaml:2:17",
                "module.exclusive-options play.yaml:6:23",
            ])
    }

    @Test("a cycle names every file or role on the way round")
    func cyclesNameTheirSteps() {
        let files = [
            "play.yaml": "- hosts: localhost\n  roles: [web]\n  tasks:\n    - import_tasks: a.yaml\n",
            "a.yaml": "- import_tasks: b.yaml\n", "b.yaml": "- import_tasks: a.yaml\n",
            "roles/web/meta/main.yaml": "dependencies: [db]\n", "roles/web/tasks/main.yaml": "[]\n",
            "roles/db/meta/main.yaml": "dependencies: [web]\n", "roles/db/tasks/main.yaml": "[]\n",
        ]
        let context = LoadContext(fileSystem: MemoryRepository(files: files))
        _ = PlaybookLoader(context: context).load("play.yaml")
        #expect(
            context.diagnostics.map(\.summary) == [
                "role 'web' depends on itself: web → db → web",
                "task files include each other: play.yaml → a.yaml → b.yaml → a.yaml",
            ])
    }

    static func unmark(_ text: String) -> (String, SourcePosition?) {
        var clean = ""
        var line = 1
        var column = 1
        var found: SourcePosition?
        for character in text {
            if character == "1️⃣" {
                found = SourcePosition(line: line, column: column)
                continue
            }
            clean.append(character)
            if character == "\n" { line += 1; column = 1 } else { column += character.unicodeScalars.count }
        }
        return (clean, found)
    }
}
