import Foundation
import Kube
import KubeHTTP

/// The live cluster clients for a run.
enum LiveKube {
    static func provider(environment: [String: String]) -> HTTPKubeClientProvider {
        HTTPKubeClientProvider(environment: environment, homeDirectory: environment["HOME"] ?? NSHomeDirectory())
    }

    static func shutdown(_ provider: HTTPKubeClientProvider) async {
        await provider.shutdown()
    }
}
