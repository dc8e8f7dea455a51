#!/usr/bin/env python3
"""rig against ansible-playbook with kubernetes.core's helm module: a no-op run of three releases.

Starts the in-repo test API server (kube-test-apiserver) and writes a kubeconfig. One playbook,
run unchanged by both tools, declares three releases `a`, `b`, `c` of the local test chart
(Tests/HelmTests/Fixtures/charts/demo) in one namespace: rig in bench-rig, ansible-playbook in
bench-ansible, so neither sees the other's releases. `helm` is a wrapper script (first on PATH,
rig's RIG_HELM and the task's binary_path) that logs the subcommand of every helm process, then
runs the real helm. The first run of each tool installs (setup, not measured); then several no-op
runs of each are timed. Prints median wall times, helm processes per release, whether each tool
reported changed=0, and the ratio.

Ansible is installed on demand into .tools/ansible-venv (ignored by git) from PyPI: the `ansible`
package bundles kubernetes.core. Both tools run helm 3.17 (.tools/bin/helm3, or --helm): kubernetes.core
6.x asks `helm list --all` on a release that exists, and helm 4 has no `--all`, so Ansible's no-op
run fails on helm 4. Needs release builds of rig and kube-test-apiserver, and helm 3 (scripts/setup.sh).
"""
import argparse
import collections
import os
import re
import statistics
import subprocess
import tempfile
import time

from kube import Server  # the test API server, started the same way for every benchmark

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
VENV = os.path.join(REPO, ".tools", "ansible-venv")
RELEASES = ("a", "b", "c")

PLAY = """- hosts: localhost
  gather_facts: false
  tasks:
""" + "".join(f"""    - name: release {name}
      kubernetes.core.helm:
        name: {name}
        chart_ref: "{{{{ chart }}}}"
        release_namespace: "{{{{ release_namespace }}}}"
        create_namespace: true
        kubeconfig: "{{{{ kubeconfig }}}}"
        context: test
        binary_path: "{{{{ helm }}}}"
        values: {{replicas: 1, color: {name}-blue}}
""" for name in RELEASES)


def ensure_ansible(requested):
    """ansible-playbook from the given path, else from .tools/ansible-venv, installed on first use."""
    if requested:
        return os.path.abspath(requested)
    playbook = os.path.join(VENV, "bin", "ansible-playbook")
    if not os.access(playbook, os.X_OK):
        print(f"installing ansible (with kubernetes.core) into {os.path.relpath(VENV, REPO)} ...", flush=True)
        subprocess.run(["python3", "-m", "venv", VENV], check=True)
        subprocess.run([os.path.join(VENV, "bin", "pip"), "install", "-q", "ansible-core==2.19.14", "ansible>=12,<13"], check=True)
    return playbook


def collection_version(ansible_playbook):
    python = os.path.join(os.path.dirname(ansible_playbook), "python")
    code = ("import json, ansible_collections.kubernetes.core as c, os;"
            "print(json.load(open(os.path.join(list(c.__path__)[0], 'MANIFEST.json')))['collection_info']['version'])")
    result = subprocess.run([python, "-c", code], capture_output=True, text=True)
    return result.stdout.strip() or "?"


def wrapper(work, helm):
    """A `helm` that logs its subcommand (never its other arguments) and runs the real one."""
    folder = os.path.join(work, "wrapper")
    os.makedirs(folder)
    log = os.path.join(work, "helm.log")
    path = os.path.join(folder, "helm")
    with open(path, "w") as f:
        f.write(f"#!/bin/sh\necho \"$1\" >> '{log}'\nexec '{helm}' \"$@\"\n")
    os.chmod(path, 0o755)
    return path, log


def run(command, env, cwd):
    """Runs once; wall time and the recap's changed count from its output."""
    start = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    changed = [int(found) for found in re.findall(r"changed=(\d+)", result.stdout)]
    return elapsed, (changed[-1] if changed else None)


def measure(command, runs, env, cwd, log):
    """Median wall time, helm processes of each run, subcommands of the first, changed of each run."""
    times, processes, changed, first = [], [], [], None
    for _ in range(runs):
        open(log, "w").close()
        elapsed, count = run(command, env, cwd)
        with open(log) as f:
            calls = [line.strip() for line in f if line.strip()]
        first = first or collections.Counter(calls)
        times.append(elapsed)
        processes.append(len(calls))
        changed.append(count)
    return statistics.median(times), processes, first or collections.Counter(), changed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rig", default=os.path.join(REPO, ".build/release/rig"))
    parser.add_argument("--apiserver", default=os.path.join(REPO, ".build/release/kube-test-apiserver"))
    # kubernetes.core 6.x runs `helm list --all`, which helm 4 no longer has: its no-op run fails on helm 4.
    parser.add_argument("--helm", default=os.environ.get("RIG_HELM3", os.path.join(REPO, ".tools/bin/helm3")))
    parser.add_argument("--ansible-playbook", help="default: .tools/ansible-venv, installed on first use")
    args = parser.parse_args()
    args.rig, args.apiserver, args.helm = (os.path.abspath(path) for path in (args.rig, args.apiserver, args.helm))
    for path in (args.rig, args.apiserver, args.helm):
        if not os.access(path, os.X_OK):
            raise SystemExit(f"missing {path}: run scripts/setup.sh and `swift build -c release`")
    ansible_playbook = ensure_ansible(args.ansible_playbook)
    helm_version = subprocess.run([args.helm, "version", "--short"], capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as work:
        kubeconfig = os.path.join(work, "kubeconfig")
        helm, log = wrapper(work, args.helm)
        env = dict(os.environ, HOME=work, KUBECONFIG=kubeconfig, RIG_HELM=helm,
                   PATH=os.path.dirname(helm) + os.pathsep + os.environ.get("PATH", ""),
                   HELM_CACHE_HOME=os.path.join(work, "helm-cache"), HELM_CONFIG_HOME=os.path.join(work, "helm-config"),
                   HELM_DATA_HOME=os.path.join(work, "helm-data"), ANSIBLE_LOCALHOST_WARNING="False",
                   ANSIBLE_INVENTORY_UNPARSED_WARNING="False", ANSIBLE_DEPRECATION_WARNINGS="False",
                   ANSIBLE_LOCAL_TEMP=os.path.join(work, "ansible-tmp"), ANSIBLE_REMOTE_TEMP=os.path.join(work, "ansible-tmp"))
        env.pop("ANSIBLE_CONFIG", None)
        play = os.path.join(work, "play.yaml")
        with open(play, "w") as f:
            f.write(PLAY)
        chart = os.path.join(REPO, "Tests/HelmTests/Fixtures/charts/demo")
        common = ["-e", f"chart={chart}", "-e", f"kubeconfig={kubeconfig}", "-e", f"helm={helm}"]
        rig_command = [args.rig, "apply", play, "-e", "release_namespace=bench-rig", *common, "--no-color"]
        ansible_command = [ansible_playbook, "-i", "localhost,", "-c", "local", play, "-e", "release_namespace=bench-ansible", *common,
                           "-e", f"ansible_python_interpreter={os.path.join(os.path.dirname(ansible_playbook), 'python')}"]
        server = Server(args.apiserver, kubeconfig)
        try:
            run(rig_command, env, work)
            run(ansible_command, env, work)
            rig = measure(rig_command, args.runs, env, work, log)
            ansible = measure(ansible_command, args.runs, env, work, log)
        finally:
            server.stop()
    releases = len(RELEASES)
    print(f"no-op run of {releases} helm releases (local chart demo, {helm_version}, test API server), median of {args.runs} runs")

    def line(name, result):
        median, processes, calls, changed = result
        detail = ", ".join(f"{verb} {count}" for verb, count in sorted(calls.items())) or "none"
        states = sorted(set(changed), key=str)
        said = f"changed={states[0]}" if len(states) == 1 else "changed=" + "/".join(map(str, states))
        per_release = statistics.median(processes) / releases
        print(f"  {name:<40} {median * 1000:8.1f} ms   {per_release:5.2f} helm processes/release ({detail})   {said}")
    line("rig apply", rig)
    line(f"ansible-playbook (kubernetes.core {collection_version(ansible_playbook)})", ansible)
    print(f"  rig is {ansible[0] / rig[0]:.1f}x faster")


if __name__ == "__main__":
    main()
