#!/usr/bin/env python3
"""Parse outcome of every file of a corpus folder, from atolint's JSON report.

usage: dev/corpus-parse-rate.py [CORPUS_DIR] [-- extra atolint args]
Default CORPUS_DIR: ../shared/corpus/cfn (relative to the repository root).

Prints, per outcome, the number of files: read as a model (templates with resources and positions),
read with PARSE001 errors (and which), skipped (not a template, with the reason), and the count of
resources found. Runs ./atolint (which builds the jar when needed).
"""
import collections
import json
import os
import subprocess
import sys

repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = sys.argv[1:]
extra = []
if "--" in args:
    i = args.index("--")
    args, extra = args[:i], args[i + 1:]
corpus = args[0] if args else os.path.join(repo, "..", "shared", "corpus", "cfn")
corpus = os.path.normpath(corpus)

proc = subprocess.run([os.path.join(repo, "atolint"), "scan", corpus, "--format", "json", "--fail-on", "critical"] + extra,
                      capture_output=True, text=True)
if proc.returncode not in (0, 1):
    sys.stderr.write(proc.stderr)
    sys.exit(proc.returncode)
report = json.loads(proc.stdout)

all_files = []
for root, dirs, files in os.walk(corpus):
    for f in files:
        all_files.append(os.path.join(root, f))

units = collections.Counter(r["unit"] for r in report["resources"])
parse_errors = collections.defaultdict(list)
notes = collections.Counter()
for f in report["findings"]:
    if f["ruleId"] == "PARSE001":
        parse_errors[f["location"]["file"]].append("%d: %s" % (f["location"]["startLine"], f["message"]))
    elif f["ruleId"].startswith("PARSE"):
        notes[f["ruleId"]] += 1
skipped = {s["file"]: s["reason"] for s in report["skipped"]}

templates_with_positions = 0
missing_positions = 0
for r in report["resources"]:
    if r["location"]["startLine"] < 1:
        missing_positions += 1

print("corpus:", corpus)
print("files:", len(all_files))
print("read as CloudFormation/CDK models:", report["summary"]["models"])
print("resources found:", report["summary"]["resources"], "(without a line:", missing_positions, ")")
print("files with PARSE001 errors:", len(parse_errors))
for file, msgs in sorted(parse_errors.items()):
    for m in msgs:
        print("   ", os.path.relpath(file, corpus) + ":" + m)
print("skipped (not templates):", len(skipped))
reasons = collections.Counter(v.split(":")[0] if v.startswith("not YAML") else v for v in skipped.values())
for reason, n in reasons.most_common():
    print("   %4d  %s" % (n, reason))
for f, reason in sorted(skipped.items()):
    print("        ", os.path.relpath(f, corpus), "-", reason)
print("notes:", dict(notes))
inputs = report["summary"]["inputs"]
print("files read as input:", inputs, "of", len(all_files),
      "(%.1f%%)" % (100.0 * inputs / max(1, len(all_files))))
