#!/usr/bin/python3
"""An HTML report in a real browser: loads it in headless Chromium with the
network cut off, fails on any console message of level warning or error
(an error in the page, a resource it tried to fetch), checks through the DOM
Chromium built (--dump-dom) that the expected numbers of <table> and <svg>
elements are there (and as many as the file's own tags: nothing swallowed by
bad markup), writes a screenshot and prints the page to PDF (A4), and checks
with pdftotext that the PDF's text can be read back.

  check_html.py [--chromium PATH] --tables N --svgs N --screenshot PNG --pdf PDF
                [--expect-text TEXT ...] [--expect-file FILE] [--min-pages N] FILE.html

--expect-file adds the texts in FILE (one a line) to --expect-text;
--min-pages fails a PDF with fewer pages (a long table must run on).

Exit 77 (skipped) when Chromium or pdftotext is not installed.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


def chromium_run(chromium, profile, args, url, timeout=120):
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--no-first-run", "--no-default-browser-check", "--disable-extensions",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           # Any request leaving the machine fails: a self-contained page makes none.
           "--host-resolver-rules=MAP * ~NOTFOUND",
           "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"] + args + [url]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def console_problems(log):
    """Console messages (any: the page has no script, so any is a problem;
    Chromium 156 logs them as "INFO:CONSOLE:<line>] ...") and failed loads."""
    bad = []
    for line in log.splitlines():
        if re.search(r':CONSOLE[:(]|CONSOLE\(\d+\)|Uncaught|ERR_NAME_NOT_RESOLVED|Failed to load resource|'
                     r'Refused to|net::ERR_', line):
            bad.append(line.strip())
    return bad


def count_tags(html, tag):
    return len(re.findall(r"<%s[\s>]" % tag, html, flags=re.IGNORECASE))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--chromium", default="")
    ap.add_argument("--tables", type=int, required=True)
    ap.add_argument("--svgs", type=int, required=True)
    ap.add_argument("--screenshot", required=True)
    ap.add_argument("--pdf", required=True)
    ap.add_argument("--expect-text", action="append", default=[])
    ap.add_argument("--expect-file", default="")
    ap.add_argument("--min-pages", type=int, default=1)
    ap.add_argument("html")
    a = ap.parse_args()
    if a.expect_file:
        with open(a.expect_file, encoding="utf-8") as f:
            a.expect_text += [l.strip() for l in f if l.strip()]

    chromium = a.chromium if a.chromium and os.path.exists(a.chromium) else (
        shutil.which("chromium") or shutil.which("chromium-browser"))
    if not chromium:
        print("SKIP: chromium is not installed (Debian package chromium)")
        return SKIP
    if not shutil.which("pdftotext"):
        print("SKIP: pdftotext is not installed (Debian package poppler-utils)")
        return SKIP
    html_path = os.path.abspath(a.html)
    with open(html_path, encoding="utf-8") as f:
        source = f.read()
    url = "file://" + html_path
    problems = []

    with tempfile.TemporaryDirectory(prefix="oversight-chromium-") as profile:
        # 1. The DOM, and the console while loading.
        rc, dom, log = chromium_run(chromium, profile, ["--dump-dom", "--virtual-time-budget=2000"], url)
        if rc != 0 or "<html" not in dom:
            print(log[-4000:])
            print("FAIL: chromium --dump-dom exited %d" % rc)
            return 1
        problems += ["console: " + l for l in console_problems(log)]
        for tag, expected in (("table", a.tables), ("svg", a.svgs)):
            in_dom, in_file = count_tags(dom, tag), count_tags(source, tag)
            print("%s: %d in the DOM, %d in the file, %d expected" % (tag, in_dom, in_file, expected))
            if in_dom != expected or in_file != expected:
                problems.append("%d <%s> in the DOM and %d in the file, expected %d" % (in_dom, tag, in_file, expected))
        for text in a.expect_text:
            if text not in dom:
                problems.append("the DOM lacks the text %r" % text)

        # 2. A screenshot for people to look at.
        for f in (a.screenshot, a.pdf):
            if os.path.exists(f):
                os.remove(f)
        rc, _, log = chromium_run(chromium, profile, ["--screenshot=" + os.path.abspath(a.screenshot),
                                                      "--window-size=1280,2400", "--hide-scrollbars"], url)
        problems += ["console (screenshot): " + l for l in console_problems(log)]
        if rc != 0 or not os.path.exists(a.screenshot) or os.path.getsize(a.screenshot) < 10000:
            problems.append("no screenshot written (exit %d)" % rc)
        else:
            print("screenshot:", a.screenshot)

        # 3. Printed on A4 (the page's @page rule), its text read back.
        rc, _, log = chromium_run(chromium, profile, ["--print-to-pdf=" + os.path.abspath(a.pdf),
                                                      "--no-pdf-header-footer"], url)
        problems += ["console (pdf): " + l for l in console_problems(log)]
        if rc != 0 or not os.path.exists(a.pdf):
            problems.append("no PDF written (exit %d)" % rc)
        else:
            info = subprocess.run(["pdfinfo", a.pdf], stdout=subprocess.PIPE, universal_newlines=True).stdout
            pages = re.search(r"Pages:\s+(\d+)", info)
            size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
            print("pdf: %s pages, page size %s" % (pages.group(1) if pages else "?",
                                                   size.group(0) if size else "?"))
            if not pages or int(pages.group(1)) < a.min_pages:
                problems.append("the PDF has %s pages, expected at least %d" %
                                (pages.group(1) if pages else "no", a.min_pages))
            # A4 is 595.28 x 841.89 points.
            if not size or abs(float(size.group(1)) - 595.3) > 2 or abs(float(size.group(2)) - 841.9) > 2:
                problems.append("the PDF's pages are not A4: %s" % (size.group(0) if size else info))
            text = subprocess.run(["pdftotext", a.pdf, "-"], stdout=subprocess.PIPE).stdout.decode(
                "utf-8", "replace")
            flowing = " ".join(text.split())  # a cell's text wraps over lines
            for t in a.expect_text:
                if t not in flowing:
                    problems.append("pdftotext cannot read %r in the PDF" % t)
            print("pdf: %d characters of text" % len(text))

    for p in problems:
        print("FAIL:", p)
    if not problems:
        print("OK: %s loads with no console message, %d tables, %d charts" % (a.html, a.tables, a.svgs))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
