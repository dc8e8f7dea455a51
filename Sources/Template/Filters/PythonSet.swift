/// CPython 3.11's `set` hash table (Objects/setobject.c), kept only to know the order in which
/// `list(some_set)` yields elements.
///
/// Ansible's set-theory filters return `list(set(a) | set(b))` and friends, so their output
/// order is the table order: open addressing with 9 linear probes then perturbed jumps, resizing
/// at 60% fill, and the specific copy and merge paths each operator takes. Every method mirrors
/// the C function named in its comment; keep them in step when checking against CPython.
struct PythonSet {
    private enum Slot {
        case empty
        case dummy
        case active(Value, Int64)
    }

    private static let minimumSize = 8
    private static let linearProbes = 9
    private static let perturbShift: UInt64 = 5

    private var table: [Slot] = Array(repeating: .empty, count: minimumSize)
    private var mask = minimumSize - 1
    private var fill = 0
    private var used = 0

    init() {}

    /// `set(values)`: nil when a value is unhashable (Python's `TypeError`).
    init?(_ values: [Value]) {
        for value in values {
            guard let hash = PythonHash.hash(value) else { return nil }
            add(value, hash: hash)
        }
    }

    /// The elements in iteration order.
    var elements: [Value] {
        table.compactMap { slot in
            if case .active(let value, _) = slot { return value }
            return nil
        }
    }

    private var activeEntries: [(Value, Int64)] {
        table.compactMap { slot in
            if case .active(let value, let hash) = slot { return (value, hash) }
            return nil
        }
    }

    var count: Int { used }

    private func nextProbe(_ index: Int, _ perturb: inout UInt64) -> Int {
        perturb >>= Self.perturbShift
        return Int((UInt64(index) &* 5 &+ 1 &+ perturb) & UInt64(mask))
    }

    /// `set_add_entry`.
    mutating func add(_ value: Value, hash: Int64) {
        var perturb = UInt64(bitPattern: hash)
        var index = Int(perturb & UInt64(mask))
        var freeSlot: Int?
        while true {
            let probes = index + Self.linearProbes <= mask ? Self.linearProbes : 0
            for slotIndex in index...(index + probes) {
                switch table[slotIndex] {
                case .empty:
                    insert(value, hash: hash, at: freeSlot ?? slotIndex, reusingDummy: freeSlot != nil)
                    return
                case .dummy:
                    if freeSlot == nil { freeSlot = slotIndex }
                case .active(let existing, let existingHash):
                    if existingHash == hash, existing == value { return }
                }
            }
            index = nextProbe(index, &perturb)
        }
    }

    private mutating func insert(_ value: Value, hash: Int64, at slot: Int, reusingDummy: Bool) {
        table[slot] = .active(value, hash)
        used += 1
        guard !reusingDummy else { return }
        fill += 1
        if fill * 5 >= mask * 3 { resize(minimumUsed: used > 50_000 ? used * 2 : used * 4) }
    }

    /// `set_contains_entry` / `set_lookkey`: the slot holding an equal element, if any.
    private func lookup(_ value: Value, hash: Int64) -> Int? {
        var perturb = UInt64(bitPattern: hash)
        var index = Int(perturb & UInt64(mask))
        while true {
            let probes = index + Self.linearProbes <= mask ? Self.linearProbes : 0
            for slotIndex in index...(index + probes) {
                switch table[slotIndex] {
                case .empty: return nil
                case .dummy: continue
                case .active(let existing, let existingHash):
                    if existingHash == hash, existing == value { return slotIndex }
                }
            }
            index = nextProbe(index, &perturb)
        }
    }

    func contains(_ value: Value, hash: Int64) -> Bool {
        lookup(value, hash: hash) != nil
    }

    /// `set_discard_entry`: true when the element was there.
    @discardableResult
    mutating func discard(_ value: Value, hash: Int64) -> Bool {
        guard let slot = lookup(value, hash: hash) else { return false }
        table[slot] = .dummy
        used -= 1
        return true
    }

    /// `set_insert_clean`: insertion into a table known to have no dummies and no equal element.
    private static func insertClean(_ value: Value, hash: Int64, into table: inout [Slot], mask: Int) {
        var perturb = UInt64(bitPattern: hash)
        var index = Int(perturb & UInt64(mask))
        while true {
            let probes = index + linearProbes <= mask ? linearProbes : 0
            for slotIndex in index...(index + probes) {
                if case .empty = table[slotIndex] {
                    table[slotIndex] = .active(value, hash)
                    return
                }
            }
            perturb >>= perturbShift
            index = Int((UInt64(index) &* 5 &+ 1 &+ perturb) & UInt64(mask))
        }
    }

    /// `set_table_resize`.
    private mutating func resize(minimumUsed: Int) {
        var size = Self.minimumSize
        while size <= minimumUsed { size <<= 1 }
        let entries = activeEntries
        table = Array(repeating: .empty, count: size)
        mask = size - 1
        fill = used
        for (value, hash) in entries { Self.insertClean(value, hash: hash, into: &table, mask: mask) }
    }

    /// `set_merge`: adds every element of `other`, in its table order.
    mutating func merge(_ other: PythonSet) {
        guard other.used > 0 else { return }
        if (fill + other.used) * 5 >= mask * 3 { resize(minimumUsed: (used + other.used) * 2) }
        if fill == 0, mask == other.mask, other.fill == other.used {
            table = other.table
            fill = other.fill
            used = other.used
            return
        }
        if fill == 0 {
            for (value, hash) in other.activeEntries { Self.insertClean(value, hash: hash, into: &table, mask: mask) }
            fill = other.used
            used = other.used
            return
        }
        for (value, hash) in other.activeEntries { add(value, hash: hash) }
    }

    /// `set_copy`: a new set merged from this one.
    func copy() -> PythonSet {
        var result = PythonSet()
        result.merge(self)
        return result
    }

    /// `set_or`: `self | other`.
    func union(_ other: PythonSet) -> PythonSet {
        var result = copy()
        result.merge(other)
        return result
    }

    /// `set_intersection`: iterates the smaller set, keeping its elements found in the larger.
    func intersection(_ other: PythonSet) -> PythonSet {
        let (large, small) = other.used > used ? (other, self) : (self, other)
        var result = PythonSet()
        for (value, hash) in small.activeEntries where large.contains(value, hash: hash) {
            result.add(value, hash: hash)
        }
        return result
    }

    /// `set_difference`: `self - other`.
    func subtracting(_ other: PythonSet) -> PythonSet {
        if (used >> 2) > other.used {
            var result = copy()
            for (value, hash) in other.activeEntries { result.discard(value, hash: hash) }
            return result
        }
        var result = PythonSet()
        for (value, hash) in activeEntries where !other.contains(value, hash: hash) {
            result.add(value, hash: hash)
        }
        return result
    }

    /// `set_symmetric_difference`: a copy of `other`, updated with the elements of `self`.
    func symmetricDifference(_ other: PythonSet) -> PythonSet {
        var result = other.copy()
        for (value, hash) in activeEntries {
            if !result.discard(value, hash: hash) { result.add(value, hash: hash) }
        }
        return result
    }
}
