import Kube
import Testing
import YAML

@Suite("Deciding without a write whether an apply changes an object")
struct KubeObjectComparisonTests {
    static func json(_ text: String) throws -> YAMLValue { try YAMLValue.parseJSON(text) }

    /// The live ConfigMap of fixture 27 (trimmed), with rig owning the label and `data.size`.
    static let live = """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"demo","namespace":"messaging","uid":"u","resourceVersion":"73",
        "labels":{"app":"rig"},"managedFields":[
        {"manager":"other-tool","operation":"Apply","fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:color":{}}}},
        {"manager":"rig","operation":"Apply","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:data":{"f:size":{}}}}]},
        "data":{"color":"purple","size":"1"}}
        """

    @Test("the same object again is unchanged, though another manager owns more fields")
    func sameObject() throws {
        let desired = try Self.json(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"demo","namespace":"messaging","labels":{"app":"rig"}},"data":{"size":"1"}}"#)
        #expect(KubeObjectComparison.isUnchanged(desired: desired, live: try Self.json(Self.live), manager: "rig"))
    }

    @Test("a changed value, a new field, or a field rig stops sending each needs the server's answer")
    func differences() throws {
        let live = try Self.json(Self.live)
        let changed = try Self.json(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"demo","labels":{"app":"rig"}},"data":{"size":"2"}}"#)
        let added = try Self.json(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"demo","labels":{"app":"rig"}},"data":{"size":"1","new":"x"}}"#)
        let dropped = try Self.json(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"demo"},"data":{"size":"1"}}"#)
        for desired in [changed, added, dropped] {
            #expect(!KubeObjectComparison.isUnchanged(desired: desired, live: live, manager: "rig"))
        }
        #expect(!KubeObjectComparison.isUnchanged(desired: dropped, live: live, manager: "someone-else"))
    }

    @Test("a field owned through a keyed list item counts as the list")
    func listsAreLeaves() throws {
        let fields = KubeFieldSet(fieldsV1: try Self.json(#"{"f:spec":{"f:containers":{"k:{\"name\":\"nats\"}":{".":{},"f:image":{}}},"f:replicas":{}}}"#))
        #expect(fields.paths == [["spec", "containers"], ["spec", "replicas"]])
        let applied = KubeFieldSet(appliedObject: try Self.json(#"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"n"},"spec":{"replicas":1,"containers":[{"name":"nats"}]}}"#))
        #expect(applied == fields)
    }

    @Test("the diff prunes server fields and names each changed field by path")
    func diff() throws {
        let before = try Self.json(Self.live)
        var after = before
        after.set("data", try Self.json(#"{"color":"purple","size":"2","app.kubernetes.io/name":"x"}"#))
        var metadata = after["metadata"] ?? .null
        metadata.set("resourceVersion", .string("74"))
        after.set("metadata", metadata)
        let changes = KubeObjectComparison.changes(from: before, to: after)
        #expect(changes.map(\.pathText) == ["data.size", #"data["app.kubernetes.io/name"]"#])
        #expect(changes.first?.before == .string("1"))
        #expect(changes.last?.before == nil)
    }

    @Test("lists of named items (containers, env) are diffed item by item; other lists, and a reordering, whole")
    func namedLists() throws {
        let before = try Self.json(#"{"spec":{"containers":[{"name":"web","image":"web:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},{"name":"log","image":"log:1"}],"args":["a","b"]}}"#)
        let after = try Self.json(#"{"spec":{"containers":[{"name":"web","image":"web:2","env":[{"name":"A","value":"1"},{"name":"B","value":"3"}]},{"name":"proxy","image":"proxy:1"}],"args":["a","c"]}}"#)
        let changes = KubeObjectComparison.changes(from: before, to: after)
        #expect(
            changes.map(\.pathText) == [
                "spec.containers[web].image", "spec.containers[web].env[B].value", "spec.containers[proxy]", "spec.containers[log]", "spec.args",
            ])
        #expect(changes.first?.after == .string("web:2"))
        #expect(changes[2].before == nil && changes[3].after == nil)
        let reordered = try Self.json(#"{"spec":{"containers":[{"name":"log","image":"log:1"},{"name":"web","image":"web:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}],"args":["a","b"]}}"#)
        #expect(KubeObjectComparison.changes(from: before, to: reordered).map(\.pathText) == ["spec.containers"], "order is a change too")
        #expect(KubeObjectComparison.changes(from: before, to: before).isEmpty)
    }

    @Test("built-in readiness and wait_condition read status as kubectl wait does")
    func readiness() throws {
        let deployment = try Self.json(#"{"kind":"Deployment","metadata":{"generation":2},"spec":{"replicas":2},"status":{"observedGeneration":2,"updatedReplicas":2,"availableReplicas":1}}"#)
        #expect(KubeReadiness.of(deployment) == .waiting("1/2 replicas available"))
        let stream = try Self.json(#"{"apiVersion":"jetstream.nats.io/v1beta2","kind":"Stream","metadata":{"generation":1},"status":{"conditions":[{"type":"Ready","status":"True","observedGeneration":1}]}}"#)
        #expect(KubeReadiness.of(stream).isReady)
        #expect(KubeReadiness.of(stream, condition: KubeWaitCondition(type: "Ready", status: "False")) == .waiting("condition Ready is True, not False"))
        let stale = try Self.json(#"{"kind":"X","metadata":{"generation":3},"status":{"conditions":[{"type":"Ready","status":"True","observedGeneration":2}]}}"#)
        #expect(!KubeReadiness.of(stale, condition: KubeWaitCondition(type: "Ready")).isReady)
    }
}
