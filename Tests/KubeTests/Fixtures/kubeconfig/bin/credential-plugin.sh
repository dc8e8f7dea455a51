#!/bin/sh
# A stand-in for `aws eks get-token` & co.: counts its runs in the file named after --count,
# checks that KUBERNETES_EXEC_INFO is there, and prints an ExecCredential whose apiVersion and
# expiry come from the environment.
set -eu
count_file=""
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count_file="$2"; shift 2 ;;
    *) shift ;;
  esac
done
if [ -n "$count_file" ]; then echo run >> "$count_file"; fi
if [ -z "${KUBERNETES_EXEC_INFO:-}" ]; then echo "KUBERNETES_EXEC_INFO is not set" >&2; exit 3; fi
if [ -n "${EXEC_INFO_COPY:-}" ]; then printf '%s' "$KUBERNETES_EXEC_INFO" > "$EXEC_INFO_COPY"; fi
if [ -n "${PLUGIN_FAIL:-}" ]; then
  echo "preparing credentials" >&2
  echo "error: SSO session expired; run 'aws sso login'" >&2
  exit 255
fi
expiry=""
if [ -n "${PLUGIN_EXPIRY:-}" ]; then expiry=",\"expirationTimestamp\":\"$PLUGIN_EXPIRY\""; fi
printf '{"kind":"ExecCredential","apiVersion":"%s","spec":{},"status":{"token":"%s"%s}}\n' \
  "${PLUGIN_API_VERSION:-client.authentication.k8s.io/v1}" "${PLUGIN_TOKEN:-exec-token}" "$expiry"
