import Foundation
import Helm
import Kube
import Template
import YAML

/// A `helm` call with its options read: which release, which chart, the values (the
/// `values_files` merged in order, then `values` over them, then `set_values`, as helm merges them) and how to run helm.
struct HelmRequest {
    enum State: String {
        case present, absent
    }

    var release: String
    var namespace: String
    var state: State
    /// What helm is given: a local chart directory resolved against the playbook, else as written.
    var chart: String
    /// The chart's name when rig can know it without helm (`repo/name`, a local directory).
    var chartName: String?
    /// The version to compare with: `chart_version`, else a local chart's own.
    var chartVersion: String?
    var explicitVersion: String?
    var values: YAMLValue
    var createNamespace: Bool
    var wait: Bool
    var timeout: String?
    var atomic: Bool
    var force: Bool
    var takeOwnership: Bool
    var skipCRDs: Bool
    var valuesMode: HelmValuesMode
    var historyMax: Int?
    var updateRepoCache: Bool
    var binaryPath: String?
    var kubeconfig: String?
    var context: String?
    /// What identifies the chart's content for the fingerprint; nil when only helm knows (an
    /// unpinned repository chart).
    var chartContent: HelmFingerprint.ChartContent?

    init(_ options: [String: Value], chartFile: (String) -> (path: String, text: String)?) throws {
        func text(_ names: String...) throws -> String? {
            for name in names { if let value = options[name], !value.isNone { return try value.pythonString() } }
            return nil
        }
        func flag(_ name: String) -> Bool { options[name]?.isTruthy ?? false }
        release = try text("release_name", "name") ?? ""
        namespace = try text("release_namespace", "namespace") ?? ""
        guard let state = State(rawValue: try text("release_state", "state") ?? "present") else {
            throw ModuleFailure(message: .string("state must be present or absent"), code: "task.arguments")
        }
        self.state = state
        let reference = try text("chart_ref") ?? ""
        explicitVersion = try text("chart_version")
        chart = reference
        chartVersion = explicitVersion
        if state == .present, reference.isEmpty {
            throw ModuleFailure(message: .string("chart_ref is required when state is present"), code: "task.arguments")
        }
        if let local = Self.localChart(reference, chartFile: chartFile) {
            chart = local.directory
            chartName = local.name
            chartVersion = explicitVersion ?? local.version
            chartContent = .directory(local.directory)
        } else if reference.hasSuffix(".tgz"), !reference.contains("://") {
            // A packaged chart is found where a chart directory would be; helm gets its full path.
            chart = chartFile(reference)?.path ?? reference
            chartContent = .archive(chart)
        } else if let explicitVersion {
            chartContent = .pinned(reference: reference, version: explicitVersion)
        } else if reference.contains("://"), reference.hasSuffix(".tgz") {
            chartContent = .pinned(reference: reference, version: "")
        }
        if chartName == nil, !reference.contains("://"), !reference.hasSuffix(".tgz"), reference.split(separator: "/").count == 2 {
            chartName = reference.split(separator: "/").last.map(String.init)
        }
        values = try Self.values(options, chartFile: chartFile)
        createNamespace = flag("create_namespace")
        wait = flag("wait")
        timeout = try text("wait_timeout", "timeout")
        atomic = flag("atomic")
        force = flag("force")
        takeOwnership = flag("take_ownership")
        skipCRDs = flag("skip_crds")
        valuesMode = flag("reuse_values") && !flag("reset_values") ? .reuse : .reset
        historyMax = try text("history_max").flatMap { Int($0) }
        updateRepoCache = flag("update_repo_cache")
        binaryPath = try text("binary_path")
        kubeconfig = try text("kubeconfig")
        context = try text("context")
    }

    /// A chart directory rig can read `Chart.yaml` from.
    private static func localChart(
        _ reference: String, chartFile: (String) -> (path: String, text: String)?
    ) -> (directory: String, name: String, version: String?)? {
        guard !reference.isEmpty, !reference.contains("://"), !reference.hasSuffix(".tgz") else { return nil }
        guard let found = chartFile(reference + "/Chart.yaml"),
            let chart = try? YAMLLoader.loadValues(found.text, path: found.path).first
        else { return nil }
        let directory = String(found.path.dropLast("/Chart.yaml".count))
        return (directory, chart["name"]?.stringValue ?? "", chart["version"].map { Value(yaml: $0) }.flatMap { try? $0.pythonString() })
    }

    /// `values_files` (YAML read by rig) merged in order, then `values` on top (both are `-f` files
    /// to helm), then `set_values` applied as helm applies `--set*` after `-f`.
    private static func values(_ options: [String: Value], chartFile: (String) -> (path: String, text: String)?) throws -> YAMLValue {
        var merged = YAMLValue.mapping([])
        for file in options["values_files"]?.sequenceItems ?? [] {
            let path = try file.pythonString()
            guard let found = chartFile(path) else {
                throw ModuleFailure(message: .string("values file '\(path)' not found"), code: "task.arguments")
            }
            let loaded = try YAMLLoader.loadValues(found.text, path: found.path).first ?? .mapping([])
            merged = HelmValues.merge(merged, loaded)
        }
        if let values = options["release_values"] ?? options["values"], !values.isNone {
            do throws(TemplateError) {
                merged = HelmValues.merge(merged, try values.yamlValue())
            } catch {
                throw ModuleFailure(message: .string("values hold something that is not data: \(error.diagnostic.summary)"))
            }
        }
        if let set = options["set_values"], !set.isNone {
            merged = try HelmSetValues.apply(try HelmSetValues.entries(set), to: merged) { chartFile($0)?.text }
        }
        return merged
    }

    /// The digest rig records with the release; nil when the chart's content cannot be known
    /// without helm, so the chart is rendered instead.
    var fingerprint: String? {
        chartContent.flatMap { HelmFingerprint.of(chart: $0, values: values, settings: valuesMode == .reuse ? ["reuse-values"] : []) }
    }

    /// How helm is told where the cluster is; the command line's `--kubeconfig`/`--context` win.
    func connection(_ kube: KubeRunOptions?) -> HelmConnection {
        HelmConnection(kubeconfig: (kube?.kubeconfig ?? kubeconfig).map(Self.expandingHome), context: kube?.context ?? context)
    }

    /// `~/x` as helm cannot read it: under HOME.
    static func expandingHome(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] else { return path }
        return home + path.dropFirst()
    }

    /// The change's object: `namespace/release helm release`.
    var object: String { "\(namespace)/\(release) helm release" }

    /// `name version`, as far as rig knows them.
    var chartDescription: String { [chartName ?? chart, chartVersion].compactMap { $0 }.joined(separator: " ") }
}
