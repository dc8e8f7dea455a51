/// Every module rig knows, found by fully qualified name, short name or legacy name.
package struct ModuleRegistry: Sendable {
    package let specs: [ModuleSpec]
    private let byName: [String: ModuleSpec]

    package init(_ specs: [ModuleSpec] = BuiltinModuleSpecs.all) {
        self.specs = specs
        var byName: [String: ModuleSpec] = [:]
        for spec in specs {
            byName[spec.name] = spec
            for alias in spec.aliases { byName[alias] = spec }
        }
        self.byName = byName
    }

    package func spec(named name: String) -> ModuleSpec? { byName[name] }

    package var allNames: [String] { Array(byName.keys) }
}

/// The specs of the modules rig implements. Option lists follow the modules' Ansible
/// documentation (ansible.builtin, kubernetes.core) so existing roles validate unchanged.
package enum BuiltinModuleSpecs {
    package static let all: [ModuleSpec] = [
        debug, setFact, assert, fail, template, command, shell, k8s, helm, helmRepository, natsStream, natsConsumer,
    ]

    static func builtin(_ short: String) -> [String] { ["ansible.builtin.\(short)", "ansible.legacy.\(short)", short] }

    static let debug = ModuleSpec(
        name: "ansible.builtin.debug", aliases: builtin("debug"), kind: .local,
        options: [.init("msg", .raw), .init("var", .raw), .init("verbosity", .int)],
        mutuallyExclusive: [["msg", "var"]])

    static let setFact = ModuleSpec(
        name: "ansible.builtin.set_fact", aliases: builtin("set_fact"), kind: .local,
        options: [.init("cacheable", .bool)], anyKeys: true)

    static let assert = ModuleSpec(
        name: "ansible.builtin.assert", aliases: builtin("assert"), kind: .local,
        options: [
            .init("that", .raw, required: true), .init("fail_msg", .raw, aliases: ["msg"]), .init("success_msg", .raw),
            .init("quiet", .bool),
        ])

    static let fail = ModuleSpec(
        name: "ansible.builtin.fail", aliases: builtin("fail"), kind: .local, options: [.init("msg", .raw)])

    static let template = ModuleSpec(
        name: "ansible.builtin.template", aliases: builtin("template"), kind: .local,
        options: [
            .init("src", .path, required: true), .init("dest", .path, required: true), .init("mode", .raw),
            .init("owner", .string), .init("group", .string), .init("backup", .bool), .init("force", .bool),
            .init("newline_sequence", .string, choices: ["\n", "\r", "\r\n"]), .init("trim_blocks", .bool),
            .init("lstrip_blocks", .bool), .init("variable_start_string", .string), .init("variable_end_string", .string),
            .init("block_start_string", .string), .init("block_end_string", .string), .init("output_encoding", .string),
        ])

    static let commandOptions: [OptionSpec] = [
        .init("cmd", .string), .init("argv", .list), .init("chdir", .path), .init("creates", .path), .init("removes", .path),
        .init("stdin", .string), .init("stdin_add_newline", .bool), .init("strip_empty_ends", .bool),
        .init("executable", .path), .init("_raw_params", .string),
    ]

    static let command = ModuleSpec(
        name: "ansible.builtin.command", aliases: builtin("command"), kind: .local, options: commandOptions, freeForm: true)

    static let shell = ModuleSpec(
        name: "ansible.builtin.shell", aliases: builtin("shell"), kind: .local, options: commandOptions, freeForm: true)

    static let kubeConnection: [OptionSpec] = [
        .init("kubeconfig", .raw, aliases: ["kubeconfig_path"]), .init("context", .string, aliases: ["kube_context"]),
        .init("host", .string), .init("api_key", .string), .init("validate_certs", .bool, aliases: ["verify_ssl"]),
        .init("ca_cert", .path, aliases: ["ssl_ca_cert"]), .init("client_cert", .path, aliases: ["cert_file"]),
        .init("client_key", .path, aliases: ["key_file"]), .init("proxy", .string), .init("no_proxy", .string),
        .init("persist_config", .bool), .init("impersonate_user", .string), .init("impersonate_groups", .list),
    ]

    static let k8s = ModuleSpec(
        name: "kubernetes.core.k8s", aliases: ["k8s", "community.kubernetes.k8s", "kubernetes.core.k8s"], kind: .remote,
        options: kubeConnection + [
            .init("state", .string, choices: ["present", "absent", "patched"]),
            .init("resource_definition", .raw, aliases: ["definition", "inline"]), .init("src", .path),
            .init("template", .raw), .init("kind", .string), .init("api_version", .string, aliases: ["version"]),
            .init("name", .string), .init("namespace", .string), .init("apply", .bool), .init("server_side_apply", .dict),
            .init("force", .bool), .init("wait", .bool), .init("wait_condition", .dict), .init("wait_timeout", .int),
            .init("wait_sleep", .int), .init("merge_type", .list), .init("append_hash", .bool),
            .init("continue_on_error", .bool), .init("delete_options", .dict), .init("generate_name", .string),
            .init("label_selectors", .list), .init("validate", .dict), .init("delete_all", .bool, aliases: ["all"]),
        ],
        mutuallyExclusive: [["resource_definition", "src", "template"]])

    static let helm = ModuleSpec(
        name: "kubernetes.core.helm", aliases: ["helm", "community.kubernetes.helm"], kind: .remote,
        options: kubeConnection + [
            .init("release_name", .string, aliases: ["name"], required: true), .init("chart_ref", .string),
            .init("chart_version", .string), .init("chart_repo_url", .string),
            .init("release_namespace", .string, aliases: ["namespace"], required: true), .init("create_namespace", .bool),
            .init("release_values", .dict, aliases: ["values"]), .init("values_files", .list), .init("set_values", .list),
            .init("release_state", .string, aliases: ["state"], choices: ["present", "absent"]),
            .init("wait", .bool), .init("wait_timeout", .string), .init("timeout", .string), .init("atomic", .bool),
            .init("force", .bool), .init("skip_crds", .bool), .init("take_ownership", .bool), .init("reset_values", .bool), .init("reuse_values", .bool),
            .init("history_max", .int), .init("update_repo_cache", .bool), .init("binary_path", .path),
            .init("purge", .bool), .init("replace", .bool), .init("disable_hook", .bool), .init("dependency_update", .bool),
            .init("post_renderer", .string), .init("plain_http", .bool), .init("insecure_skip_tls_verify", .bool),
        ])

    static let helmRepository = ModuleSpec(
        name: "kubernetes.core.helm_repository", aliases: ["helm_repository", "community.kubernetes.helm_repository"],
        kind: .remote,
        options: kubeConnection + [
            .init("repo_name", .string, aliases: ["name"], required: true), .init("repo_url", .string, aliases: ["url"]),
            .init("repo_username", .string, aliases: ["username"]), .init("repo_password", .string, aliases: ["password"]),
            .init("repo_state", .string, aliases: ["state"], choices: ["present", "absent"]), .init("force_update", .bool),
            .init("pass_credentials", .bool), .init("binary_path", .path), .init("force", .bool),
        ])

    /// Connection options shared by the NATS modules.
    static let natsConnection: [OptionSpec] = [
        .init("servers", .raw), .init("creds", .path), .init("nkey", .string), .init("user", .string),
        .init("password", .string), .init("token", .string), .init("tls", .dict),
        .init("state", .string, choices: ["present", "absent"]), .init("recreate", .bool),
        .init("delete_on_destroy", .bool), .init("request_timeout", .float),
    ]

    /// The NACK `Stream` spec fields (camelCase, as in the CRD).
    static let streamFields: [OptionSpec] = [
        .init("name", .string, required: true), .init("description", .string), .init("subjects", .list),
        .init("retention", .string, choices: ["limits", "interest", "workqueue"]), .init("maxConsumers", .int),
        .init("maxMsgs", .int), .init("maxBytes", .int), .init("maxAge", .string), .init("maxMsgSize", .int),
        .init("maxMsgsPerSubject", .int), .init("storage", .string, choices: ["file", "memory"]),
        .init("replicas", .int), .init("noAck", .bool), .init("discard", .string, choices: ["old", "new"]),
        .init("discardPerSubject", .bool), .init("duplicateWindow", .string), .init("placement", .dict),
        .init("mirror", .dict), .init("sources", .list), .init("sealed", .bool), .init("denyDelete", .bool),
        .init("denyPurge", .bool), .init("allowRollup", .bool), .init("allowDirect", .bool),
        .init("mirrorDirect", .bool), .init("compression", .string, choices: ["s2", "none", ""]),
        .init("subjectTransform", .dict), .init("republish", .dict), .init("firstSequence", .int),
        .init("metadata", .dict), .init("allowMsgTtl", .bool), .init("subjectDeleteMarkerTtl", .string),
        .init("consumerLimits", .dict), .init("allowMsgCounter", .bool), .init("allowAtomicPublish", .bool),
        .init("allowMsgSchedules", .bool), .init("persistMode", .string, choices: ["default", "async"]),
        .init("allowBatched", .bool),
    ]

    static let natsStream = ModuleSpec(
        name: "rig.nats.nats_stream", aliases: ["nats_stream"], kind: .remote, options: natsConnection + streamFields)

    static let natsConsumer = ModuleSpec(
        name: "rig.nats.nats_consumer", aliases: ["nats_consumer"], kind: .remote,
        options: natsConnection + [
            .init("stream", .string, aliases: ["streamName"], required: true), .init("name", .string, aliases: ["durableName"], required: true),
            .init("description", .string),
            .init("deliverPolicy", .string, choices: ["all", "last", "new", "byStartSequence", "byStartTime", "lastPerSubject"]),
            .init("optStartSeq", .int),
            .init("optStartTime", .string), .init("ackPolicy", .string, choices: ["none", "all", "explicit"]),
            .init("ackWait", .string), .init("maxDeliver", .int), .init("backoff", .list), .init("filterSubject", .string),
            .init("filterSubjects", .list), .init("replayPolicy", .string, choices: ["instant", "original"]),
            .init("sampleFreq", .string), .init("rateLimitBps", .int), .init("maxAckPending", .int),
            .init("maxWaiting", .int), .init("maxRequestBatch", .int), .init("maxRequestExpires", .string),
            .init("maxRequestMaxBytes", .int), .init("inactiveThreshold", .string), .init("replicas", .int),
            .init("memStorage", .bool), .init("headersOnly", .bool), .init("deliverSubject", .string),
            .init("deliverGroup", .string), .init("flowControl", .bool), .init("heartbeatInterval", .string),
            .init("metadata", .dict), .init("pauseUntil", .string), .init("priorityPolicy", .string),
            .init("pinnedTtl", .string), .init("priorityGroups", .list),
        ])
}
