#!/usr/bin/env python3
"""Writes the annex_a seeds: each workbook of tests/data/annex_a_sample as a
part list (README.md of tests/fuzz: "--- NAME" lines), so that the fuzzer
mutates the sheets' XML rather than a deflate stream. The .xlsx files
themselves are replayed from that folder (CMakeLists.txt, run.sh).

    python3 tests/fuzz/corpus/annex_a/make_corpus.py
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "..", "..", "data", "annex_a_sample")

for name in sorted(os.listdir(SAMPLE)):
    if not name.endswith(".xlsx"):
        continue
    with zipfile.ZipFile(os.path.join(SAMPLE, name)) as z:
        out = b""
        for info in z.infolist():
            out += b"--- " + info.filename.encode() + b"\n" + z.read(info) + b"\n"
    with open(os.path.join(HERE, name[:-5] + ".parts"), "wb") as f:
        f.write(out)
