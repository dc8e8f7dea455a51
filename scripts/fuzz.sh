#!/usr/bin/env bash
# Fuzzes the template lexer, parser, evaluator, the YAML loader and the playbook loader with libFuzzer.
#   scripts/fuzz.sh [SECONDS]   (default 600)
# Crashing inputs are written to fuzz-corpus/crashes/; replay one with
#   swift run FuzzTemplate fuzz-corpus/crashes/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
scratch=.build-fuzz
swift build -c release --scratch-path "$scratch" --product FuzzTemplate \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
mkdir -p fuzz-corpus/work fuzz-corpus/crashes
# Seed with the differential corpus, the example's templates, playbooks and task files.
for f in Tests/Fixtures/templates/*/template.j2 roles/*/templates/*.j2 playbooks/*.yaml roles/*/tasks/*.yaml; do
  cp -n "$f" "fuzz-corpus/work/$(echo "$f" | tr '/' '_')" 2>/dev/null || true
done
LSAN_OPTIONS="suppressions=$PWD/scripts/fuzz-lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
"$scratch/release/FuzzTemplate" fuzz-corpus/work -max_total_time="$seconds" -timeout=10 \
  -rss_limit_mb=4096 -max_len=4096 -artifact_prefix=fuzz-corpus/crashes/ -print_final_stats=1
