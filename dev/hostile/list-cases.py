#!/usr/bin/env python3
"""Lists every case of fixtures/hostile with its description and the outcome HostileInputsTest asserts.

Usage: python3 dev/hostile/list-cases.py   (Markdown table on stdout; the run of HostileInputsTest
in `mvn -B verify` is what proves each row)."""
import os
import re
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "fixtures", "hostile")


def scalar(text, key):
    m = re.search(r"^%s:\s*(.*)$" % key, text, re.M)
    return m.group(1).strip() if m else ""


def expectations(text):
    rows = []
    for m in re.finditer(r"^\s*-\s*\{(.*)\}\s*$", text, re.M):
        fields = dict(re.findall(r'(\w+):\s*("(?:[^"\\]|\\.)*"|[^,]+)', m.group(1)))
        where = fields.get("file", "").strip()
        if "line" in fields:
            where += ":" + fields["line"].strip()
        what = fields.get("contains", "").strip().strip('"')
        rows.append("%s %s%s" % (fields.get("rule", "?").strip(), where, (" \"" + what + "\"") if what else ""))
    return rows


cases = sorted(d for d in os.listdir(root) if os.path.isfile(os.path.join(root, d, "case.yaml")))
inputs = 0
print("| case | what it is | outcome asserted (besides: completes, no other finding, no sentinel touched) |")
print("|---|---|---|")
for case in cases:
    text = open(os.path.join(root, case, "case.yaml"), encoding="utf-8").read()
    files = [f for f in os.listdir(os.path.join(root, case)) if f != "case.yaml"]
    inputs += max(1, len(files))
    expect = expectations(text)
    outcome = "; ".join(expect) if expect else "no finding (read normally)"
    setup = scalar(text, "setup")
    if setup:
        outcome += " [made by the test: %s]" % setup
    print("| %s | %s | %s |" % (case, scalar(text, "description").replace("|", "\\|"), outcome.replace("|", "\\|")))
print()
print("%d cases, %d inputs" % (len(cases), inputs))
