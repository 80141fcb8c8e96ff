#!/usr/bin/env bash
# Parse check over the diagram corpus (../shared/corpus/diagrams): every file must be read as a diagram
# with no PARSE finding. Prints one line per file (pages, resources, relations, parse findings) and a
# total; exits 1 when a file fails. Usage: dev/diagram-corpus.sh [corpus-dir]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-$here/../shared/corpus/diagrams}"
failed=0
total=0
for f in "$corpus"/*; do
  total=$((total + 1))
  json="$("$here/atolint" describe "$f" --format json 2>/dev/null)" || { echo "FAIL $(basename "$f"): not read as a diagram"; failed=$((failed + 1)); continue; }
  line="$(python3 - "$json" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
pages = d["pages"]
svc = sum(len(p["services"]) for p in pages)
grp = sum(len(p["groups"]) for p in pages)
azs = sum(len(p["availabilityZones"]) for p in pages)
edges = sum(len(p["connections"]) for p in pages)
unres = sum(len(p["unresolvedConnectors"]) for p in pages)
print(f'{len(d["problems"])}\t{d["format"]}: {len(pages)} page(s), {svc} services, {grp} groups, {azs} AZs, {edges} connections, {unres} unresolved connectors, {len(d["problems"])} parse findings')
PY
)"
  problems="${line%%$'\t'*}"
  echo "$([ "$problems" = 0 ] && echo OK || echo FAIL) $(basename "$f"): ${line#*$'\t'}"
  [ "$problems" = 0 ] || failed=$((failed + 1))
done
echo "$((total - failed))/$total diagram files parse without a PARSE finding"
[ "$failed" = 0 ]
