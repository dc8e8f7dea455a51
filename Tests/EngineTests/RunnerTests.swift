import Engine
import Template
import Testing

/// The walk, checked through what a user sees: each task's status and what `debug` says.
@Suite("The runner walks plays as Ansible does")
struct RunnerTests {
    struct Outcome {
        var events: [TaskEvent]
        var succeeded: Bool
        var recap: Recap

        /// `task: status [message]` lines, in order.
        var lines: [String] {
            events.map { event in
                var line = "\(event.task): \(event.status.rawValue)"
                if let item = event.item { line += " (\(item))" }
                if let message = event.message, event.status != .skipped { line += " \((try? message.pythonString()) ?? message.pythonRepr())" }
                return line
            }
        }
    }

    func run(_ playbook: String, files: [String: String] = [:], extra: [String: Value] = [:], tags: TagFilter = TagFilter()) async throws -> Outcome {
        var all = files
        all["play.yaml"] = playbook
        let context = LoadContext(fileSystem: MemoryRepository(files: all))
        let loaded = try #require(PlaybookLoader(context: context).load("play.yaml"))
        #expect(context.diagnostics.isEmpty, "\(context.diagnostics)")
        var events: [TaskEvent] = []
        var recap = Recap()
        let runner = Runner(playbook: loaded, options: RunOptions(mode: .render, tags: tags, extraVariables: extra), context: context) { event in
            if case .task(let task) = event { events.append(task) }
            if case .recap(let final) = event { recap = final }
        }
        let succeeded = await runner.run()
        return Outcome(events: events, succeeded: succeeded, recap: recap)
    }

    @Test("variable precedence: role defaults < play vars < vars files < task vars < set_fact < extra vars")
    func precedence() async throws {
        let playbook = """
            - hosts: localhost
              vars: {a: play, b: play, c: play, d: play}
              vars_files: [vars.yaml]
              tasks:
                - debug: {msg: "{{ a }} {{ b }} {{ c }} {{ d }}"}
                  vars: {c: task}
                - set_fact: {b: fact, d: fact}
                - debug: {msg: "{{ a }} {{ b }} {{ d }}"}
            """
        let outcome = try await run(playbook, files: ["vars.yaml": "a: file\nb: file\n"], extra: ["d": .string("extra")])
        #expect(outcome.lines == ["debug: ok file file task extra", "set_fact: ok", "debug: ok file fact extra"])
    }

    @Test("when skips, loops give one line per item, register shapes loop results")
    func whenLoopRegister() async throws {
        let playbook = """
            - hosts: localhost
              tasks:
                - name: items
                  debug: {msg: "n={{ item }}"}
                  loop: [1, 2, 3]
                  when: item != 2
                  register: out
                - debug: {msg: "{{ out.results | length }} {{ out.msg }}"}
                - name: never
                  debug: {msg: no}
                  when: false
            """
        let outcome = try await run(playbook)
        #expect(outcome.lines.first == "items: ok (1) n=1")
        #expect(outcome.lines.contains("debug: ok 3 All items completed"))
        #expect(outcome.lines.last == "never: skipped")
    }

    @Test("a condition that is not a boolean is an error that names it")
    func nonBooleanCondition() async throws {
        let outcome = try await run("- hosts: localhost\n  tasks:\n    - debug: {msg: hi}\n      when: \"'yes'\"\n")
        #expect(!outcome.succeeded)
        #expect(outcome.events.first?.diagnostic?.summary.contains("not a boolean") == true)
    }

    @Test("rescue runs after a failure and the run goes on; always runs either way")
    func blockRescueAlways() async throws {
        let playbook = """
            - hosts: localhost
              tasks:
                - block:
                    - fail: {msg: broke}
                    - debug: {msg: unreachable}
                  rescue:
                    - debug: {msg: rescued}
                  always:
                    - debug: {msg: always}
                - debug: {msg: after}
            """
        let outcome = try await run(playbook)
        #expect(outcome.lines == ["fail: failed broke", "debug: ok rescued", "debug: ok always", "debug: ok after"])
        #expect(outcome.succeeded)
        #expect(outcome.recap.rescued == 1)
        #expect(outcome.recap.failed == 0)
    }

    @Test("ignore_errors goes on; a failure stops the play")
    func failures() async throws {
        let playbook = """
            - hosts: localhost
              tasks:
                - fail: {msg: first}
                  ignore_errors: true
                - assert: {that: ["1 == 2"], fail_msg: "math"}
                - debug: {msg: never}
            """
        let outcome = try await run(playbook)
        #expect(outcome.lines == ["fail: ignored first", "assert: failed math"])
        #expect(!outcome.succeeded)
        #expect(outcome.recap.ignored == 1 && outcome.recap.failed == 1)
    }

    @Test("tags: --tags picks tagged tasks, always always runs, never only when asked")
    func tags() async throws {
        let playbook = """
            - hosts: localhost
              tasks:
                - {name: a, debug: {msg: a}, tags: [web]}
                - {name: b, debug: {msg: b}, tags: [db]}
                - {name: c, debug: {msg: c}, tags: [always]}
                - {name: d, debug: {msg: d}, tags: [never, debug]}
            """
        #expect(try await run(playbook, tags: TagFilter(only: ["web"])).lines == ["a: ok a", "c: ok c"])
        #expect(try await run(playbook).lines == ["a: ok a", "b: ok b", "c: ok c"])
        #expect(try await run(playbook, tags: TagFilter(only: ["debug"])).lines == ["c: ok c", "d: ok d"])
        #expect(try await run(playbook, tags: TagFilter(skip: ["db", "always"])).lines == ["a: ok a"])
    }

    @Test("roles: defaults, dependencies first, role : name, and role tags")
    func roles() async throws {
        let files = [
            "roles/base/tasks/main.yaml": "- name: base task\n  debug: {msg: base}\n",
            "roles/app/meta/main.yaml": "dependencies: [base]\n",
            "roles/app/defaults/main.yaml": "greeting: hello\n",
            "roles/app/tasks/main.yaml": "- name: greet\n  debug: {msg: \"{{ greeting }} {{ who }}\"}\n",
        ]
        let playbook = "- hosts: localhost\n  roles:\n    - {role: app, who: world, tags: app}\n"
        #expect(try await run(playbook, files: files).lines == ["base : base task: ok base", "app : greet: ok hello world"])
    }

    @Test("handlers run at the end of the section, once, when notified by a change")
    func handlers() async throws {
        let playbook = """
            - hosts: localhost
              tasks:
                - name: change
                  debug: {msg: x}
                  changed_when: true
                  notify: restart
                - name: change again
                  debug: {msg: y}
                  changed_when: true
                  notify: restart
                - name: no change
                  debug: {msg: z}
                  notify: other
              handlers:
                - name: restart
                  debug: {msg: restarted}
                - name: other
                  debug: {msg: never}
            """
        let outcome = try await run(playbook)
        #expect(outcome.lines == ["change: changed x", "change again: changed y", "no change: ok z", "restart: ok restarted"])
        #expect(outcome.events.last?.isHandler == true)
    }

    @Test("import_tasks inherits tags and conditions")
    func imports() async throws {
        let files = ["more.yaml": "- name: imported\n  debug: {msg: in}\n"]
        let playbook = "- hosts: localhost\n  tasks:\n    - import_tasks: more.yaml\n      tags: [extra]\n      when: flag\n"
        #expect(try await run(playbook, files: files, extra: ["flag": .bool(true)], tags: TagFilter(only: ["extra"])).lines == ["imported: ok in"])
        #expect(try await run(playbook, files: files, extra: ["flag": .bool(false)]).lines == ["imported: skipped"])
    }

    @Test("no_log hides messages, loop labels and errors")
    func noLog() async throws {
        let playbook = """
            - hosts: localhost
              vars: {password: hunter2}
              tasks:
                - debug: {msg: "the password is {{ password }}"}
                  no_log: true
                - debug: {msg: "{{ item }}"}
                  loop: ["{{ password }}"]
                  no_log: true
                - fail: {msg: "bad {{ password }}"}
                  no_log: true
            """
        let outcome = try await run(playbook)
        let shown = outcome.events.map { "\($0.message.map { (try? $0.pythonString()) ?? "" } ?? "") \($0.item ?? "") \($0.diagnostic?.summary ?? "")" }
        #expect(!shown.joined().contains("hunter2"))
        #expect(outcome.events.count == 4)
    }

    @Test("import_role brings the role's defaults and templates folder with its tasks")
    func importRole() async throws {
        let files = [
            "roles/web/defaults/main.yaml": "port: 8080\n",
            "roles/web/tasks/main.yaml": "- name: serve\n  debug: {msg: \"port {{ port }}\"}\n",
        ]
        let playbook = "- hosts: localhost\n  tasks:\n    - import_role: {name: web}\n    - debug: {msg: \"{{ port | default('gone') }}\"}\n"
        #expect(try await run(playbook, files: files).lines == ["web : serve: ok port 8080", "debug: ok gone"])
    }

    @Test("a rendered document names its task as the task line does, templated")
    func documentTaskName() async throws {
        let playbook = "- hosts: localhost\n  vars: {ns: team}\n  tasks:\n    - name: \"namespace {{ ns }}\"\n      k8s: {kind: Namespace, name: \"{{ ns }}\"}\n"
        let context = LoadContext(fileSystem: MemoryRepository(files: ["play.yaml": playbook]))
        let loaded = try #require(PlaybookLoader(context: context).load("play.yaml"))
        var titles: [String] = []
        _ = await Runner(playbook: loaded, options: RunOptions(mode: .render), context: context) { event in
            if case .rendered(let document) = event { titles.append(document.task) }
        }.run()
        #expect(titles == ["namespace team"])
    }
}
