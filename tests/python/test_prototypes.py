"""The binding's declarations against the C headers: a signature that drifts
apart from the header fails here instead of corrupting a call.

- Every function prototype of capi/include/oversight.h and the area headers
  it includes is parsed (a header with a declaration this file cannot parse
  fails the test); their names are exactly those of capi/symbols.txt.
- Every function the binding declares (_lib.declared, the _init functions
  through their struct mirrors) has the argtypes, restype and errcheck its C
  prototype asks for: the count and each parameter's type.
- Every ctypes mirror of a C struct has the C struct's members: names, order
  and types.

C type -> ctypes, the binding's conventions (oversight/_lib.py):
  uint32_t, int32_t, int64_t, size_t   c_uint32, c_int32, c_int64, c_size_t (an
                                       int32_t/int64_t argument may be the
                                       range-checked _lib.Int32/_lib.Int64)
  uint64_t, double                     c_uint64, c_double (a sample's seed, a share)
  an enum (oversight_status)           c_int
  const char *                         c_char_p (argument or borrowed return)
  char ** (an owned string)            POINTER(c_void_p), freed by take_string
  oversight_<handle> *, void *         c_void_p (opaque handles)
  oversight_<handle> ** (constructor)  POINTER(c_void_p)
  oversight_date, oversight_<x>        the Structure mirror (by value)
  [const] oversight_<x> *              POINTER(the mirror)
  const oversight_<x> *const *         POINTER(POINTER(the mirror)) (an array of structs)
  <scalar> *                           POINTER(the scalar)
  oversight_<x>_fn (a callback)        CFUNCTYPE of the typedef's own types, by
                                       these conventions (a `const char *` it
                                       is given may be POINTER(c_char), read
                                       with its length)
A function returning oversight_status raises OversightError (errcheck), except
oversight_last_error_code, which reports a status instead of failing.
"""
import ctypes
import glob
import os
import re
import unittest

from oversight import _lib
from oversight.calendar import CalendarDay
from test_binding import all_mirrors, exported_symbols  # tests/python, on the path under discover

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.environ.get("OVERSIGHT_PROJECT_DIR", os.path.join(HERE, "..", ".."))
INCLUDE = os.path.join(PROJECT, "capi", "include")

SCALARS = {"uint32_t": ctypes.c_uint32, "int32_t": ctypes.c_int32, "int64_t": ctypes.c_int64,
           "size_t": ctypes.c_size_t, "uint64_t": ctypes.c_uint64, "double": ctypes.c_double}
RANGE_CHECKED = {ctypes.c_int32: _lib.Int32, ctypes.c_int64: _lib.Int64}  # accepted for arguments
PLAIN_MIRRORS = {"oversight_date": _lib.Date, "oversight_calendar_day": CalendarDay}  # structs without version
NOT_FALLIBLE = {"oversight_last_error_code"}  # returns an oversight_status without failing

FUNCTION = re.compile(r"OVERSIGHT_API\s+(?P<ret>[^;]*?)\bOVERSIGHT_CALL\s+(?P<name>oversight_\w+)\s*"
                      r"\((?P<params>[^;]*?)\)\s*OVERSIGHT_NOEXCEPT\s*;")
STRUCT = re.compile(r"typedef\s+struct\s+(oversight_\w+)\s*\{([^}]*)\}\s*(\w+)\s*;")
OPAQUE = re.compile(r"typedef\s+struct\s+(oversight_\w+)\s+(\w+)\s*;")
CALLBACK = re.compile(r"typedef\s+(?P<ret>[\w\s]+?)\s*\(\s*OVERSIGHT_CALL\s*\*\s*(?P<name>oversight_\w+_fn)\s*\)\s*"
                      r"\((?P<params>[^;]*?)\)\s*;")
ENUM = re.compile(r"typedef\s+enum\s+(oversight_\w+)\s*\{[^}]*\}\s*(\w+)\s*;")


def headers():
    """The headers <oversight.h> includes (version.h is generated from cmake/version.h.in)."""
    with open(os.path.join(INCLUDE, "oversight.h"), encoding="utf-8") as f:
        areas = re.findall(r"#include\s*<oversight/c/(\w+)\.h>", f.read())
    paths = [os.path.join(PROJECT, "cmake", "version.h.in") if area == "version" else
             os.path.join(INCLUDE, "oversight", "c", area + ".h") for area in areas]
    on_disk = glob.glob(os.path.join(INCLUDE, "oversight", "c", "*.h"))
    if not set(on_disk) <= set(paths):
        raise AssertionError("headers <oversight.h> does not include: %s" % sorted(set(on_disk) - set(paths)))
    return [os.path.join(INCLUDE, "oversight.h")] + paths


def c_type(text, where, named):
    """(is_const, base type, pointer depth, name) of "const char *text" / "int32_t"."""
    tokens = re.findall(r"\w+|\*|\S", text)
    depth, const = tokens.count("*"), "const" in tokens
    words = [t for t in tokens if t not in ("*", "const")]
    name = words.pop() if named and len(words) == 2 else None
    if len(words) != 1 or not re.fullmatch(r"\w+", words[0]) or any(not re.fullmatch(r"\w+|\*", t) for t in tokens):
        raise ValueError("%s: cannot parse the C type %r" % (where, text))
    return const, words[0], depth, name


def parse_headers():
    """({function: (return type, [param types])}, {struct: [(member, type)]}, opaque handles, enums,
    {callback typedef: (return type, [param types])})."""
    functions, structs, opaque, enums, callbacks = {}, {}, set(), set(), {}
    for path in headers():
        with open(path, encoding="utf-8") as f:
            text = f.read()
        text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S).replace("\\\n", " ")
        text = re.sub(r"//[^\n]*|^\s*#[^\n]*", " ", text, flags=re.M)
        text = re.sub(r"OVERSIGHT_DEPRECATED\s*\((\"[^\"]*\"|[^)])*\)", " ", text)
        where = os.path.relpath(path, PROJECT)
        found = FUNCTION.findall(text)
        if len(found) != text.count("OVERSIGHT_API"):
            raise AssertionError("%s: %d declarations with OVERSIGHT_API, %d parsed (unusual declaration style?)"
                                 % (where, text.count("OVERSIGHT_API"), len(found)))
        for ret, name, params in found:
            params = [] if params.strip() == "void" else [p.strip() for p in params.split(",")]
            functions[name] = (c_type(ret, "%s: %s return" % (where, name), False),
                               [c_type(p, "%s: %s" % (where, name), True) for p in params])
        for ret, name, params in CALLBACK.findall(text):
            callbacks[name] = (c_type(ret, "%s: %s return" % (where, name), False),
                               [c_type(p.strip(), "%s: %s" % (where, name), True) for p in params.split(",")])
        for _, body, name in STRUCT.findall(text):
            members = [m.strip() for m in body.split(";") if m.strip()]
            structs[name] = [c_type(m, "%s: struct %s" % (where, name), True) for m in members]
        opaque.update(name for _, name in OPAQUE.findall(text))
        enums.update(name for _, name in ENUM.findall(text))
    return functions, structs, opaque, enums, callbacks


# c_uint64 first: where it is c_size_t's alias (LP64), c_size_t names both.
FIXED_WIDTH = {t: name for name, t in [("c_uint64", ctypes.c_uint64), ("c_size_t", ctypes.c_size_t),
                                       ("c_uint32", ctypes.c_uint32), ("c_int64", ctypes.c_int64),
                                       ("c_int32", ctypes.c_int32)]}


def type_name(t):
    """A ctypes type as it would be written (c_int64, not the platform's alias c_long)."""
    if t is None:
        return "None"
    if isinstance(t, type) and issubclass(t, ctypes._Pointer):
        return "POINTER(%s)" % type_name(t._type_)
    return FIXED_WIDTH.get(t, t.__name__)


class Prototypes:
    """The ctypes type(s) each C type must be declared as."""

    def __init__(self, opaque, enums, mirrors, callbacks):
        self.opaque, self.enums, self.mirrors, self.callbacks = opaque, enums, mirrors, callbacks

    def expected(self, ctype, argument=False):
        """A tuple of acceptable ctypes types (None: void); KeyError if no convention covers it."""
        const, base, depth, _ = ctype
        if depth == 0:
            if base == "void":
                return (None,)
            if base in SCALARS:
                t = SCALARS[base]
                return (t, RANGE_CHECKED[t]) if argument and t in RANGE_CHECKED else (t,)
            if base in self.enums:
                return (ctypes.c_int,)
            return (self.mirrors[base],)
        if depth == 1:
            if base == "char" and const:
                return (ctypes.c_char_p,)
            if base == "void" or base in self.opaque:
                return (ctypes.c_void_p,)
            if base in SCALARS:
                return (ctypes.POINTER(SCALARS[base]),)
            return (ctypes.POINTER(self.mirrors[base]),)
        if depth == 2 and not const and (base == "char" or base in self.opaque):
            return (ctypes.POINTER(ctypes.c_void_p),)
        if depth == 2 and const and base == "char":  # const char *const *: an array of strings
            return (ctypes.POINTER(ctypes.c_char_p),)
        if depth == 2 and const and base in self.mirrors:  # const oversight_<x> *const *: an array of structs
            return (ctypes.POINTER(ctypes.POINTER(self.mirrors[base])),)
        raise KeyError("%s%s %s" % ("const " if const else "", base, "*" * depth))

    def compare(self, label, declared, ctype, argument=False):
        """A mismatch message, or None."""
        if ctype[2] == 0 and ctype[1] in self.callbacks:
            return self.compare_callback(label, declared, ctype[1])
        try:
            want = self.expected(ctype, argument)
        except KeyError as e:
            return "%s: no ctypes convention for the C type %s" % (label, e)
        if declared not in want:
            return "%s: declared %s, the header says %s" % (
                label, type_name(declared), " or ".join(type_name(t) for t in want))
        return None


    def compare_callback(self, label, declared, name):
        """A callback argument: a CFUNCTYPE whose return and parameters are the typedef's."""
        if not (isinstance(declared, type) and issubclass(declared, ctypes._CFuncPtr)):
            return "%s: declared %s, the header's %s is a callback (CFUNCTYPE)" % (label, type_name(declared), name)
        ret, params = self.callbacks[name]
        problems = [self.compare("%s: %s return" % (label, name), declared._restype_, ret)]
        if len(declared._argtypes_) != len(params):
            problems.append("%s: %s has %d parameters, declared with %d" % (label, name, len(params),
                                                                            len(declared._argtypes_)))
        for i, (t, param) in enumerate(zip(declared._argtypes_, params)):
            where = "%s: %s parameter %d (%s)" % (label, name, i + 1, param[3])
            text = param[:3] == (True, "char", 1)
            problems.append(None if text and t in (ctypes.c_char_p, ctypes.POINTER(ctypes.c_char))
                            else self.compare(where, t, param))
        problems = [p for p in problems if p]
        return "; ".join(problems) if problems else None


class PrototypesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.functions, cls.structs, opaque, enums, callbacks = parse_headers()
        cls.mirrors = dict(PLAIN_MIRRORS)
        for mirror in all_mirrors():
            mirror()  # declares its _init function (the binding does so at first use)
            cls.mirrors[mirror._init[:-len("_init")]] = mirror
        cls.protos = Prototypes(opaque, enums, cls.mirrors, callbacks)

    def test_the_headers_declare_every_exported_function(self):
        symbols = exported_symbols()
        self.assertEqual(len(self.functions), len(symbols))
        self.assertEqual(sorted(set(self.functions) ^ set(symbols)), [])

    def test_every_declared_function_has_the_headers_prototype(self):
        mismatches, compared = [], 0
        for name in sorted(_lib.declared):
            if name not in self.functions:
                mismatches.append("%s: declared by %s, in no header" % (name, _lib.declared[name]))
                continue
            f, (ret, params) = getattr(_lib.lib, name), self.functions[name]
            compared += 1
            argtypes = list(f.argtypes or [])
            if len(argtypes) != len(params):
                mismatches.append("%s: %d argtypes, the header has %d parameters"
                                  % (name, len(argtypes), len(params)))
            for i, (declared, param) in enumerate(zip(argtypes, params)):
                label = "%s: parameter %d of %d (%s)" % (name, i + 1, len(params), param[3])
                mismatches.append(self.protos.compare(label, declared, param, argument=True))
            mismatches.append(self.protos.compare("%s: restype" % name, f.restype, ret))
            fallible = ret[1] == "oversight_status" and ret[2] == 0 and name not in NOT_FALLIBLE
            if (f.errcheck is _lib._check) != fallible:
                mismatches.append("%s: errcheck %s, but it %s an oversight_status to check" % (
                    name, "set" if f.errcheck else "missing", "returns" if fallible else "does not return"))
        mismatches = [m for m in mismatches if m]
        if mismatches:
            self.fail("%d mismatches between the binding and the headers:\n  %s"
                      % (len(mismatches), "\n  ".join(mismatches)))
        # Not vacuous: every exported function the binding declares was compared.
        self.assertGreaterEqual(compared, len(set(exported_symbols()) & set(_lib.declared)))
        self.assertEqual(compared, len(self.functions))

    def test_every_struct_mirror_has_the_c_members(self):
        self.assertEqual(sorted(set(self.structs) ^ set(self.mirrors)), [],
                         "C structs without a mirror, or mirrors of no C struct")
        mismatches = []
        for struct, members in sorted(self.structs.items()):
            fields = self.mirrors[struct]._fields_
            label = "%s (%s)" % (struct, self.mirrors[struct].__name__)
            names = [m[3] for m in members]
            if [f[0] for f in fields] != names:
                mismatches.append("%s: members %s, the header has %s" % (label, [f[0] for f in fields], names))
                continue
            for (field, declared), member in zip(fields, members):
                mismatches.append(self.protos.compare("%s.%s" % (label, field), declared, member))
        versioned = {s for s, members in self.structs.items() if members[0][1:] == ("uint32_t", 0, "version")}
        self.assertEqual(versioned, {mirror._init[:-len("_init")] for mirror in all_mirrors()})
        mismatches = [m for m in mismatches if m]
        if mismatches:
            self.fail("%d mismatches between the struct mirrors and the headers:\n  %s"
                      % (len(mismatches), "\n  ".join(mismatches)))


if __name__ == "__main__":
    unittest.main()
