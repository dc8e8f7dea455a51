import Engine
import Helm
import Kube
import Testing
import YAML

/// `set_values` against the in-memory helm: each line becomes data with helm's own `--set*`
/// rules, merged over `values`, and reaches helm only inside the values file. The expected values
/// are what the real helm 4.1.4 and 3.17.2 printed for the same flags (`helm template` of a chart
/// whose one template is `{{ .Values | toJson }}`).
@Suite("set_values become values with helm's --set rules (in-memory helm)")
struct HelmSetValuesTests {
    static func playbook(_ entries: String, values: String = "{}") -> String {
        """
        - hosts: localhost
          vars: {replicas: 1}
          tasks:
            - name: demo
              helm:
                name: demo
                chart_ref: \(HelmPlay.chart("demo"))
                release_namespace: apps
                create_namespace: true
                values: \(values)
                set_values: \(entries)
        """
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var entries: String
        var values = "{}"
        var expected: String
    }

    static let cases: [Case] = [
        Case(
            testDescription: "--set types true/false/null in any case, 0 and int64 without a leading zero; the rest are strings",
            entries: "[{value: 'a=1,b=true,c=NULL,d=007,e=-5,f=+5,g=1.5,h=FALSE,i=0,j=,k=99999999999999999999'}]",
            expected: #"{"a":1,"b":true,"c":null,"d":"007","e":-5,"f":5,"g":"1.5","h":false,"i":0,"j":"","k":"99999999999999999999"}"#),
        Case(
            testDescription: "list items by index fill gaps with null; {x,y} is a list",
            entries: "[{value: 'a[0]=x,a[2]=y,b={1,two,}'}]",
            expected: #"{"a":["x",null,"y"],"b":[1,"two",""]}"#),
        Case(
            testDescription: "dotted keys nest mappings, in list items and lists of lists too",
            entries: "[{value: 'a.b=1,a.c.d=x,l[0].n=2,m[1][0]=z'}]",
            expected: #"{"a":{"b":1,"c":{"d":"x"}},"l":[{"n":2}],"m":[null,["z"]]}"#),
        Case(
            testDescription: "a backslash escapes . , [ and itself",
            entries: #"[{value: 'a\.b=c\,d,e=f\\g,h\[0]=i'}]"#,
            expected: #"{"a.b":"c,d","e":"f\\g","h[0]":"i"}"#),
        Case(
            testDescription: "value_type string keeps every value a string",
            entries: "[{value: 'a=1,b={1,true},c=null', value_type: string}]",
            expected: #"{"a":"1","b":["1","true"],"c":"null"}"#),
        Case(
            testDescription: "value_type json reads one JSON value per key; empty is null; blanks before a key are kept",
            entries: #"[{value: 'a= , b=[1,2], c={"x":1},d="s"', value_type: json}]"#,
            expected: #"{"a":null," b":[1,2]," c":{"x":1},"d":"s"}"#),
        Case(
            testDescription: "value_type literal takes everything after the first = as one string",
            entries: #"[{value: 'a=x,y=z\n', value_type: literal}]"#,
            expected: #"{"a":"x,y=z\\n"}"#),
        Case(
            testDescription: "set_values apply over values: a nested key and one list item change, the rest stays",
            entries: "[{value: 'a.q=3,l[1]=z'}]",
            values: "{a: {p: 1, q: 2}, l: [p, q, r], keep: 1}",
            expected: #"{"a":{"p":1,"q":3},"l":["p","z","r"],"keep":1}"#),
        Case(
            testDescription: "kinds apply in helm's order (json, raw, string, file, literal) whatever the written order",
            entries: "[{value: 'a=lit', value_type: literal}, {value: 'a=2,b=3'}, {value: 'a=1', value_type: json}, {value: 'b=s', value_type: string}]",
            expected: #"{"a":"lit","b":"s"}"#),
        Case(
            testDescription: "a templated line is typed after templating",
            entries: "[{value: 'replicas={{ replicas }}'}]",
            expected: #"{"replicas":1}"#),
    ]

    @Test("set_values lines become the values helm would build", arguments: cases)
    func values(_ example: Case) async throws {
        let setup = HelmModuleTests.Setup()
        let outcome = try await setup.run(.apply, Self.playbook(example.entries, values: example.values))
        #expect(outcome.succeeded, "\(outcome.lines)")
        let upgrade = try #require(await setup.helm.lastUpgrade)
        #expect(upgrade.values.jsonText == example.expected)
    }

    @Test("value_type file reads the file beside the playbook as a string, like values_files")
    func file() async throws {
        let setup = HelmModuleTests.Setup()
        let playbook = Self.playbook("[{value: 'tls.cert=cert.pem,list={cert.pem}', value_type: file}]")
        let outcome = try await HelmPlay.run(
            .apply, playbook, kube: InMemoryKubeClientProvider(cluster: setup.cluster), helm: setup.helm,
            files: ["cert.pem": "-----BEGIN-----\nabc\n"])
        #expect(outcome.succeeded, "\(outcome.lines)")
        let upgrade = try #require(await setup.helm.lastUpgrade)
        #expect(upgrade.values.jsonText == #"{"tls":{"cert":"-----BEGIN-----\nabc\n"},"list":["-----BEGIN-----\nabc\n"]}"#)
    }

    @Test("plan shows a set value's change as values.<key>; an unchanged set value is a no-op without helm")
    func planAndNoOp() async throws {
        let setup = HelmModuleTests.Setup()
        let playbook = Self.playbook("[{value: 'replicas={{ replicas }},image.tag=1.0'}]")
        let first = try await setup.run(.apply, playbook)
        #expect(first.recap.changed == 1, "\(first.lines)")
        await setup.helm.clearCalls()
        let again = try await setup.run(.apply, playbook)
        #expect(again.recap.changed == 0, "\(again.lines)")
        #expect(await setup.helm.calls.isEmpty)
        let plan = try await setup.run(.plan, playbook, extra: ["replicas": .int(3)])
        #expect(plan.lines == ["demo: changed ~ apps/demo helm release [values.replicas: 1 → 3]", #"demo: changed   ~ apps/demo-values ConfigMap [data.replicas: "1" → "3"]"#])
    }

    @Test("a set value reaches helm only in the values file, and no_log masks it in the plan")
    func secrets() async throws {
        let setup = HelmModuleTests.Setup()
        let playbook = Self.playbook("[{value: 'auth.password=hunter2', value_type: string}]")
        _ = try await setup.run(.apply, playbook)
        let upgrade = try #require(await setup.helm.lastUpgrade)
        #expect(upgrade.values["auth"]?["password"] == .string("hunter2"))
        let argv = HelmCommandClient.upgradeArguments(upgrade, major: 4, valuesFile: "/private/values.yaml")
        #expect(!argv.joined(separator: " ").contains("hunter2"), "\(argv)")
        #expect(await setup.helm.calls.allSatisfy { !$0.description.contains("hunter2") })
        let hidden = playbook.replacingOccurrences(of: "    - name: demo\n", with: "    - name: demo\n      no_log: true\n")
            .replacingOccurrences(of: "hunter2", with: "hunter3")
        let plan = try await setup.run(.plan, hidden)
        #expect(plan.recap.changed == 1)
        #expect(plan.lines.allSatisfy { !$0.contains("hunter") }, "\(plan.lines)")
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var entries: String
        var values = "{}"
        /// Words the failure must name.
        var names: [String]
    }

    static let bad: [Bad] = [
        Bad(testDescription: "an unbalanced [", entries: "[{value: 'a=1'}, {value: 'b[0=secret'}]", names: ["entry 2", "'b['", "']'"]),
        Bad(testDescription: "no =", entries: "[{value: 'secret'}]", names: ["entry 1", "has no value"]),
        Bad(testDescription: "a key without = before a comma", entries: "[{value: 'secret,a=1'}]", names: ["before ','"]),
        Bad(testDescription: "a dotted key with no =", entries: "[{value: 'a.b'}]", names: ["has no value"]),
        Bad(testDescription: "an index with no value", entries: "[{value: 'a[0]'}]", names: ["'a[0]' has no value"]),
        Bad(testDescription: "an unterminated list", entries: "[{value: 'a={x,secret'}]", names: ["terminate with '}'"]),
        Bad(testDescription: "an index that is no number", entries: "[{value: 'a[x]=1'}]", names: ["index 'x'"]),
        Bad(testDescription: "an index over helm's limit", entries: "[{value: 'a[70000]=1'}]", names: ["limit of 65536"]),
        Bad(testDescription: "bad JSON", entries: "[{value: 'a={\"p\": secret}', value_type: json}]", names: ["value_type json", "not JSON"]),
        Bad(testDescription: "an unknown value_type", entries: "[{value: 'a=1', value_type: yaml}]", names: ["unknown value_type 'yaml'"]),
        Bad(testDescription: "a missing file", entries: "[{value: 'a=nope.pem', value_type: file}]", names: ["file 'nope.pem' not found"]),
        Bad(testDescription: "a key over a scalar value", entries: "[{value: 'a.b=secret'}]", values: "{a: 5}", names: ["'a' is a number", "not a mapping"]),
        Bad(
            testDescription: "lists nested without end", entries: "[{value: '" + String(repeating: "a[0].", count: 300) + "a=1'}]",
            names: ["deeper than 200 levels"]),
        Bad(testDescription: "an entry that is not a mapping", entries: "['a=secret']", names: ["entry 1 is not a mapping"]),
        Bad(testDescription: "an entry with an unknown key", entries: "[{value: 'a=1', type: json}]", names: ["unknown key 'type'"]),
    ]

    @Test("bad set_values fail the task naming the entry, with a hint, without the value and without helm", arguments: bad)
    func failures(_ example: Bad) async throws {
        let setup = HelmModuleTests.Setup()
        let outcome = try await setup.run(.apply, Self.playbook(example.entries, values: example.values))
        #expect(!outcome.succeeded)
        let diagnostic = try #require(outcome.events.first?.diagnostic)
        #expect(diagnostic.code == "task.arguments")
        for name in example.names { #expect(diagnostic.summary.contains(name), "\(diagnostic.summary)") }
        #expect(!diagnostic.summary.contains("secret"), "\(diagnostic.summary)")
        #expect(diagnostic.hint?.isEmpty == false)
        #expect(await setup.helm.calls.isEmpty)
    }

    @Test("render shows a release's complete values: values_files, then values, then set_values, as helm merges them")
    func renderMerged() async throws {
        let setup = HelmModuleTests.Setup()
        let play = """
            - hosts: localhost
              tasks:
                - name: demo
                  helm:
                    name: demo
                    chart_ref: \(HelmPlay.chart("demo"))
                    release_namespace: apps
                    values_files: [base.yaml]
                    values: {color: green, image: {tag: "2.0"}}
                    set_values: [{value: "replicas=4"}]
            """
        let outcome = try await HelmPlay.run(
            .render, play, kube: InMemoryKubeClientProvider(cluster: setup.cluster), helm: setup.helm,
            files: ["base.yaml": "color: blue\nreplicas: 1\nimage: {repository: web, tag: \"1.0\"}\n"])
        let document = try #require(outcome.rendered.first)
        let values = try #require(document.value.stringKeyed["values"])
        #expect(try values.yamlValue().jsonText == #"{"color":"green","replicas":4,"image":{"repository":"web","tag":"2.0"}}"#)
        #expect(await setup.helm.calls.isEmpty, "render starts no helm")
    }
}
