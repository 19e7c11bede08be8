#!/usr/bin/env python3
"""Validates JSON documents against a JSON Schema (draft 2020-12).

usage: validate.py SCHEMA DOCUMENT...

Checks the schema itself, then every document; then, so that a schema that
accepts anything cannot pass, that it refuses a few broken copies of the
first document. Exit status 0 when all is as expected, 1 otherwise.
"""
import copy
import json
import sys

from jsonschema import Draft202012Validator


def broken_copies(doc):
    """(description, document) pairs the schema must refuse."""
    out = []
    for key in ("format", "version", "counts", "issues"):
        d = copy.deepcopy(doc)
        d.pop(key, None)
        out.append((f"without {key}", d))
    d = copy.deepcopy(doc)
    d["format"] = "something-else"
    out.append(("another format", d))
    d = copy.deepcopy(doc)
    d["counts"]["rows"] = "12"
    out.append(("a count as text", d))
    if doc.get("issues"):
        d = copy.deepcopy(doc)
        d["issues"][0]["severity"] = "fatal"
        out.append(("an unknown severity", d))
        d = copy.deepcopy(doc)
        d["issues"][0]["line"] = -1
        out.append(("a negative line", d))
        d = copy.deepcopy(doc)
        del d["issues"][0]["path"]
        out.append(("an issue without path", d))
    return out


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 1
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    ok = True
    docs = []
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        docs.append(doc)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        for e in errors:
            print(f"{path}: {'/'.join(map(str, e.path)) or '(root)'}: {e.message}", file=sys.stderr)
        ok = ok and not errors
        print(f"{path}: {'valid' if not errors else 'INVALID'}")
    for what, doc in broken_copies(docs[0]):
        if validator.is_valid(doc):
            print(f"the schema accepts a document {what}", file=sys.stderr)
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
