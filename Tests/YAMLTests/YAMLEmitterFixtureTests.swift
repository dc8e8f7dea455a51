import Testing
import YAML

@Suite("YAMLEmitter matches libyaml as Ansible drives it")
struct YAMLEmitterFixtureTests {
    @Test("emits the same bytes as yaml.dump with CSafeDumper", arguments: EmitterFixture.names)
    func matchesLibYAML(fixtureName: String) throws {
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

    @Test("loading the emitted text gives what PyYAML's CSafeLoader gives", arguments: EmitterFixture.names)
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

    @Test("to_yaml and to_nice_yaml presets write what Ansible's filters return")
    func matchesAnsibleFilters() throws {
        let fixture = try AnsibleFilterFixture.load()
        #expect(fixture.cases.count > 500)
        var failures = 0
        for testCase in fixture.cases {
            let options = try #require(AnsibleFilterFixture.preset(for: testCase.filter), "\(testCase.filter)")
            let emitted = YAMLEmitter.emit(testCase.input.value, options: options)
            if emitted != testCase.output {
                failures += 1
                if failures <= 5 {
                    let heading = "\(testCase.filter)/\(testCase.name)"
                    Issue.record("\(heading):\nexpected:\n\(testCase.output)\nactual:\n\(emitted)")
                }
            }
        }
        #expect(failures == 0, "\(failures) of \(fixture.cases.count) cases differ")
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
