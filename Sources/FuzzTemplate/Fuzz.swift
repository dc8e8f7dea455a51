import Engine
import Helm
import Kube
import Template
import YAML

/// One fuzz input: the bytes as a template (rendered with Ansible's semantics), as a bare
/// expression, as YAML, as JSON (what the Kubernetes API answers), as a kubeconfig, as each kind
/// of helm `set_values` line, and as a playbook loaded beside a small fixed role and task file. Any
/// crash, trap or hang here is a bug; thrown errors and diagnostics are fine.
func fuzzOne(_ bytes: UnsafeRawBufferPointer) {
    let text = String(decoding: bytes, as: UTF8.self)
    var options = TemplateOptions.ansible
    options.renderBudget = 20_000
    var environment = TemplateEnvironment(options: options)
    environment.options = options
    let variables = VariableTable([
        "x": .int(3), "s": .string("héllo wörld"), "xs": .list([.int(1), .string("a"), .none, .float(1.5)]),
        "d": .dict(["k": .string("v"), "n": .dict(["deep": .list([.bool(true)])])]),
    ])
    _ = try? AnsibleTemplate.render(text: text, path: "fuzz.j2", environment: environment, variables: variables)
    _ = try? environment.evaluate(expression: text, path: "fuzz", variables: variables)
    _ = try? YAMLLoader.loadValues(text, path: "fuzz.yaml")
    if let json = try? YAMLValue.parseJSON(Array(bytes.bindMemory(to: UInt8.self))) {
        _ = try? YAMLValue.parseJSON(json.jsonText)
        _ = KubeFieldSet(fieldsV1: json)
        _ = KubeObjectComparison.changes(from: json, to: .mapping([]))
        _ = KubeReadiness.of(json)
        // helm's release records come from the cluster: a Secret, and the release JSON inside it.
        _ = try? HelmRelease(secret: json)
        _ = HelmRelease(record: json)
    }
    _ = try? KubeConfig.parse(text, path: "fuzz-kubeconfig", homeDirectory: "/nonexistent")
    for kind in HelmSetValues.Kind.allCases {
        var values = fuzzHelmValues()
        try? HelmSetValues.apply(text, kind: kind, to: &values) { path in path }
    }
    let context = LoadContext(fileSystem: FuzzRepository(playbook: text))
    _ = PlaybookLoader(context: context).load(FuzzRepository.playbook)
}

/// What `set_values` lines are applied over: a list, a nested mapping and scalars to collide with.
/// Made per input, not a global: LeakSanitizer reports a lazily made global as a leak at exit.
func fuzzHelmValues() -> YAMLValue {
    .mapping([
        YAMLPair(.string("l"), .sequence([.int(1), .mapping([YAMLPair(.string("m"), .int(2))]), .null])),
        YAMLPair(.string("m"), .mapping([YAMLPair(.string("n"), .string("x"))])), YAMLPair(.string("s"), .null),
    ])
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    fuzzOne(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
