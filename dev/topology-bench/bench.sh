#!/usr/bin/env bash
# Times the topology engine on large synthetic inputs (a benchmark, not a test). Inputs:
#   wide  - N three-tier stacks in one template (14 resources each),
#   chain - one path of M instances (deep recursion in the biconnectivity analysis; paths beyond the hop bound),
#   mesh  - 12 layers of two services fully connected layer to layer: 4096 paths (enumeration hits its bound).
# Prints the wall time of each phase (dev/topology-bench/PhaseTimes.java), then of the whole CLI commands.
# Usage: dev/topology-bench/bench.sh [N=400] [M=10000]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-400}
M=${2:-10000}
[ -f analyzer/target/atolint.jar ] || mvn -B -q -DskipTests package >&2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 dev/topology-bench/make_templates.py "$out" "$N" "$M"
javac -d "$out/classes" -cp analyzer/target/atolint.jar dev/topology-bench/PhaseTimes.java
for case in wide chain mesh; do
  java -Xss1m -cp "analyzer/target/atolint.jar:$out/classes" PhaseTimes "$out/$case"
done
for case in wide chain mesh; do
  for cmd in scan simulate; do
    start=$(date +%s%N)
    java -Xss1m -jar analyzer/target/atolint.jar "$cmd" "$out/$case" --region us-east-1 --format json > "$out/$case.$cmd.json" || true
    end=$(date +%s%N)
    printf 'atolint %-8s %-6s %6d ms (the whole command: JVM start, reading, rules for scan, JSON report)\n' "$cmd" "$case" $(( (end - start) / 1000000 ))
  done
done
