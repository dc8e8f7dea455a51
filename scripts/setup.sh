#!/usr/bin/env bash
# Installs what rig's build, tests and benchmarks need on a fresh Debian machine, then builds.
# Idempotent: run it as often as you like. Downloaded tools go to .tools/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v swift >/dev/null || { echo "setup: swift is not on PATH (rig needs Swift 6.1 or newer)" >&2; exit 1; }
command -v python3 >/dev/null || need_apt+=(python3)
command -v make >/dev/null || need_apt+=(make)
if [ "${#need_apt[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${need_apt[@]}"
  else
    echo "setup: please install: ${need_apt[*]}" >&2; exit 1
  fi
fi

# Benchmarks compare against Python Jinja2 (the engine Ansible uses); tests do not need it.
if [ "${RIG_SETUP_BENCH:-0}" = 1 ]; then
  python3 -c 'import jinja2, yaml' 2>/dev/null || python3 -m pip install -q 'Jinja2>=3.1' PyYAML
fi

swift build -c "${RIG_BUILD_CONFIGURATION:-release}" --product rig
