import Testing
import YAML

@Suite("YAMLEmitter matches PyYAML")
struct YAMLEmitterFixtureTests {
    @Test("emits the same bytes as PyYAML's yaml.dump", arguments: EmitterFixture.names)
    func matchesPyYAML(fixtureName: String) throws {
        let fixture = try EmitterFixture.load(fixtureName)
        #expect(fixture.cases.count > 100)
        var failures = 0
        for testCase in fixture.cases {
            let emitted = YAMLEmitter.emit(testCase.input.value, options: fixture.emitOptions)
            if emitted != testCase.output {
                failures += 1
                if failures <= 5 {
                    Issue.record("\(fixtureName)/\(testCase.name):\nexpected:\n\(testCase.output)\nactual:\n\(emitted)")
                }
            }
        }
        #expect(failures == 0, "\(failures) of \(fixture.cases.count) cases differ")
    }

    @Test("loading the emitted text gives what PyYAML's safe_load gives", arguments: EmitterFixture.names)
    func roundTrips(fixtureName: String) throws {
        let fixture = try EmitterFixture.load(fixtureName)
        var failures = 0
        for testCase in fixture.cases {
            let emitted = YAMLEmitter.emit(testCase.input.value, options: fixture.emitOptions)
            let loaded: [YAMLValue]
            do {
                loaded = try YAMLLoader.loadValues(emitted, path: "\(testCase.name).yml")
            } catch {
                failures += 1
                if failures <= 5 { Issue.record("\(testCase.name): \(error.diagnostics)\n\(emitted)") }
                continue
            }
            if loaded.count != 1 || !loaded[0].sameData(as: testCase.reloaded.value) {
                failures += 1
                if failures <= 5 { Issue.record("\(testCase.name): loaded \(loaded) from\n\(emitted)") }
            }
        }
        #expect(failures == 0)
    }
}

extension YAMLValue {
    /// Equality where NaN equals NaN and, as in Python's dicts, a repeated key keeps the last value.
    func sameData(as other: YAMLValue) -> Bool {
        switch (self, other) {
        case (.float(let left), .float(let right)):
            return left == right || (left.isNaN && right.isNaN)
        case (.sequence(let left), .sequence(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.sameData(as: $1) }
        case (.mapping(let left), .mapping(let right)):
            return left.count == right.count
                && zip(left, right).allSatisfy { $0.key.sameData(as: $1.key) && $0.value.sameData(as: $1.value) }
        default:
            return self == other
        }
    }
}
