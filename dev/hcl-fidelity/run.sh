#!/usr/bin/env bash
# HCL fidelity: compares atolint's HCL trees with HashiCorp's parser (@cdktf/hcl2json, a dev-only
# oracle installed here under node_modules/, which git ignores) on a directory of .tf files.
# usage: dev/hcl-fidelity/run.sh [DIR] [-v]      (DIR defaults to ../shared/corpus/tf)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
dir="${1:-$repo/../shared/corpus/tf}"
shift || true
if [ ! -d "$here/node_modules/@cdktf/hcl2json" ]; then
  (cd "$here" && npm install --no-save --silent @cdktf/hcl2json@0.21.0 >&2)
fi
# the runnable jar holds the parsers and hcl4j; ./atolint rebuilds it when the sources changed
"$repo/atolint" rules >/dev/null
cp="$repo/analyzer/target/atolint.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -cp "$cp" "$here/HclTreeDump.java" "$dir" > "$work/ours.jsonl"
node "$here/oracle.js" "$dir" > "$work/theirs.jsonl"
node "$here/compare.js" "$work/ours.jsonl" "$work/theirs.jsonl" "$@"
