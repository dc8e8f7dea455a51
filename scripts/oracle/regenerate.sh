#!/usr/bin/env bash
# Regenerate every expected output of the rig oracle corpus with real ansible-core.
#
#   scripts/oracle/regenerate.sh              # all template cases + expressions
#   scripts/oracle/regenerate.sh CASE...      # only these template cases
#   scripts/oracle/regenerate.sh --keep-workdir   # keep the scratch playbooks/results
#
# The virtualenv lives outside the repo: $RIG_ORACLE_VENV (default /tmp/rig-oracle-venv).
# It is created and populated from requirements.txt when missing or out of date.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${RIG_ORACLE_VENV:-/tmp/rig-oracle-venv}"
python="${RIG_ORACLE_PYTHON:-python3}"
req="$here/requirements.txt"
stamp="$venv/.rig-oracle-requirements"

if [ ! -x "$venv/bin/python" ]; then
    echo "oracle: creating virtualenv $venv" >&2
    "$python" -m venv "$venv"
fi
if [ ! -f "$stamp" ] || ! cmp -s "$req" "$stamp" || [ ! -x "$venv/bin/ansible-playbook" ]; then
    echo "oracle: installing $(grep -v '^#' "$req" | tr '\n' ' ')into $venv" >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req"
    cp "$req" "$stamp"
fi

start=$(date +%s)
"$venv/bin/python" "$here/oracle.py" "$@"
echo "oracle: total $(( $(date +%s) - start ))s" >&2
