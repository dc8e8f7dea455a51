/// One thing `destroy` undoes, as the walk collected it; `destroy` goes through them last first.
enum DestroyStep {
    case kube(DestroyTarget)
    case helm(HelmDestroyTarget)
    case jetStream(JetStreamDestroyTarget)
}
