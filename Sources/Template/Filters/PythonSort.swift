/// Python's `sorted(items, key=…, reverse=…)`: stable, comparing keys with `<` only, and
/// keeping equal elements in their original order when reversed too.
package enum PythonSort {
    /// The items ordered by their keys; throws Python's `TypeError` for keys it cannot order.
    package static func sorted<Element>(
        _ items: [Element], reverse: Bool = false, key: (Element) throws(TemplateError) -> Value
    ) throws(TemplateError) -> [Element] {
        var keys: [Value] = []
        keys.reserveCapacity(items.count)
        for item in items { keys.append(try key(item)) }
        var order = Array(items.indices)
        var buffer = order
        try mergeSort(&order, &buffer, 0, order.count) { (a: Int, b: Int) throws(TemplateError) -> Bool in
            reverse ? try Value.compare(keys[b], keys[a]) < 0 : try Value.compare(keys[a], keys[b]) < 0
        }
        return order.map { items[$0] }
    }

    /// Sorts `order[start..<end]`; `precedes(a, b)` is true when `a` must come before `b`.
    private static func mergeSort(
        _ order: inout [Int], _ buffer: inout [Int], _ start: Int, _ end: Int,
        _ precedes: (Int, Int) throws(TemplateError) -> Bool
    ) throws(TemplateError) {
        guard end - start > 1 else { return }
        let middle = (start + end) / 2
        try mergeSort(&order, &buffer, start, middle, precedes)
        try mergeSort(&order, &buffer, middle, end, precedes)
        var left = start
        var right = middle
        var target = start
        while left < middle, right < end {
            if try precedes(order[right], order[left]) {
                buffer[target] = order[right]
                right += 1
            } else {
                buffer[target] = order[left]
                left += 1
            }
            target += 1
        }
        while left < middle {
            buffer[target] = order[left]
            left += 1
            target += 1
        }
        while right < end {
            buffer[target] = order[right]
            right += 1
            target += 1
        }
        for index in start..<end { order[index] = buffer[index] }
    }

    /// Python's `min(items, key=…)`: the first smallest item.
    package static func minimum<Element>(
        _ items: [Element], key: (Element) throws(TemplateError) -> Value
    ) throws(TemplateError) -> Element? {
        try extreme(items, key: key) { (a: Value, b: Value) throws(TemplateError) -> Bool in try Value.compare(a, b) < 0 }
    }

    /// Python's `max(items, key=…)`: the first largest item.
    package static func maximum<Element>(
        _ items: [Element], key: (Element) throws(TemplateError) -> Value
    ) throws(TemplateError) -> Element? {
        try extreme(items, key: key) { (a: Value, b: Value) throws(TemplateError) -> Bool in try Value.compare(a, b) > 0 }
    }

    private static func extreme<Element>(
        _ items: [Element], key: (Element) throws(TemplateError) -> Value,
        better: (Value, Value) throws(TemplateError) -> Bool
    ) throws(TemplateError) -> Element? {
        guard var best = items.first else { return nil }
        var bestKey = try key(best)
        for item in items.dropFirst() {
            let itemKey = try key(item)
            if try better(itemKey, bestKey) {
                best = item
                bestKey = itemKey
            }
        }
        return best
    }
}
