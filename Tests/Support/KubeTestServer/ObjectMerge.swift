import YAML

/// Merging a configuration or a patch into an object.
enum ObjectMerge {
    /// Server-side apply's merge: maps merge, keyed lists merge by key, everything else is
    /// replaced by the configuration.
    static func apply(_ config: YAMLValue, onto live: YAMLValue, field: String = "") -> YAMLValue {
        switch (live, config) {
        case (.mapping, .mapping(let pairs)):
            var result = live
            for pair in pairs {
                guard case .string(let key) = pair.key else { continue }
                result.set(key, live[key].map { apply(pair.value, onto: $0, field: key) } ?? pair.value)
            }
            return result
        case (.sequence(var liveItems), .sequence(let items))
        where ListKeys.isKeyed(items, field: field) && ListKeys.isKeyed(liveItems, field: field):
            for item in items {
                guard let key = ListKeys.key(of: item, field: field) else { continue }
                if let index = ListKeys.index(of: key, in: liveItems) {
                    liveItems[index] = apply(item, onto: liveItems[index])
                } else {
                    liveItems.append(item)
                }
            }
            return .sequence(liveItems)
        default:
            return config
        }
    }

    /// JSON merge patch (RFC 7386); with `strategic`, keyed lists merge by key, `$patch`
    /// directives replace or delete, and other `$` directives are ignored.
    static func patch(_ target: YAMLValue?, with patch: YAMLValue, strategic: Bool, field: String = "") -> YAMLValue {
        switch patch {
        case .mapping(let pairs):
            if strategic, patch["$patch"]?.stringValue == "replace" {
                return withoutDirectives(patch)
            }
            var result = target?.isMapping == true ? target ?? .mapping([]) : .mapping([])
            for pair in pairs {
                guard case .string(let key) = pair.key else { continue }
                if key.hasPrefix("$") { continue }
                if pair.value == .null {
                    result.remove(key)
                } else {
                    result.set(key, Self.patch(result[key], with: pair.value, strategic: strategic, field: key))
                }
            }
            return result
        case .sequence(let items) where strategic && ListKeys.table[field] != nil:
            return mergeKeyedList(target?.items ?? [], items, field: field)
        default:
            return patch
        }
    }

    private static func mergeKeyedList(_ current: [YAMLValue], _ items: [YAMLValue], field: String) -> YAMLValue {
        guard items.allSatisfy({ ListKeys.key(of: $0, field: field) != nil }),
            current.allSatisfy({ ListKeys.key(of: $0, field: field) != nil })
        else { return .sequence(items.map(withoutDirectives)) }
        var result = current
        for item in items {
            guard let key = ListKeys.key(of: item, field: field) else { continue }
            let index = ListKeys.index(of: key, in: result)
            if item["$patch"]?.stringValue == "delete" {
                if let index { result.remove(at: index) }
            } else if let index {
                result[index] = patch(result[index], with: item, strategic: true)
            } else {
                result.append(patch(nil, with: item, strategic: true))
            }
        }
        return .sequence(result)
    }

    private static func withoutDirectives(_ value: YAMLValue) -> YAMLValue {
        guard case .mapping(let pairs) = value else { return value }
        return .mapping(pairs.filter { !($0.key.stringValue ?? "").hasPrefix("$") })
    }
}
