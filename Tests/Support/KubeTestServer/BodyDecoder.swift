import YAML

/// Reads request bodies: JSON, or YAML where the content type allows it.
enum BodyDecoder {
    /// The body as an object (a mapping); 415 for protobuf, 400 for anything unreadable.
    static func object(_ request: APIRequest) throws(APIError) -> YAMLValue {
        let mediaType = request.bodyMediaType
        if mediaType.contains("protobuf") {
            // TODO(protobuf bodies): helm's release Secrets arrive as k8s\0 + runtime.Unknown.
            throw .status(.unsupportedBody(mediaType))
        }
        guard !request.body.isEmpty else { throw .status(.badRequest("the body of the request was empty")) }
        let value: YAMLValue
        do {
            value = try YAMLValue.parseJSON(request.body)
        } catch let jsonError {
            guard mediaType.contains("yaml") else {
                throw .status(.badRequest("couldn't get version/kind; json parse error: \(jsonError.description)"))
            }
            value = try yaml(request.body)
        }
        guard value.isMapping else {
            throw .status(.badRequest("the body of the request must be an object, not \(value.jsonText.prefix(40))"))
        }
        return value
    }

    private static func yaml(_ bytes: [UInt8]) throws(APIError) -> YAMLValue {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .status(.badRequest("error converting YAML to JSON: invalid UTF-8"))
        }
        let documents: [YAMLValue]
        do {
            documents = try YAMLLoader.loadValues(text, path: "body")
        } catch {
            throw .status(.badRequest("error converting YAML to JSON: \(error)"))
        }
        guard let first = documents.first else { throw .status(.badRequest("the body of the request was empty")) }
        return first
    }
}
