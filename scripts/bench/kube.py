#!/usr/bin/env python3
"""rig against kubectl: a no-op re-apply of N objects to the same API server, same run.

Starts the in-repo test API server (kube-test-apiserver), creates N ConfigMaps with each tool
(rig in namespace bench-rig, kubectl in bench-kubectl, so neither owns the other's fields), then
times the second, no-op apply of each: `rig apply` of a playbook with one k8s task declaring the
N objects, and `kubectl apply --server-side -f` of the same objects as one file. Prints medians,
the ratio, and the requests each tool sent per object (from the server's own request log).

Needs release builds of rig and kube-test-apiserver, and kubectl (scripts/setup.sh installs
kubectl 1.34 into .tools/bin).
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


class Server:
    def __init__(self, binary, kubeconfig):
        self.process = subprocess.Popen(
            [binary, "--kubeconfig", kubeconfig], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("ready "):
            raise SystemExit(f"kube-test-apiserver did not start: {line!r}")

    def count(self):
        """Requests since the last count."""
        self.process.stdin.write("count\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline().split()
        return int(line[1])

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


def timed(command, runs, env):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def configmaps(namespace, count):
    documents = [f"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {namespace}\n"]
    for index in range(count):
        documents.append(
            f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-{index:03d}\n  namespace: {namespace}\n"
            f"  labels:\n    app.kubernetes.io/part-of: bench\ndata:\n  index: \"{index}\"\n  color: blue\n")
    return "---\n".join(documents)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--objects", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--kubectl", default=os.environ.get("RIG_KUBECTL", os.path.join(REPO, ".tools/bin/kubectl")))
    args = parser.parse_args()
    rig = os.path.join(REPO, ".build/release/rig")
    apiserver = os.path.join(REPO, ".build/release/kube-test-apiserver")
    for path in (rig, apiserver, args.kubectl):
        if not os.access(path, os.X_OK):
            raise SystemExit(f"missing {path}: run scripts/setup.sh and `swift build -c release`")
    with tempfile.TemporaryDirectory() as work:
        kubeconfig = os.path.join(work, "kubeconfig")
        env = dict(os.environ, HOME=work, KUBECONFIG=kubeconfig)
        server = Server(apiserver, kubeconfig)
        try:
            with open(os.path.join(work, "objects-rig.yaml"), "w") as f:
                f.write(configmaps("bench-rig", args.objects))
            with open(os.path.join(work, "objects-kubectl.yaml"), "w") as f:
                f.write(configmaps("bench-kubectl", args.objects))
            with open(os.path.join(work, "play.yaml"), "w") as f:
                f.write("- hosts: localhost\n  tasks:\n    - name: objects\n      k8s: {src: objects-rig.yaml}\n")
            rig_command = [rig, "apply", os.path.join(work, "play.yaml"), "--kubeconfig", kubeconfig, "--context", "test"]
            kubectl_command = [args.kubectl, "apply", "--server-side", "-f", os.path.join(work, "objects-kubectl.yaml")]
            subprocess.run(rig_command, env=env, check=True, stdout=subprocess.DEVNULL)
            subprocess.run(kubectl_command, env=env, check=True, stdout=subprocess.DEVNULL)
            server.count()
            subprocess.run(rig_command, env=env, check=True, stdout=subprocess.DEVNULL)
            rig_requests = server.count()
            subprocess.run(kubectl_command, env=env, check=True, stdout=subprocess.DEVNULL)
            kubectl_requests = server.count()
            rig_time = timed(rig_command, args.runs, env)
            kubectl_time = timed(kubectl_command, args.runs, env)
        finally:
            server.stop()
    objects = args.objects + 1
    print(f"no-op re-apply of {objects} objects (1 Namespace + {args.objects} ConfigMaps), median of {args.runs} runs")
    print(f"  rig apply                 {rig_time * 1000:8.1f} ms   {rig_requests / objects:.2f} requests/object ({rig_requests})")
    print(f"  kubectl apply --server-side {kubectl_time * 1000:6.1f} ms   {kubectl_requests / objects:.2f} requests/object ({kubectl_requests})")
    print(f"  rig is {kubectl_time / rig_time:.1f}x faster")


if __name__ == "__main__":
    main()
