#!/usr/bin/env python3
"""The README cannot drift: its examples are compiled and run against the
INSTALLED library, as written, and their outputs compared.

usage: check_readme.py README PREFIX PYTHON_DIR SAMPLE_PLAN SSDA903_FOLDER

What is taken from README.md (fenced blocks, by their language tag):
  ```c       saved as app.c, built with the README's `cc app.c ...` command
             (an inline code span) and run as ./app;
  ```cmake   saved as CMakeLists.txt, with the ```cpp block saved as the
  ```cpp     source file the CMakeLists.txt names; configured, built and run
             with the README's `cmake ...` commands;
  ```python  saved as app.py and run as `python3 app.py`;
  ```toml    saved as local.toml (the file the command line names), and its
             rule ids must be listed by `oversight rules --pack local.toml`;
  ```sh      the block whose lines are all `oversight ...` commands: run in
             order against a fresh store, each must exit 0.
A ```text block directly after a ```c, ```cpp or ```python block is that
program's stated output and must equal what it prints, exactly. In the
command-line block, a comment `# → TEXT` after a command states its output,
which must equal what it prints (stripped of white space at the ends); other
comments explain and are not compared. Every output is a function of the
sample data and the dates written in the README, so nothing varies.

Everything runs in a new temporary folder holding plan.txt (a copy of
examples/data/sample_plan.txt) and ssda903/ (tests/data/ssda903_sample), with
an environment that stands for a system install to PREFIX: PATH starts with
PREFIX/bin, PKG_CONFIG_PATH is PREFIX's pkgconfig folder, LD_LIBRARY_PATH its
library folder (as ldconfig would for /usr/local), PYTHONPATH only
PREFIX/PYTHON_DIR, CMAKE_PREFIX_PATH is PREFIX, and OVERSIGHT_LIBRARY is unset.
"""
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.S | re.M)
STATED = "# → "


def blocks(text):
    """[(language, body, end offset)] of the fenced blocks, in order."""
    return [(m.group(1), m.group(2), m.start(), m.end()) for m in FENCE.finditer(text)]


def one(found, language):
    mine = [b for b in found if b[0] == language]
    if len(mine) != 1:
        sys.exit(f"README.md: expected one ```{language} block, found {len(mine)}")
    return mine[0]


def stated_output(text, found, block):
    """The ```text block directly after `block` (only blank lines between)."""
    index = found.index(block)
    following = found[index + 1] if index + 1 < len(found) else None
    if following is None or following[0] != "text" or text[block[3]:following[2]].strip():
        sys.exit(f"README.md: the ```{block[0]} example has no ```text block of its output directly after it")
    return following[1]


def split_comment(line):
    """(command, comment) of a shell line: the comment starts at the first #
    outside quotes that follows white space ("" when there is none)."""
    quote = None
    for i, c in enumerate(line):
        if quote:
            quote = None if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i], line[i:]
    return line, ""


def inline_command(text, pattern, what):
    """The inline code span (`...`) of the README matching `pattern`."""
    spans = [s for s in re.findall(r"`([^`\n]+)`", text) if re.match(pattern, s)]
    if not spans:
        sys.exit(f"README.md: no inline command for {what} (matching {pattern!r})")
    return spans[0]


class Runner:
    def __init__(self, folder, env):
        self.folder, self.env, self.failures, self.compared, self.ran = folder, env, [], 0, 0

    def run(self, what, args, shell=False):
        """Runs a command in the folder; its stdout, or None (a failure) when it fails."""
        self.ran += 1
        shown = args if shell else shlex.join(args)
        result = subprocess.run(args, cwd=self.folder, env=self.env, shell=shell, capture_output=True, text=True,
                                executable="/bin/bash" if shell else None)
        if result.returncode != 0:
            self.failures.append(f"{what}: `{shown}` exited {result.returncode}\n{result.stdout}{result.stderr}")
            return None
        print(f"ok: {what}: {shown}")
        return result.stdout

    def compare(self, what, got, want):
        self.compared += 1
        if got is None:
            return
        if got != want:
            diff = difflib.unified_diff(want.splitlines(), got.splitlines(), "README.md", "printed", lineterm="")
            self.failures.append(f"{what}: prints other than the README states:\n" + "\n".join(diff))
        else:
            print(f"ok: {what}: output as the README states ({len(want.splitlines())} lines)")


def main(argv):
    if len(argv) != 6:
        sys.exit(__doc__)
    readme, prefix, python_dir, sample_plan, ssda903 = argv[1:]
    prefix = os.path.abspath(prefix)
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    found = blocks(text)
    libdir = next(os.path.join(prefix, d) for d in ("lib", "lib64") if os.path.isdir(os.path.join(prefix, d)))
    env = {k: v for k, v in os.environ.items() if k not in ("OVERSIGHT_LIBRARY", "PYTHONPATH", "LD_LIBRARY_PATH")}
    env.update(PATH=os.path.join(prefix, "bin") + os.pathsep + env.get("PATH", ""),
               PKG_CONFIG_PATH=os.path.join(libdir, "pkgconfig"), LD_LIBRARY_PATH=libdir,
               PYTHONPATH=os.path.join(prefix, python_dir), CMAKE_PREFIX_PATH=prefix)

    cli = shutil.which("oversight", path=env["PATH"])
    if not cli or not cli.startswith(prefix + os.sep):
        sys.exit(f"the installed oversight is not first on PATH: {cli}")

    with tempfile.TemporaryDirectory(prefix="oversight_readme_") as folder:
        shutil.copy(sample_plan, os.path.join(folder, "plan.txt"))
        shutil.copytree(ssda903, os.path.join(folder, "ssda903"))
        r = Runner(folder, env)

        def save(name, body):
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(body)

        # C, through pkg-config as the README says.
        block = one(found, "c")
        save("app.c", block[1])
        if r.run("C example, build", inline_command(text, r"cc app\.c ", "building the C example"), shell=True) is not None:
            r.compare("C example", r.run("C example", ["./app"]), stated_output(text, found, block))

        # C++, through find_package(oversight) as the README's CMakeLists.txt says.
        block = one(found, "cpp")
        cmake = one(found, "cmake")[1]
        source = re.search(r"add_executable\(\s*(\w+)\s+([\w.]+)", cmake)
        if not source:
            sys.exit("README.md: the ```cmake block has no add_executable(NAME SOURCE)")
        save("CMakeLists.txt", cmake)
        save(source.group(2), block[1])
        build = inline_command(text, r"cmake -S \. ", "building the C++ example")
        if r.run("C++ example, build", build, shell=True) is not None:
            program = os.path.join(".", "build", source.group(1))
            r.compare("C++ example", r.run("C++ example", [program]), stated_output(text, found, block))

        # Python, with only the prefix's python folder on its path.
        block = one(found, "python")
        save("app.py", block[1])
        r.compare("Python example", r.run("Python example", [sys.executable, "app.py"]),
                  stated_output(text, found, block))

        # The rule pack the command line names.
        toml = one(found, "toml")[1]
        save("local.toml", toml)

        # The command line, in order, against a fresh store.
        commands = [b for b in found if b[0] == "sh" and b[1].strip() and all(
            line.startswith("oversight ") for line in b[1].splitlines() if line.strip())]
        if len(commands) != 1:
            sys.exit(f"README.md: expected one ```sh block of oversight commands, found {len(commands)}")
        for line in commands[0][1].splitlines():
            command, comment = split_comment(line)
            out = r.run("command line", shlex.split(command))
            if comment.startswith(STATED):
                r.compare(f"`{command.strip()}`", None if out is None else out.strip(),
                          comment[len(STATED):].strip())
            elif "→" in comment or "->" in comment:
                # A misspelt marker would silently stop comparing: refuse it.
                r.failures.append(f"`{command.strip()}`: a stated output is written {STATED!r}, not {comment!r}")
            if out is not None and {"rules", "--pack"} <= set(shlex.split(command)):
                for rule_id in re.findall(r'^id = "([^"]+)"', toml, re.M):
                    r.compared += 1
                    if not re.search(rf"^{re.escape(rule_id)} .* local ", out, re.M):
                        r.failures.append(f"`{command.strip()}` does not list the README's local rule {rule_id}")

    print(f"readme: {r.ran} commands run, {r.compared} outputs compared, {len(r.failures)} failure(s)")
    for failure in r.failures:
        print("FAIL: " + failure, file=sys.stderr)
    return 1 if r.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
