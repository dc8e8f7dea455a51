import YAML

/// Reads request bodies: JSON, YAML where the content type allows it, and the protobuf kinds
/// ``ProtobufBody`` decodes.
enum BodyDecoder {
    /// The body as an object (a mapping); 415 for a protobuf kind the server does not decode,
    /// 400 for anything unreadable.
    static func object(_ request: APIRequest) throws(APIError) -> YAMLValue {
        let mediaType = request.bodyMediaType
        if mediaType == "application/vnd.kubernetes.protobuf" { return try protobuf(request.body) }
        if mediaType.contains("protobuf") { throw .status(.unsupportedBody(mediaType)) }
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

    private static func protobuf(_ body: [UInt8]) throws(APIError) -> YAMLValue {
        switch Result(catching: { () throws(ProtobufError) -> YAMLValue in try ProtobufBody.object(body) }) {
        case .success(let object):
            return object
        case .failure(let error) where error.code == .unsupportedKind:
            throw .status(.unsupportedBody("application/vnd.kubernetes.protobuf (\(error.reason))"))
        case .failure(let error):
            throw .status(.badRequest("unable to decode the protobuf body: \(error.reason)"))
        }
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
