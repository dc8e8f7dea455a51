import Diagnostics
import OrderedCollections
import Template
import YAML

/// Turns located YAML into values, rendering every string that holds a template with the
/// native-results rule; template errors point into the YAML file.
struct NodeTemplater {
    let environment: TemplateEnvironment
    let variables: any VariableSource

    func value(_ node: YAMLNode) throws(TemplateError) -> Value {
        switch node.content {
        case .scalar(let scalar):
            guard case .string(let text) = scalar.value, text.mayContainTemplate else { return Value(yaml: scalar.value) }
            if node.isUnsafe { return .string(text) }
            let origin = scalar.style == .plain || scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? scalar.contentStart : node.span.start
            let template = try environment.parse(text, path: node.span.path, origin: origin)
            return try environment.renderNative(template, variables: variables)
        case .sequence(let items):
            var values: [Value] = []
            for item in items {
                let rendered = try value(item)
                if !rendered.isOmit { values.append(rendered) }
            }
            return .list(values)
        case .mapping(let pairs):
            var dict = OrderedDictionary<Value, Value>()
            for pair in pairs {
                let rendered = try value(pair.value)
                if rendered.isOmit { continue }
                dict[try value(pair.key)] = rendered
            }
            return .dict(dict)
        }
    }

    /// A `when:`/`changed_when:`-style condition: a bare expression that must give a boolean.
    func condition(_ node: YAMLNode) throws(TemplateError) -> Bool {
        if case .scalar(let scalar) = node.content, case .bool(let bool) = scalar.value { return bool }
        guard case .scalar(let scalar) = node.content, case .string(let text) = scalar.value else {
            throw TemplateError(.type, "a condition must be an expression, not \(node.kindDescription)", span: node.span)
        }
        var plain = environment
        plain.options.escapeBackslashes = false
        var result: Value
        if text.mayContainTemplate {
            // Ansible still accepts `when: "{{ x }}"`, templating first.
            let template = try plain.parse(text, path: node.span.path, origin: scalar.contentStart)
            result = try plain.renderNative(template, variables: variables)
        } else {
            result = try plain.evaluate(expression: text, path: node.span.path, origin: scalar.contentStart, variables: variables)
        }
        guard case .bool(let bool) = result else {
            throw TemplateError(
                .type, "the condition '\(text)' gave \(result.typeName) \(result.pythonRepr()), not a boolean", span: node.span,
                hint: "compare explicitly, e.g. `x | length > 0` or `x | bool`")
        }
        return bool
    }
}

extension String {
    var mayContainTemplate: Bool { mayBeTemplate }
}
