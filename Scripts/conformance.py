#!/usr/bin/env python3
"""Runs `kubetutor check` over the shared conformance corpus and compares each YAML document's
verdict with the oracle's (kubernetes-validate --strict, in corpus/expected.tsv).

A document passes when:
  - the oracle says valid: kubetutor reports no error for it (warnings, e.g. "not simulated", allowed);
  - the oracle says invalid: kubetutor reports an error for it on the same field
    (the oracle's `spec.ports.0.port` is kubetutor's `spec.ports[0].port`);
  - the oracle says unknown-kind: kubetutor refuses it with kubectl's `no matches for kind` error.

Usage: conformance.py KUBETUTOR_BINARY CORPUS_DIR. Prints one line per failure and ends with
`N passed, M failed`; exits 1 when anything failed.
"""
import csv
import json
import re
import subprocess
import sys
from collections import defaultdict


def oracle_field(message: str) -> str:
    """`spec.ports.0.port: 'sds' is not of type 'integer'` -> `spec.ports.0.port`."""
    return message.split(":", 1)[0].strip()


def normalise(field: str) -> str:
    return re.sub(r"\[(\d+)\]", r".\1", field)


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    binary, corpus = sys.argv[1], sys.argv[2]
    with open(f"{corpus}/expected.tsv", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    by_file = defaultdict(list)
    for row in rows:
        by_file[row["file"]].append(row)

    passed = failed = 0
    for file, expected in sorted(by_file.items()):
        run = subprocess.run([binary, "check", "--format", "json", f"{corpus}/{file}"], capture_output=True, text=True)
        if run.returncode not in (0, 1):
            for row in expected:
                failed += 1
                print(f"FAIL {file}#{row['document_index']}: kubetutor exited {run.returncode}: {run.stderr.strip()}")
            continue
        report = json.loads(run.stdout)
        objects = sorted(report["objects"], key=lambda o: o["line"])

        def document_of(line: int):
            owner = None
            for index, obj in enumerate(objects):
                if obj["line"] <= line:
                    owner = index
            return owner

        errors = defaultdict(list)
        for diagnostic in report["diagnostics"]:
            if diagnostic["severity"] == "error":
                errors[document_of(diagnostic["line"])].append(diagnostic)
        # Objects are in document order; map each expected row to the object with the same kind and name.
        for row in expected:
            index = next(
                (i for i, o in enumerate(objects) if o["kind"] == row["kind"] and o["name"] == row["name"]), None
            )
            found = errors.get(index, []) + (errors.get(None, []) if index == 0 else [])
            verdict, why = row["oracle"], ""
            if verdict == "valid":
                ok = index is not None and not found
                why = "; ".join(d["message"] for d in found) or "object not found"
            elif verdict == "invalid":
                want = oracle_field(row["oracle_message"])
                ok = any(normalise(d["field"]) == want for d in found)
                why = f"expected an error on {want}, got: " + ("; ".join(f"{d['field']}: {d['message']}" for d in found) or "none")
            elif verdict == "unknown-kind":
                ok = any("no matches for kind" in d["message"] for d in found)
                why = "expected `no matches for kind`, got: " + ("; ".join(d["message"] for d in found) or "none")
            else:
                ok, why = False, f"unknown oracle verdict {verdict}"
            if ok:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {file}#{row['document_index']} {row['kind']}/{row['name']} (oracle: {verdict}): {why}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
