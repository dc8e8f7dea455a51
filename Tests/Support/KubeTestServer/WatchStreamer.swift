import NIOCore
import NIOHTTP1
import YAML

/// Streams watch events: first the selected objects as `ADDED` (for a watch list, then a
/// BOOKMARK marking their end), then changes as they happen (polled), until `timeoutSeconds` or
/// until the client goes away.
struct WatchStreamer: Sendable {
    let api: KubeAPI
    let plan: WatchPlan
    let channel: Channel
    static let pollInterval = Duration.milliseconds(50)

    func stream(_ outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>) async throws {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Transfer-Encoding", value: "chunked")
        try await outbound.write(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers)))
        let deadline = ContinuousClock.now + .seconds(plan.timeoutSeconds)
        var known: [String: (revision: Int, object: YAMLValue)] = [:]
        var first = true
        while ContinuousClock.now < deadline, channel.isActive, !Task.isCancelled {
            let snapshot = await api.watchSnapshot(plan)
            var events: [YAMLValue] = []
            for (key, entry) in snapshot.sorted(by: { $0.key < $1.key }) {
                if first, plan.sinceRevision > 0, entry.revision <= plan.sinceRevision {
                    known[key] = entry
                    continue
                }
                if let previous = known[key], previous.revision == entry.revision { continue }
                events.append(Self.event(known[key] == nil ? "ADDED" : "MODIFIED", entry.object))
                known[key] = entry
            }
            for (key, gone) in known where snapshot[key] == nil {
                events.append(Self.event("DELETED", gone.object))
                known[key] = nil
            }
            if first, plan.sendInitialEvents { events.append(Self.event("BOOKMARK", await api.initialEventsEnd(plan))) }
            first = false
            for event in events {
                try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: event.jsonBytes + [UInt8(ascii: "\n")]))))
            }
            try? await Task.sleep(for: Self.pollInterval)
        }
        try await outbound.write(.end(nil))
    }

    static func event(_ type: String, _ object: YAMLValue) -> YAMLValue {
        .object(["type": .string(type), "object": object])
    }
}
