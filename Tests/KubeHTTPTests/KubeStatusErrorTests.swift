import Kube
import Testing
import YAML

@Suite("API server Status bodies become hinted errors")
struct KubeStatusErrorTests {
    let configMap = KubeObjectReference(apiVersion: "v1", kind: "ConfigMap", name: "rig-demo", namespace: "messaging")

    func answer(_ number: String, object: KubeObjectReference?, verb: String = "patch") throws -> KubeError {
        let exchange = try RecordedExchange(number)
        return KubeError.fromResponse(
            statusCode: exchange.status, body: exchange.body, contentType: exchange.contentType, object: object, verb: verb)
    }

    @Test("403 Forbidden names the verb, the resource and the namespace for RBAC")
    func forbidden() {
        // Shaped as kube-apiserver writes it; no recording has a 403 (the recorded server allowed everything).
        let body = #"""
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"configmaps \"rig-demo\" is forbidden: User \"system:serviceaccount:ci:deployer\" cannot patch resource \"configmaps\" in API group \"\" in the namespace \"messaging\"","reason":"Forbidden","details":{"name":"rig-demo","kind":"configmaps"},"code":403}
            """#
        let error = KubeError.fromResponse(
            statusCode: 403, body: Array(body.utf8), contentType: "application/json", object: configMap, verb: "patch")
        #expect(error.code == "kube.status")
        #expect(error.reason == "Forbidden")
        #expect(error.message.hasPrefix("configmaps \"rig-demo\" is forbidden: User"))
        #expect(
            error.hint
                == "the user may not patch configmaps in namespace messaging: grant it with an RBAC Role or ClusterRole binding, "
                + "or use a context with more rights")
        #expect(error.description.hasPrefix("messaging/rig-demo ConfigMap: configmaps"))
    }

    @Test("401 says the credentials were not accepted")
    func unauthorized() {
        let body = #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}"#
        let error = KubeError.fromResponse(statusCode: 401, body: Array(body.utf8), contentType: "application/json", object: nil)
        #expect(error.reason == "Unauthorized")
        #expect(error.hint?.hasPrefix("the cluster did not accept rig's credentials") == true)
    }

    @Test("404 for a missing namespace says to create the namespace first")
    func missingNamespace() throws {
        let ghost = KubeObjectReference(apiVersion: "v1", kind: "ConfigMap", name: "rig-demo", namespace: "ghost")
        let error = try answer("18", object: ghost)
        #expect(error.statusCode == 404)
        #expect(error.reason == "NotFound")
        #expect(error.message == "namespaces \"ghost\" not found")
        #expect(
            error.hint == "namespace 'ghost' does not exist: create the namespace first, e.g. with a k8s task earlier in the play")
    }

    @Test("404 for the object itself carries no namespace hint")
    func plainNotFound() throws {
        let namespace = KubeObjectReference(apiVersion: "v1", kind: "Namespace", name: "nope", namespace: nil)
        let error = try answer("17", object: namespace, verb: "get")
        #expect(error.reason == "NotFound")
        #expect(error.hint == nil)
    }

    @Test("404 text/plain for an unserved group says the kind's CRD is not installed")
    func groupNotServed() throws {
        let stream = KubeObjectReference(apiVersion: "jetstream.nats.io/v1beta2", kind: "Stream", name: "orders", namespace: "messaging")
        let error = try answer("35", object: stream)
        #expect(error.statusCode == 404)
        #expect(error.message == "the server does not serve jetstream.nats.io/v1beta2")
        #expect(error.hint?.hasPrefix("the kind's CRD is not installed") == true)
        #expect(error.description.hasPrefix("messaging/orders Stream: "))
    }

    @Test("409 FieldManagerConflict names the other manager and force_conflicts")
    func fieldManagerConflict() throws {
        let error = try answer("25", object: configMap)
        #expect(error.statusCode == 409)
        #expect(error.reason == "Conflict")
        #expect(error.causes == [KubeStatusCause(field: ".data.color", reason: "FieldManagerConflict", message: "conflict with \"rig\"")])
        #expect(
            error.hint
                == ".data.color is managed by \"rig\": set force_conflicts: true on the task to take the fields over, or stop setting them")
    }

    @Test("409 AlreadyExists and 409 Conflict get their own hints")
    func conflicts() throws {
        let exists = try answer("15", object: KubeObjectReference(apiVersion: "v1", kind: "Namespace", name: "messaging", namespace: nil))
        #expect(exists.reason == "AlreadyExists")
        #expect(exists.hint?.hasPrefix("the object already exists") == true)
        let stale = try answer("53", object: KubeObjectReference(apiVersion: "v1", kind: "Secret", name: "rig-secret", namespace: "messaging"))
        #expect(stale.reason == "Conflict")
        #expect(stale.hint == "the object was changed by someone else while rig wrote it; run again")
    }

    @Test("422 Invalid lists every field with its cause")
    func invalid() throws {
        let stream = KubeObjectReference(apiVersion: "jetstream.nats.io/v1beta2", kind: "Stream", name: "bad", namespace: "messaging")
        let error = try answer("48", object: stream)
        #expect(error.reason == "Invalid")
        #expect(error.causes.map(\.field) == ["spec.retention", "spec.storage"])
        #expect(error.hint == "fix these fields: spec.retention, spec.storage")
        #expect(error.description.contains("\n  spec.storage: Unsupported value: \"floppy\""))
        let missingManager = try answer("34", object: configMap)
        #expect(missingManager.hint == "fix these fields: fieldManager")
    }

    @Test("415 says the content type was refused")
    func unsupportedMediaType() throws {
        let error = try answer("33", object: configMap)
        #expect(error.reason == "UnsupportedMediaType")
        #expect(error.hint?.contains("content type") == true)
    }

    @Test("an answer that is not a Status (a proxy's HTML) keeps the status and a short text")
    func notAStatus() {
        let error = KubeError.fromResponse(
            statusCode: 502, body: Array("<html>\nBad Gateway\n</html>".utf8), contentType: "text/html", object: configMap)
        #expect(error.statusCode == 502)
        #expect(error.message == "the server answered 502: <html> Bad Gateway </html>")
        #expect(error.hint?.contains("retried") == true)
    }
}
