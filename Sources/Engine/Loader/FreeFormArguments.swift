import Diagnostics
import YAML

/// Ansible's `module: key=value key2="two words"` form, and `shell: cmd chdir=/tmp`, turned into
/// the mapping the module would have been given.
package enum FreeFormArguments {
    /// Options `shell` and `command` accept inline after the command.
    static let commandOptions: Set<String> = ["chdir", "creates", "removes", "executable", "stdin", "stdin_add_newline", "strip_empty_ends"]

    /// The mapping for a scalar argument; `extra` pairs (from `args:`) are appended.
    static func mapping(_ node: YAMLNode, spec: ModuleSpec, extra: [YAMLNodePair]) -> YAMLNode {
        if node.pairs != nil || node.items != nil {
            return YAMLNode(content: .mapping((node.pairs ?? []) + extra), span: node.span)
        }
        guard case .scalar(let scalar) = node.content, case .string(let text) = scalar.value else {
            return extra.isEmpty ? node : YAMLNode(content: .mapping(extra), span: node.span)
        }
        var pairs: [YAMLNodePair] = []
        var raw: [String] = []
        for word in words(text) {
            if let equals = word.firstIndex(of: "="), word[..<equals].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !word[..<equals].isEmpty,
                !spec.freeForm || commandOptions.contains(String(word[..<equals]))
            {
                pairs.append(pair(String(word[..<equals]), String(word[word.index(after: equals)...]), scalar, node.span))
            } else {
                raw.append(word)
            }
        }
        if spec.freeForm {
            // Keep the command as written, minus the inline options.
            let command = pairs.isEmpty ? text : raw.joined(separator: " ")
            pairs.insert(pair("_raw_params", command, scalar, node.span), at: 0)
        } else if !raw.isEmpty {
            pairs.append(pair("_raw_params", raw.joined(separator: " "), scalar, node.span))
        }
        return YAMLNode(content: .mapping(pairs + extra), span: node.span)
    }

    private static func pair(_ key: String, _ value: String, _ scalar: YAMLScalar, _ span: SourceSpan) -> YAMLNodePair {
        func node(_ text: String) -> YAMLNode {
            YAMLNode(content: .scalar(YAMLScalar(value: .string(text), text: text, style: .plain, contentStart: scalar.contentStart)), span: span)
        }
        return YAMLNodePair(key: node(key), value: node(value))
    }

    /// Splits on spaces outside quotes and `{{ … }}`, keeping quotes out of values (`msg="a b"`).
    package static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var braces = 0
        var previous: Character = " "
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"", braces == 0 {
                quote = character
            } else if character == "{", previous == "{" {
                braces += 1
                current.append(character)
            } else if character == "}", previous == "}", braces > 0 {
                braces -= 1
                current.append(character)
            } else if character == " ", braces == 0 {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
