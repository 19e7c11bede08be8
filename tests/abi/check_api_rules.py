#!/usr/bin/env python3
"""The rules of Oversight's C API (written once, in <oversight/c/base.h>),
checked on the INSTALLED headers.

usage: check_api_rules.py INCLUDE_DIR [SYMBOLS_TXT]
       check_api_rules.py --self-test INCLUDE_DIR   (each rule catches a planted violation)
       check_api_rules.py --sources INCLUDE_DIR CAPI_DIR (out-parameters are cleared first)

INCLUDE_DIR holds oversight.h and oversight/c/*.h as installed. Every
prototype is parsed from the header text (comments removed) and checked:

 names      every function outside base.h is oversight_<area>_<verb...>, <area>
            being its header's file name; every function of base.h is one of
            the library-wide ones; the umbrella includes every area header.
 params     no function has more than six parameters.
 out        every out-parameter is named `out` or `out_<what>`, is a pointer to
            non-const and comes after every input parameter, except the
            handle a constructor creates (`oversight_<x> **out`, first). A
            pointer-to-non-const parameter that is not named so must be a
            handle (`oversight_<handle> *`), the struct an _init fills, or
            the `void *context` passed through to the callback
            (`oversight_<x>_fn`) just before it.
 variants   no two functions differ only by a suffix such as _within, _ext,
            _ex, _v2 or 2.
 fields     no function takes the name of a field as a string to choose what
            to set (a `const char *` parameter named field, field_name,
            member, property, column or what).
 structs    no struct member has an enum type (int32_t holds enum values);
            every struct whose first member is `uint32_t version` has
            OVERSIGHT_<X>_VERSION, OVERSIGHT_<X>_INIT (with one initializer
            per member) and oversight_<x>_init(oversight_<x> *, uint32_t
            version); every other struct is a frozen POD that is not passed by
            a pointer a function could grow.
 docs       every function has a comment right above it (a run of getters
            shares one).
 symbols    with SYMBOLS_TXT: the functions declared are exactly the exported
            symbols listed there.
 cleared    with --sources: every function with out-parameters hands all of
            them to capi::guard(body, outs...), which clears them before the
            body runs (capi/capi_util.hpp), so none is left stale on failure.

Prints every violation; exit status 1 if any.
"""
import shutil
import tempfile
import os
import re
import sys

BASE_FUNCTIONS = {
    "oversight_status_string", "oversight_last_error_message", "oversight_last_error_code",
    "oversight_last_error_clear", "oversight_free", "oversight_version_number", "oversight_version_string",
    "oversight_abi_version",
}
VARIANT_SUFFIX = re.compile(r"^(_within|_ext|_ex|_extended|_v?\d+|_with_\w+|_opts|_options)$")
FIELD_NAMES = {"field", "field_name", "fieldname", "member", "property", "column", "what"}
MAX_PARAMS = 6

problems = []


def problem(where, text):
    problems.append(f"{where}: {text}")


def strip_comments(text):
    """Comments become spaces (newlines kept, so line numbers stay right)."""
    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    return re.sub(r"/\*.*?\*/|//[^\n]*", blank, text, flags=re.S)


PROTO = re.compile(r"OVERSIGHT_API\s+(?P<ret>[^;{}]*?)\s*OVERSIGHT_CALL\s+(?P<name>\w+)\s*\((?P<params>[^;{}]*?)\)\s*"
                   r"OVERSIGHT_NOEXCEPT\s*;", re.S)
STRUCT = re.compile(r"typedef\s+struct\s+(?P<tag>\w+)\s*\{(?P<body>[^{}]*(?:\{[^{}]*\}[^{}]*)*)\}\s*(?P<name>\w+)\s*;",
                    re.S)
DEFINE = re.compile(r"^\s*#\s*define\s+(?P<name>\w+)(?P<value>(?:[^\n\\]|\\\n|\\.)*)", re.M)


class Param:
    def __init__(self, text):
        self.text = " ".join(text.split())
        m = re.match(r"^(?P<type>.*?)(?P<name>\w+)$", self.text)
        if not m or not m.group("type").strip():
            self.type, self.name = self.text, ""
        else:
            self.type, self.name = m.group("type").strip(), m.group("name")
        self.stars = self.type.count("*")
        # A pointer to non-const: the pointee (left of the last '*') is not
        # const at its own level ("char *" in char **, but not "const char").
        pointee = self.type[: self.type.rindex("*")] if self.stars else ""
        level = pointee[pointee.rindex("*") + 1:] if "*" in pointee else pointee
        self.mutable_pointee = bool(self.stars) and not re.search(r"\bconst\b", level)
        base = re.sub(r"\bconst\b|\*", " ", self.type).split()
        self.base = base[-1] if base else ""


def parse_params(text):
    text = " ".join(text.split())
    if text in ("", "void"):
        return []
    return [Param(p) for p in text.split(",")]


def line_of(text, pos):
    return text.count("\n", 0, pos) + 1


def check(include, symbols=None):
    """The problems of the headers under `include`."""
    problems.clear()
    area_dir = os.path.join(include, "oversight", "c")
    umbrella = os.path.join(include, "oversight.h")
    for need in (umbrella, os.path.join(area_dir, "base.h"), os.path.join(area_dir, "version.h")):
        if not os.path.exists(need):
            problem(need, "missing from the installed headers")
    if problems:
        return list(problems)

    headers = sorted(f for f in os.listdir(area_dir) if f.endswith(".h"))
    areas = [h[:-2] for h in headers if h not in ("base.h", "version.h")]
    umbrella_text = open(umbrella, encoding="utf-8").read()
    for h in headers:
        if f"#include <oversight/c/{h}>" not in umbrella_text:
            problem("oversight.h", f"does not include <oversight/c/{h}>")

    functions = {}   # name -> (header, params, line)
    structs = {}     # name -> (header, members)
    defines = {}     # name -> value
    handles = set()
    enums = set()
    raw = {}
    for h in headers:
        path = os.path.join(area_dir, h)
        raw[h] = open(path, encoding="utf-8").read()
        text = strip_comments(raw[h])
        for m in re.finditer(r"typedef\s+struct\s+(\w+)\s+(\w+)\s*;", text):
            handles.add(m.group(2))
        for m in re.finditer(r"typedef\s+enum\s+\w*\s*\{[^}]*\}\s*(\w+)\s*;", text):
            enums.add(m.group(1))
        for m in STRUCT.finditer(text):
            members = [" ".join(x.split()) for x in m.group("body").split(";") if x.strip()]
            structs[m.group("name")] = (h, members)
        for m in DEFINE.finditer(text):
            defines[m.group("name")] = " ".join(m.group("value").replace("\\\n", " ").split())
        for m in PROTO.finditer(text):
            name = m.group("name")
            where = f"oversight/c/{h}:{line_of(text, m.start())}"
            if name in functions:
                problem(where, f"{name} is declared twice")
            functions[name] = (h, parse_params(m.group("params")), where, m.start())
        # docs: a comment right above each prototype, or the previous line is a prototype too
        lines = raw[h].split("\n")
        for m in PROTO.finditer(text):
            first = line_of(text, m.start()) - 1  # 0-based
            above = first - 1
            while above >= 0 and not lines[above].strip():
                above = -2  # a blank line: no comment directly above
                break
            if above < 0 or not (lines[above].rstrip().endswith("*/") or lines[above].lstrip().startswith("OVERSIGHT_API")):
                problem(f"oversight/c/{h}:{first + 1}", f"{m.group('name')} has no comment right above it")

    # names
    for name, (h, params, where, _) in functions.items():
        area = h[:-2]
        if h == "base.h":
            if name not in BASE_FUNCTIONS:
                problem(where, f"{name} is in base.h but is not one of the library-wide functions")
            continue
        if not name.startswith(f"oversight_{area}_") or len(name) <= len(f"oversight_{area}_"):
            problem(where, f"{name} is declared in {h}, so it must be named oversight_{area}_<verb>")
    for name in BASE_FUNCTIONS - set(functions):
        problem("base.h", f"the library-wide {name} is missing")

    # parameters and out-parameters
    for name, (h, params, where, _) in functions.items():
        if len(params) > MAX_PARAMS:
            problem(where, f"{name} has {len(params)} parameters (at most {MAX_PARAMS})")
        is_init = name.endswith("_init")
        seen_out = False
        for i, p in enumerate(params):
            is_out = p.name == "out" or p.name.startswith("out_")
            constructor_out = i == 0 and p.name == "out" and p.stars == 2 and p.base in handles
            if is_out:
                if not p.stars or not p.mutable_pointee:
                    problem(where, f"{name}: out-parameter `{p.text}` is not a pointer to non-const")
                if constructor_out:
                    continue
                seen_out = True
            else:
                if seen_out:
                    problem(where, f"{name}: input `{p.text}` comes after an out-parameter")
                if p.stars and p.mutable_pointee:
                    init_target = is_init and i == 0 and p.stars == 1 and p.base in structs
                    handle = p.stars == 1 and p.base in handles
                    context = (p.base == "void" and p.stars == 1 and p.name == "context" and i > 0 and
                               params[i - 1].base.startswith("oversight_") and params[i - 1].base.endswith("_fn"))
                    if not (init_target or handle or context or (p.base == "void" and name == "oversight_free")):
                        problem(where, f"{name}: `{p.text}` is a pointer to non-const but is not named out or "
                                       "out_<what> (nor a handle, nor the struct an _init fills, nor the "
                                       "void *context after a callback)")
            if p.base == "char" and p.stars == 1 and not p.mutable_pointee and p.name in FIELD_NAMES:
                problem(where, f"{name}: `{p.text}` takes a field name as a string (use a change struct)")
        if is_init:
            ok = (len(params) == 2 and params[0].stars == 1 and params[0].mutable_pointee and
                  params[1].base == "uint32_t" and params[1].name == "version" and
                  name == params[0].base + "_init")
            if not ok:
                problem(where, f"{name} must be {name[:-5]}_init(<struct> *opts, uint32_t version) "
                               f"for the struct {name[:-5]}")

    # variants
    names = sorted(functions)
    for a in names:
        for b in names:
            if b != a and b.startswith(a) and VARIANT_SUFFIX.match(b[len(a):]):
                problem(functions[b][2], f"{b} differs from {a} only by the suffix {b[len(a):]}")

    # versioned structs
    for sname, (h, members) in structs.items():
        where = f"oversight/c/{h}"
        if not members:
            continue
        upper = sname.upper()
        if members[0] == "uint32_t version":
            for macro in (f"{upper}_VERSION", f"{upper}_INIT"):
                if macro not in defines:
                    problem(where, f"{sname} is versioned but {macro} is not defined")
            init = defines.get(f"{upper}_INIT", "")
            m = re.match(r"^\{(.*)\}$", init)
            if m:
                depth, count = 0, 1
                for ch in m.group(1):
                    depth += ch == "{"
                    depth -= ch == "}"
                    count += ch == "," and depth == 0
                if count != len(members):
                    problem(where, f"{upper}_INIT has {count} initializers for {len(members)} members")
                if not m.group(1).strip().startswith(f"{upper}_VERSION"):
                    problem(where, f"{upper}_INIT does not start with {upper}_VERSION")
            elif init:
                problem(where, f"{upper}_INIT is not a brace initializer")
            if f"{sname}_init" not in functions:
                problem(where, f"{sname} is versioned but {sname}_init is not declared")
        for member in members:
            if member.split()[0] in enums or (member.startswith("const ") and member.split()[1] in enums):
                problem(where, f"{sname}: member `{member}` has an enum type (use int32_t holding its values)")
        if members[0] != "uint32_t version" and sname not in ("oversight_date", "oversight_calendar_day"):
            problem(where, f"{sname} does not start with uint32_t version (only the frozen oversight_date and "
                           "oversight_calendar_day may)")

    # symbols
    if symbols:
        listed = set()
        for line in open(symbols, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("#"):
                listed.add(line.split()[0])
        for s in sorted(listed - set(functions)):
            problem(symbols, f"{s} is exported but declared in no installed header")
        for s in sorted(set(functions) - listed):
            problem(symbols, f"{s} is declared but not listed (append it with the version)")

    check.functions = {name: v[1] for name, v in functions.items()}
    check.summary = (f"C API rules: {len(functions)} functions in {len(headers)} headers ({', '.join(areas)}), "
                     f"{sum(1 for s in structs.values() if s[1] and s[1][0] == 'uint32_t version')} versioned "
                     f"structs; {len(problems)} problem(s)")
    return list(problems)


# Planted violations for --self-test: (what, header, text added before its
# OVERSIGHT_END_DECLS, a phrase the report must contain).
PLANTED = [
    ("a name from another area", "report.h",
     "/* x */\nOVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_frobnicate(void) OVERSIGHT_NOEXCEPT;\n",
     "must be named oversight_report_"),
    ("seven parameters", "report.h",
     "/* x */\nOVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_report_many(int32_t a, int32_t b, int32_t c, "
     "int32_t d, int32_t e, int32_t f, int32_t g) OVERSIGHT_NOEXCEPT;\n", "7 parameters"),
    ("an input after an out-parameter", "report.h",
     "/* x */\nOVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_report_late(int64_t *out_id, "
     "const oversight_store *store) OVERSIGHT_NOEXCEPT;\n", "comes after an out-parameter"),
    ("a const out-parameter", "report.h",
     "/* x */\nOVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_report_constout(const oversight_store *store, "
     "const int64_t *out_id) OVERSIGHT_NOEXCEPT;\n", "not a pointer to non-const"),
    ("an out-parameter not named out", "report.h",
     "/* x */\nOVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_report_result(const oversight_store *store, "
     "char **result) OVERSIGHT_NOEXCEPT;\n", "is not named out"),
    ("a suffix variant", "report.h",
     "/* x */\nOVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_report_plan_within(const oversight_store *s) "
     "OVERSIGHT_NOEXCEPT;\n", "only by the suffix _within"),
    ("a field name as a string", "plan.h",
     "/* x */\nOVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_plan_set_text(oversight_store *store, "
     "const char *field, const char *value) OVERSIGHT_NOEXCEPT;\n", "takes a field name"),
    ("a versioned struct without INIT or _init", "report.h",
     "typedef struct oversight_report_extra { uint32_t version; int32_t x; } oversight_report_extra;\n"
     "#define OVERSIGHT_REPORT_EXTRA_VERSION 1\n", "OVERSIGHT_REPORT_EXTRA_INIT is not defined"),
    ("an INIT that misses a member", "report.h",
     "typedef struct oversight_report_short { uint32_t version; int32_t x; int32_t y; } oversight_report_short;\n"
     "#define OVERSIGHT_REPORT_SHORT_VERSION 1\n#define OVERSIGHT_REPORT_SHORT_INIT { OVERSIGHT_REPORT_SHORT_VERSION, 0 }\n"
     "/* x */\nOVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_report_short_init(oversight_report_short *opts, "
     "uint32_t version) OVERSIGHT_NOEXCEPT;\n", "2 initializers for 3 members"),
    ("an unversioned struct", "report.h",
     "typedef struct oversight_report_bare { int32_t x; } oversight_report_bare;\n", "does not start with uint32_t"),
    ("an enum-typed struct member", "store.h",
     "typedef struct oversight_store_extra { uint32_t version; oversight_store_backend backend; } oversight_store_extra;\n"
     "#define OVERSIGHT_STORE_EXTRA_VERSION 1\n#define OVERSIGHT_STORE_EXTRA_INIT { OVERSIGHT_STORE_EXTRA_VERSION, 0 }\n"
     "/* x */\nOVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_store_extra_init(oversight_store_extra *opts, "
     "uint32_t version) OVERSIGHT_NOEXCEPT;\n", "has an enum type"),
    ("an undocumented function", "report.h",
     "\nOVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_report_quiet(void) OVERSIGHT_NOEXCEPT;\n",
     "has no comment"),
]


def self_test(include):
    """Each planted violation is reported; the real headers are clean."""
    failures = []
    if check(include):
        failures.append("the real headers are not clean: " + "; ".join(problems))
    for what, header, text, phrase in PLANTED:
        with tempfile.TemporaryDirectory() as tmp:
            copy = os.path.join(tmp, "include")
            shutil.copytree(include, copy)
            path = os.path.join(copy, "oversight", "c", header)
            body = open(path, encoding="utf-8").read()
            cut = body.rindex("OVERSIGHT_END_DECLS")
            open(path, "w", encoding="utf-8").write(body[:cut] + text + body[cut:])
            found = check(copy)
            if not any(phrase in p for p in found):
                failures.append(f"{what}: not reported (got: {found})")
    for f in failures:
        print("self-test:", f)
    print(f"self-test: {len(PLANTED) - len(failures)} of {len(PLANTED)} planted violations reported")
    return 1 if failures else 0


def check_sources(include, capi_dir):
    """Every out-parameter is passed to guard() to be cleared first."""
    check(include)
    declared = dict(check.functions)
    source = ""
    for name in sorted(os.listdir(capi_dir)):
        if name.endswith("_c.cpp"):
            source += open(os.path.join(capi_dir, name), encoding="utf-8").read()
    found = []
    for fname, params in sorted(declared.items()):
        outs = [p.name for p in params if p.name == "out" or p.name.startswith("out_")]
        m = re.search(r"\b" + fname + r"\([^)]*\)\s*noexcept\s*\{(?P<body>.*?)\n\}", source, re.S)
        if not m:
            found.append(f"{fname}: no definition in {capi_dir}")
            continue
        body = m.group("body")
        if fname.endswith("_init"):
            if "init_struct(" not in body:
                found.append(f"{fname}: does not run through init_struct")
            continue
        if not outs:
            continue
        g = re.search(r"\}\s*,\s*(?P<outs>[\w\s,]+)\)\s*;\s*$", body)
        given = [x.strip() for x in g.group("outs").split(",")] if g and "guard(" in body else []
        if sorted(given) != sorted(outs):
            found.append(f"{fname}: out-parameters {outs} but guard() clears {given}")
    for f in found:
        print(f)
    print(f"cleared first: {len(declared)} functions checked in {capi_dir}; {len(found)} problem(s)")
    return 1 if found else 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "--self-test":
        return self_test(argv[2])
    if len(argv) >= 4 and argv[1] == "--sources":
        return check_sources(argv[2], argv[3])
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    found = check(argv[1], argv[2] if len(argv) > 2 else None)
    print(check.summary if hasattr(check, "summary") else "C API rules: missing headers")
    for p in found:
        print(p)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
