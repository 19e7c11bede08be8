#!/usr/bin/env python3
"""The project's layout rules (issue 6; lib/README.md), checked file by file.

usage: check_layout.py PROJECT_DIR SUBSYSTEMS_JSON

SUBSYSTEMS_JSON is the graph CMake declared (build/subsystems.json): the
subsystems in dependency order and what each one USES. Checked:
  1. lib/ holds only the subsystem folders and README.md; every subsystem
     has lib/<s>/CMakeLists.txt, include/oversight/<s>/, tests/cpp/<s>/ and
     a paragraph in lib/README.md;
  2. every #include of another subsystem, in lib/<s>/ and in
     include/oversight/<s>/, names one that <s> declares it USES (the
     declared graph itself runs one way: CMake refuses anything else);
  3. public headers include only the standard library and <oversight/...>;
  4. no SQL outside lib/store/: no SQLite:: or <SQLiteCpp/...>, <sqlite3.h>,
     and no string literal holding an SQL statement, anywhere in the
     sources but lib/store/ and the store's own tests (tests/cpp/store/);
  5. the umbrella header <oversight.hpp> includes every public C++ header
     (but core/boost_interop.hpp, which needs Boost).
Prints every violation with its file and line; exit status 1 if any.
"""
import json
import os
import re
import sys

root, graph_file = sys.argv[1], sys.argv[2]
graph = json.load(open(graph_file))
order, uses = graph["order"], graph["uses"]
problems = []


def rel(path):
    return os.path.relpath(path, root)


def files_under(folder, exts):
    for base, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(("build", "."))]
        for n in sorted(names):
            if n.endswith(exts):
                yield os.path.join(base, n)


# 1. lib/ root and the folders of each subsystem
lib = os.path.join(root, "lib")
for entry in sorted(os.listdir(lib)):
    path = os.path.join(lib, entry)
    if entry == "README.md":
        continue
    if not os.path.isdir(path):
        problems.append(f"lib/{entry}: only subsystem folders and README.md belong at the root of lib/")
    elif entry not in order:
        problems.append(f"lib/{entry}/: not a declared subsystem (OVERSIGHT_SUBSYSTEMS in CMakeLists.txt)")
readme = open(os.path.join(lib, "README.md")).read() if os.path.exists(os.path.join(lib, "README.md")) else ""
for s in order:
    for need in (f"lib/{s}/CMakeLists.txt", f"include/oversight/{s}", f"tests/cpp/{s}"):
        if not os.path.exists(os.path.join(root, need)):
            problems.append(f"{need}: missing (every subsystem has its code, headers and tests under one name)")
    if not re.search(rf"^## `?{s}/?`?", readme, re.M):
        problems.append(f"lib/README.md: no paragraph (a '## {s}/' heading) for subsystem {s}")

# 2 and 3. includes between subsystems
include_re = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
for s in order:
    allowed = set(uses[s]) | {s}
    for folder, public in ((os.path.join(lib, s), False), (os.path.join(root, "include", "oversight", s), True)):
        for f in files_under(folder, (".cpp", ".hpp", ".h")):
            text = open(f, encoding="utf-8", errors="replace").read()
            for m in include_re.finditer(text):
                kind, name = m.group(1), m.group(2)
                line = text.count("\n", 0, m.start()) + 1
                parts = name.split("/")
                target = None
                if kind == "<" and parts[0] == "oversight" and len(parts) > 2:
                    target = parts[1]
                elif kind == '"' and len(parts) > 1 and parts[0] in order:
                    target = parts[0]
                    if public:
                        problems.append(f"{rel(f)}:{line}: public header includes private {name}")
                if target is not None and target not in allowed:
                    problems.append(f"{rel(f)}:{line}: {s} includes {name}, but {s} does not use {target} "
                                    f"(it uses: {', '.join(uses[s]) or 'nothing'})")
                # The one exception (STYLE X3): the optional Boost conversions.
                if public and kind == "<" and "/" in name and parts[0] != "oversight" \
                        and not f.endswith(os.path.join("core", "boost_interop.hpp")):
                    problems.append(f"{rel(f)}:{line}: public header includes <{name}> (only the standard "
                                    "library and <oversight/...> may appear in public headers)")

# 4. SQL only in the store
# A literal holding an SQL statement; literals that open with a quote mark
# ("'; DROP TABLE x; --") are injection probes in tests, not SQL.
sql_statement = re.compile(r'"(?!\')[^"\n]*\b(SELECT\s+\S|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|'
                           r'CREATE\s+(TABLE|INDEX|UNIQUE|TRIGGER|VIEW)|DROP\s+(TABLE|INDEX)|ALTER\s+TABLE|PRAGMA\s+\w)')
sqlite_api = re.compile(r'\bSQLite::|<SQLiteCpp/|<sqlite3\.h>')
exempt = (os.path.join(root, "lib", "store") + os.sep, os.path.join(root, "tests", "cpp", "store") + os.sep,
          os.path.join(root, "tests", "layout") + os.sep)
for top in ("lib", "include", "capi", "examples", "tests"):
    for f in files_under(os.path.join(root, top), (".cpp", ".hpp", ".h", ".c")):
        if f.startswith(exempt):
            continue
        for n, line in enumerate(open(f, encoding="utf-8", errors="replace"), 1):
            if sqlite_api.search(line) or sql_statement.search(line):
                problems.append(f"{rel(f)}:{n}: SQL outside lib/store/: {line.strip()[:100]}")

# 5. the umbrella header
umbrella = open(os.path.join(root, "include", "oversight.hpp")).read()
for f in files_under(os.path.join(root, "include", "oversight"), (".hpp",)):
    name = os.path.relpath(f, os.path.join(root, "include")).replace(os.sep, "/")
    if name != "oversight/core/boost_interop.hpp" and f"#include <{name}>" not in umbrella:
        problems.append(f"include/oversight.hpp: does not include <{name}> (every public header belongs in it)")

for p in problems:
    print(p)
print(f"layout: {len(order)} subsystems ({' <- '.join(order)}); {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
