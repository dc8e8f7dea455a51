// Runs the test API server as a process, for benchmarks and manual kubectl sessions (issue 4).
