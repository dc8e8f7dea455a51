import Kube

// The live KubeClient over async-http-client and NIOSSL comes here (issue 4).
