#!/usr/bin/env python3
"""rig against ansible-playbook on the same playbooks, same machine, same run.

1. The example: `rig render playbooks/local-dev-messaging.yaml --env local` against
   ansible-playbook rendering the same three templates through the same role's templates folder
   (lookup('template') | from_yaml, with the stream loop), with the same property files. Ansible
   cannot render the kubernetes.core tasks offline, so its side does strictly less work.
2. A generated playbook of N debug tasks that each render a template expression (loops,
   filters, a lookup), run by both tools unchanged (`rig render` runs debug tasks).

Prints wall-clock medians and ratios. Needs ansible-core (the oracle venv by default).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def timed(command, runs, cwd, env=None):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def example_ansible_side(workdir):
    role = os.path.join(workdir, "roles", "messaging_render")
    os.makedirs(os.path.join(role, "tasks"))
    os.symlink(os.path.join(REPO, "roles", "messaging", "templates"), os.path.join(role, "templates"))
    with open(os.path.join(role, "tasks", "main.yaml"), "w") as f:
        f.write("""- debug: {msg: "{{ lookup('template', 'nats-values.yaml.j2') | from_yaml }}"}
- debug: {msg: "{{ lookup('template', 'nack-values.yaml.j2') | from_yaml }}"}
- debug: {msg: "{{ lookup('template', 'stream.yaml.j2') | from_yaml }}"}
  loop: "{{ streams | dict2items }}"
  loop_control: {loop_var: stream}
""")
    merged = os.path.join(workdir, "local-merged.yaml")
    # rig deep-merges --env over vars_files; Ansible is given the same merge (hash_behaviour=merge).
    with open(os.path.join(workdir, "play.yaml"), "w") as f:
        f.write(f"""- hosts: localhost
  gather_facts: false
  vars_files: ["{REPO}/env/properties.yaml"]
  roles: [messaging_render]
""")
    shutil.copy(os.path.join(REPO, "env", "local.yaml"), merged)
    return ["play.yaml", "-e", "@" + merged]


def generated_playbook(path, tasks):
    with open(path, "w") as f:
        f.write("- hosts: localhost\n  gather_facts: false\n  vars:\n    items: [a, b, c, d, e]\n    base: {replicas: 3, name: nats}\n  tasks:\n")
        for index in range(tasks):
            f.write(f"""    - name: task {index}
      debug:
        msg: "{{{{ base.name }}}}-{index}: {{{{ items | map('upper') | join(',') }}}} {{{{ (base.replicas * {index}) | string }}}} {{{{ 'x' if {index} is even else 'y' }}}}"
""")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rig", default=os.path.join(REPO, ".build/release/rig"))
    parser.add_argument("--ansible-playbook", default="/tmp/rig-oracle-venv/bin/ansible-playbook")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tasks", type=int, default=500)
    args = parser.parse_args()
    env = dict(os.environ, ANSIBLE_HASH_BEHAVIOUR="merge", ANSIBLE_LOCALHOST_WARNING="False",
               ANSIBLE_INVENTORY_UNPARSED_WARNING="False", ANSIBLE_DEPRECATION_WARNINGS="False")
    ansible = [args.ansible_playbook, "-i", "localhost,", "-c", "local"]
    with tempfile.TemporaryDirectory() as workdir:
        ansible_args = example_ansible_side(workdir)
        rig_time = timed([args.rig, "render", "playbooks/local-dev-messaging.yaml", "--env", "local"], args.runs, REPO)
        ansible_time = timed(ansible + ansible_args, args.runs, workdir, env)
        print(f"example render: rig {rig_time * 1000:.0f} ms, ansible-playbook {ansible_time * 1000:.0f} ms "
              f"(templates only) -> rig is {ansible_time / rig_time:.0f}x faster")
        for tasks in (10, 100, args.tasks):
            path = os.path.join(workdir, f"gen-{tasks}.yaml")
            generated_playbook(path, tasks)
            rig_time = timed([args.rig, "render", path], args.runs, workdir)
            ansible_time = timed(ansible + [path], args.runs, workdir, env)
            print(f"{tasks:4d} debug tasks:  rig {rig_time * 1000:6.0f} ms, ansible-playbook {ansible_time * 1000:6.0f} ms "
                  f"-> rig is {ansible_time / rig_time:.0f}x faster")


if __name__ == "__main__":
    main()
