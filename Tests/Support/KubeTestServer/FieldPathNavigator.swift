import YAML

/// Follows, removes and prints field paths (`[f:spec, k:{"name":"a"}, f:image]`) in objects.
enum FieldPathNavigator {
    /// The value a path leads to, or nil when it leads nowhere.
    static func value(at path: [String], in object: YAMLValue) -> YAMLValue? {
        var current = object
        for element in path {
            guard let next = step(element, in: current) else { return nil }
            current = next
        }
        return current
    }

    private static func step(_ element: String, in value: YAMLValue) -> YAMLValue? {
        if element.hasPrefix("f:") { return value[String(element.dropFirst(2))] }
        guard let items = value.items, let index = index(of: element, in: items) else { return nil }
        return items[index]
    }

    private static func index(of element: String, in items: [YAMLValue]) -> Int? {
        let body = String(element.dropFirst(2))
        if element.hasPrefix("k:") {
            guard let key = try? YAMLValue.parseJSON(body) else { return nil }
            return ListKeys.index(of: key, in: items)
        }
        if element.hasPrefix("v:") {
            guard let wanted = try? YAMLValue.parseJSON(body) else { return nil }
            return items.firstIndex(of: wanted)
        }
        if element.hasPrefix("i:"), let index = Int(body), items.indices.contains(index) { return index }
        return nil
    }

    /// Removes what the path leads to; maps left empty on the way are removed too.
    static func remove(_ path: [String], from object: inout YAMLValue) {
        guard let first = path.first else { return }
        let rest = Array(path.dropFirst())
        if first.hasPrefix("f:") {
            let key = String(first.dropFirst(2))
            guard var child = object[key] else { return }
            if rest.isEmpty {
                object.remove(key)
                return
            }
            remove(rest, from: &child)
            if child.pairs?.isEmpty == true || child.items?.isEmpty == true { object.remove(key) } else { object.set(key, child) }
            return
        }
        guard var items = object.items, let index = index(of: first, in: items) else { return }
        if rest.isEmpty {
            items.remove(at: index)
        } else {
            remove(rest, from: &items[index])
        }
        object = .sequence(items)
    }

    /// The path as conflict messages print it: `.spec.containers[name="nats"].image`.
    static func describe(_ path: [String]) -> String {
        var output = ""
        for element in path {
            let body = String(element.dropFirst(2))
            if element.hasPrefix("f:") {
                output += "." + body
            } else if element.hasPrefix("k:"), let key = try? YAMLValue.parseJSON(body), let pairs = key.pairs {
                let parts = pairs.map { "\($0.key.stringValue ?? "")=\($0.value.jsonText)" }
                output += "[" + parts.joined(separator: ",") + "]"
            } else if element.hasPrefix("v:") {
                output += "[=" + body + "]"
            } else {
                output += "[" + body + "]"
            }
        }
        return output
    }
}
