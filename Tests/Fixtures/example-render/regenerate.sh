#!/usr/bin/env bash
# Regenerates the expected renderings of the example role's templates with real Ansible.
#
# Optional and offline: CI never runs this, it only compares against the committed files. Run it
# by hand after changing env/*.yaml or roles/messaging/templates/*.j2, and commit the result.
#
# Needs ansible-core (2.19) in a virtualenv, by default /tmp/rig-oracle-venv (override with
# ORACLE_VENV=...). No cluster and no collections are needed: only ansible.builtin is used.
#
# For each environment it writes into Tests/Fixtures/example-render/<env>/:
#   vars.yaml                 the variables the templates saw: env/properties.yaml, deep-merged with
#                             env/<env>.yaml (mappings merged key by key, lists and scalars
#                             replaced), as rig --env <env> does; <env> "properties" is the file alone
#   <template>                what ansible.builtin.template renders from roles/messaging/templates/<template>
#   <template>.json           lookup('template', <template>) | from_yaml, as the role's tasks pass it
#                             to the modules, as JSON
#   stream.yaml.j2@<key>      (and .json) one per entry of `streams`, with the loop variable
#                             stream = that entry of `streams | dict2items`, as in the role
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
venv="${ORACLE_VENV:-/tmp/rig-oracle-venv}"
[ -x "$venv/bin/ansible-playbook" ] || { echo "no ansible-playbook in $venv (set ORACLE_VENV)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat >"$work/render.yaml" <<'PLAYBOOK'
- name: render the messaging role's templates
  hosts: localhost
  gather_facts: false
  vars_files:
    - "{{ vars_file }}"
  tasks:
    - name: render values templates
      ansible.builtin.template:
        src: "{{ templates }}/{{ item }}"
        dest: "{{ out }}/{{ item }}"
        mode: "0644"
      loop: [nats-values.yaml.j2, nack-values.yaml.j2]

    - name: parse values templates as the role does
      ansible.builtin.copy:
        content: "{{ lookup('template', templates ~ '/' ~ item) | from_yaml | to_nice_json(indent=2, sort_keys=False) }}\n"
        dest: "{{ out }}/{{ item }}.json"
        mode: "0644"
      loop: [nats-values.yaml.j2, nack-values.yaml.j2]

    - name: render one stream per entry of streams
      ansible.builtin.template:
        src: "{{ templates }}/stream.yaml.j2"
        dest: "{{ out }}/stream.yaml.j2@{{ stream.key }}"
        mode: "0644"
      loop: "{{ streams | dict2items }}"
      loop_control:
        loop_var: stream

    - name: parse stream templates as the role does
      ansible.builtin.copy:
        content: "{{ lookup('template', templates ~ '/stream.yaml.j2') | from_yaml | to_nice_json(indent=2, sort_keys=False) }}\n"
        dest: "{{ out }}/stream.yaml.j2@{{ stream.key }}.json"
        mode: "0644"
      loop: "{{ streams | dict2items }}"
      loop_control:
        loop_var: stream
PLAYBOOK

for env in properties local staging; do
  out="$here/$env"
  rm -rf "$out"
  mkdir -p "$out"
  "$venv/bin/python" - "$repo/env/properties.yaml" "$env" "$repo/env/$env.yaml" "$out/vars.yaml" <<'PY'
import sys, yaml

def merge(base, over):
    if isinstance(base, dict) and isinstance(over, dict):
        merged = dict(base)
        for key, value in over.items():
            merged[key] = merge(base[key], value) if key in base else value
        return merged
    return over

base_file, env, overlay_file, dest = sys.argv[1:]
with open(base_file) as f:
    merged = yaml.safe_load(f)
if env != "properties":
    with open(overlay_file) as f:
        merged = merge(merged, yaml.safe_load(f) or {})
with open(dest, "w") as f:
    f.write(f"# env/properties.yaml{'' if env == 'properties' else ' deep-merged with env/' + env + '.yaml'}"
            " (written by regenerate.sh)\n")
    yaml.safe_dump(merged, f, sort_keys=False, default_flow_style=False)
PY
  (cd "$work" && ANSIBLE_LOCALHOST_WARNING=false ANSIBLE_INVENTORY_UNPARSED_WARNING=false \
    "$venv/bin/ansible-playbook" "$work/render.yaml" \
      -e "vars_file=$out/vars.yaml" -e "templates=$repo/roles/messaging/templates" -e "out=$out" >"$work/$env.log") \
    || { cat "$work/$env.log" >&2; exit 1; }
  echo "rendered $env: $(ls "$out" | tr '\n' ' ')"
done
