import Helm
import JetStream
import Kube

extension ModuleFailure {
    /// Any error as a task's failure: the ports' errors keep their codes and hints; anything
    /// else (a process that could not start, a file that could not be read) says what it was.
    static func from(_ error: any Error) -> ModuleFailure {
        switch error {
        case let failure as ModuleFailure: failure
        case let error as KubeError: ModuleFailure(error)
        case let error as JetStreamError: ModuleFailure(error)
        case let error as HelmError: ModuleFailure(error)
        default: ModuleFailure(message: .string(String(describing: error)))
        }
    }
}
