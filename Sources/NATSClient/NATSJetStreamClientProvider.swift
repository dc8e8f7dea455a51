import JetStream
import NIOCore
import NIOPosix

/// The live provider: one connection per distinct set of connection options, opened on first
/// use and opened again when the previous one has gone away.
package actor NATSJetStreamClientProvider: JetStreamClientProvider {
    private var clients: [NATSConnectionOptions: NATSJetStreamClient] = [:]
    private let group: any EventLoopGroup

    package init(group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.group = group
    }

    package func client(for options: NATSConnectionOptions) async throws(JetStreamError) -> any JetStreamClient {
        if let existing = clients[options], await existing.connection.failure == nil { return existing }
        let connection = try await NATSConnection.connect(options, group: group)
        let client = NATSJetStreamClient(connection: connection, timeout: options.requestTimeout)
        clients[options] = client
        return client
    }

    package func shutdown() async {
        for client in clients.values { await client.connection.close() }
        clients = [:]
    }
}
