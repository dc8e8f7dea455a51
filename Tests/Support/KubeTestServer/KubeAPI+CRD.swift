import YAML

/// The apiextensions controllers, done inline: CRD names, status, establishment and clean-up.
extension KubeAPI {
    func isCRD(_ kind: ResourceKind) -> Bool {
        kind.group == "apiextensions.k8s.io" && kind.kind == "CustomResourceDefinition"
    }

    private var crdKind: ResourceKind? { BuiltinKinds.apiextensions.first }

    /// Checks a CRD's names (422) and sets its status: kept when it was already Established,
    /// else Established now or the initial status, by the establishment policy.
    func prepareCRD(_ object: YAMLValue, old: YAMLValue?, name: String, time: String) throws(APIError) -> YAMLValue {
        let spec = object["spec"] ?? .mapping([])
        let group = spec["group"]?.stringValue ?? ""
        let plural = spec[path: ["names", "plural"]]?.stringValue ?? ""
        var causes: [InvalidCause] = []
        if group.isEmpty { causes.append(InvalidCause(reason: "FieldValueRequired", message: "Required value", field: "spec.group")) }
        if plural.isEmpty { causes.append(InvalidCause(reason: "FieldValueRequired", message: "Required value", field: "spec.names.plural")) }
        if spec[path: ["names", "kind"]]?.stringValue?.isEmpty ?? true {
            causes.append(InvalidCause(reason: "FieldValueRequired", message: "Required value", field: "spec.names.kind"))
        }
        if (spec["versions"]?.items ?? []).isEmpty {
            causes.append(InvalidCause(reason: "FieldValueRequired", message: "Required value", field: "spec.versions"))
        }
        if causes.isEmpty, name != "\(plural).\(group)" {
            causes.append(
                InvalidCause(
                    reason: "FieldValueInvalid", message: "Invalid value: \"\(name)\": must be spec.names.plural+\".\"+spec.group",
                    field: "metadata.name"))
        }
        if let crdKind, !causes.isEmpty { throw .status(invalid(crdKind, name: name, causes)) }
        var object = object
        if let old, CRDRegistry.isEstablished(old) {
            let since = old[path: ["status", "conditions"]]?.items?.first?["lastTransitionTime"]?.stringValue ?? time
            object.set("status", CRDStatus.established(spec: spec, time: since))
        } else if old != nil || establishment != .immediately {
            object.set("status", CRDStatus.initial(spec: spec))
        } else {
            object.set("status", CRDStatus.established(spec: spec, time: time))
        }
        return object
    }

    /// After a CRD was stored: schedule its establishment, and serve its kinds if Established.
    func crdStored(name: String, isNew: Bool) {
        if isNew {
            switch establishment {
            case .immediately: break
            case .after(let delay): pending[name] = PendingEstablishment(deadline: .now + delay, readsLeft: nil)
            case .afterReads(let count): pending[name] = PendingEstablishment(deadline: nil, readsLeft: max(0, count))
            }
        }
        rebuildRegistry()
    }

    /// After a CRD was deleted: its custom resources go, and its kinds stop being served.
    func crdRemoved(name: String) {
        pending[name] = nil
        let doomed = registry.kinds.filter { $0.definedBy == name }
        for kind in doomed {
            store.removeAll { $0.group == kind.group && $0.plural == kind.plural }
        }
        rebuildRegistry()
    }

    /// Counts reads of pending CRDs (the `afterReads` policy).
    func noteRead(_ target: Target, names: [String]) {
        guard isCRD(target.kind) else { return }
        for name in names {
            if let left = pending[name]?.readsLeft, left > 0 { pending[name]?.readsLeft = left - 1 }
        }
    }

    /// Establishes the pending CRDs whose time has come.
    func promoteDueCRDs() {
        guard !pending.isEmpty, let crdKind else { return }
        let now = ContinuousClock.now
        for (name, waiting) in pending {
            let due = waiting.deadline.map { $0 <= now } ?? (waiting.readsLeft.map { $0 <= 0 } ?? true)
            let key = ObjectKey(kind: crdKind, namespace: nil, name: name)
            guard var crd = store[key] else {
                pending[name] = nil
                continue
            }
            let spec = crd["spec"] ?? .mapping([])
            if due {
                pending[name] = nil
                crd.set("status", CRDStatus.established(spec: spec, time: Self.timestamp()))
            } else if crd[path: ["status", "conditions"]] == .null {
                crd.set("status", CRDStatus.installing(spec: spec, time: Self.timestamp()))
            } else {
                continue
            }
            crd.set(path: ["metadata", "resourceVersion"], .string(store.nextRevision()))
            store[key] = ObjectShape.ordered(crd, kind: crdKind)
        }
        rebuildRegistry()
    }

    private func rebuildRegistry() {
        guard let crdKind else { return }
        registry.rebuild(from: store.list(group: crdKind.group, plural: crdKind.plural, namespace: nil).map(\.object))
    }
}
