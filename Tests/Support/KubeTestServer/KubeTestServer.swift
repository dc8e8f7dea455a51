// The in-repo Kubernetes test API server comes here (issue 4, DESIGN §6).
