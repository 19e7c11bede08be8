"""Loading liboversight_c, and what every area of the C API shares
(<oversight/c/base.h> and <oversight/c/date.h>).

- The library is found in this order: the file OVERSIGHT_LIBRARY names; the
  one `cmake --install` recorded beside this package (_library_path.txt, a
  path relative to the package, so an install tree can be moved whole);
  ctypes.util.find_library("oversight_c") and the system's search path.
  library_path() says which file was loaded.
- argtypes/restype/errcheck are declared for every function (see `fn`).
- A non-zero oversight_status raises OversightError with the thread's last
  error message.
- Owned strings come back as c_void_p and are released with oversight_free.
- Versioned structs (<oversight/c/base.h> rule 4) are ctypes.Structure
  mirrors (`Versioned`) filled by the library's own _init function, so the
  version and the defaults are the library's.
- JSON documents are checked for their "format" and "version" (`document`).
- The ABI version is checked once, at load time.
"""
import ctypes
import ctypes.util
import datetime
import json
import os
import sys

ABI_VERSION = 1  # OVERSIGHT_ABI_VERSION this binding was written for
LIBRARY_PATH_FILE = "_library_path.txt"  # written by `cmake --install` (cmake/OversightPython.cmake)


class OversightError(Exception):
    """A failed call: .status is the oversight_status code, str() the message."""

    def __init__(self, status, message):
        super().__init__(message or "oversight status %d" % status)
        self.status = status


def _installed_library():
    """The library `cmake --install` recorded beside this package, or None
    when nothing was recorded (a source tree, a pip install). A record is
    trusted: if the file it names is gone, that is an error, never a silent
    fall-back to another copy of the library."""
    here = os.path.dirname(os.path.abspath(__file__))
    record = os.path.join(here, LIBRARY_PATH_FILE)
    try:
        with open(record, encoding="utf-8") as f:
            relative = f.read().strip()
    except FileNotFoundError:
        return None
    path = os.path.normpath(os.path.join(here, relative)) if relative else ""
    if not os.path.isfile(path):
        raise ImportError("%s records the library as %r, which is not a file (%s): reinstall Oversight, "
                          "or set OVERSIGHT_LIBRARY to the library's path"
                          % (record, relative, path or "the record is empty"))
    return path


def _load():
    """(the loaded library, how it was found)."""
    path = os.environ.get("OVERSIGHT_LIBRARY")
    how = "OVERSIGHT_LIBRARY"
    if not path:
        path, how = _installed_library(), os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                       LIBRARY_PATH_FILE)
    if not path:
        path = ctypes.util.find_library("oversight_c") or "liboversight_c.so.%d" % ABI_VERSION
        how = "the system's library path"
    try:
        return ctypes.CDLL(path), path
    except OSError as e:
        raise ImportError("cannot load liboversight_c from %s (found through %s): %s; set OVERSIGHT_LIBRARY "
                          "to the library's path" % (path, how, e)) from e


lib, _loaded_as = _load()
declared = {}  # C function -> the module that declared it through fn() (checked by tests/python)


def _check(status, func, args):
    if status != 0:
        raise OversightError(status, lib.oversight_last_error_message().decode("utf-8", "replace"))
    return args


def fn(name, argtypes, restype=ctypes.c_int, status=None):
    """Declares a C function. A function returning oversight_status (the
    default) raises OversightError on failure. `status` says so explicitly;
    by default it is true when restype is c_int (pass status=False for an
    int32_t getter, since c_int32 is c_int on most platforms)."""
    f = getattr(lib, name)
    f.argtypes = argtypes
    f.restype = restype
    if status is None:
        status = restype is ctypes.c_int
    if status:
        f.errcheck = _check
    declared.setdefault(name, sys._getframe(1).f_globals.get("__name__"))
    return f


# <oversight/c/base.h>
fn("oversight_last_error_message", [], ctypes.c_char_p)  # borrowed, valid until the next call
fn("oversight_last_error_code", [], ctypes.c_int, status=False)
fn("oversight_last_error_clear", [], None)
fn("oversight_status_string", [ctypes.c_int], ctypes.c_char_p)  # static string
fn("oversight_version_number", [], ctypes.c_int32, status=False)
fn("oversight_abi_version", [], ctypes.c_int32, status=False)
fn("oversight_version_string", [], ctypes.c_char_p)
fn("oversight_free", [ctypes.c_void_p], None)

if lib.oversight_abi_version() != ABI_VERSION:
    raise ImportError("liboversight_c ABI %d, this binding needs %d"
                      % (lib.oversight_abi_version(), ABI_VERSION))


class _DlInfo(ctypes.Structure):
    _fields_ = [("dli_fname", ctypes.c_char_p), ("dli_fbase", ctypes.c_void_p),
                ("dli_sname", ctypes.c_char_p), ("dli_saddr", ctypes.c_void_p)]


def library_path():
    """The absolute path of the liboversight_c file this process loaded (as
    the dynamic loader reports it: dladdr, GetModuleFileNameW on Windows)."""
    if os.name == "nt":
        buf = ctypes.create_unicode_buffer(32768)
        if ctypes.windll.kernel32.GetModuleFileNameW(ctypes.c_void_p(lib._handle), buf, len(buf)):
            return buf.value
        return os.path.abspath(_loaded_as)
    dladdr = ctypes.CDLL(None).dladdr
    dladdr.argtypes = [ctypes.c_void_p, ctypes.POINTER(_DlInfo)]
    info = _DlInfo()
    if dladdr(ctypes.cast(lib.oversight_abi_version, ctypes.c_void_p), ctypes.byref(info)) and info.dli_fname:
        return os.path.abspath(os.fsdecode(info.dli_fname))
    return os.path.abspath(_loaded_as)


def version():
    return lib.oversight_version_string().decode("utf-8")


def version_number():
    """MAJOR*10000 + MINOR*100 + PATCH."""
    return lib.oversight_version_number()


def abi_version():
    return lib.oversight_abi_version()


class Int32(ctypes.c_int32):
    """An int32_t argument: out-of-range Python ints raise OverflowError
    instead of being silently truncated by ctypes."""

    @classmethod
    def from_param(cls, value):
        return ctypes.c_int32(_in_range(value, 32))


class Int64(ctypes.c_int64):
    """An int64_t argument, range-checked like Int32."""

    @classmethod
    def from_param(cls, value):
        return ctypes.c_int64(_in_range(value, 64))


def _in_range(value, bits):
    if isinstance(value, ctypes._SimpleCData):
        value = value.value
    if not isinstance(value, int):
        raise TypeError("an integer is required, not %s" % type(value).__name__)
    if not -(1 << (bits - 1)) <= value < (1 << (bits - 1)):
        raise OverflowError("%d does not fit in int%d_t" % (value, bits))
    return value


def status_string(status):
    """The library's English name of an oversight_status code."""
    return lib.oversight_status_string(status).decode("utf-8")


class Handle:
    """Owns one library handle (`_handle`) and releases it exactly once with
    the type's oversight_<type>_free: by close(), at the end of a `with`
    block, or when garbage-collected. Subclasses set `_free` and `_kind`."""

    _free = None       # staticmethod(oversight_<type>_free)
    _kind = "handle"   # for messages: "calendar", "rule pack", ...

    def __init__(self, handle):
        self._handle = handle

    def close(self):
        """Releases the handle. Idempotent."""
        handle = self.__dict__.get("_handle")
        if handle is not None:
            self._handle = None
            type(self)._free(handle)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __del__(self):
        try:
            self.close()
        except Exception:  # interpreter shutdown: the library may be gone
            pass

    def _h(self):
        """The open handle; ValueError once closed."""
        if self._handle is None:
            raise ValueError("%s is closed" % self._kind)
        return self._handle


def handle_of(obj, cls):
    """The open handle of `obj`, which must be a `cls` (so that a RulePack can
    never reach C where a Calendar is expected); None gives NULL (the
    library's documented default). ValueError when closed."""
    if obj is None:
        return None
    if not isinstance(obj, cls):
        raise TypeError("expected an oversight.%s, got %s" % (cls.__name__, type(obj).__name__))
    return obj._h()


class Date(ctypes.Structure):
    """oversight_date: three int32 fields."""
    _fields_ = [("year", ctypes.c_int32), ("month", ctypes.c_int32), ("day", ctypes.c_int32)]

    @classmethod
    def of(cls, value):
        """From a datetime.date or a "YYYY-MM-DD" string."""
        if isinstance(value, Date):
            return value
        if isinstance(value, datetime.date):
            return cls(value.year, value.month, value.day)
        d = cls()
        _date_parse_iso(encode(value), ctypes.byref(d))
        return d

    def to_date(self):
        return datetime.date(self.year, self.month, self.day)

    def __str__(self):
        return "%04d-%02d-%02d" % (self.year, self.month, self.day)


def encode(text):
    """str -> UTF-8 bytes for a const char* argument (None stays NULL)."""
    if text is None:
        return None
    if isinstance(text, bytes):
        return text
    return str(text).encode("utf-8")


def document(text, fmt):
    """A JSON document the library returned: checks its "format" and
    "version" (<oversight/c/base.h> rule 6) and returns it as a dict."""
    doc = json.loads(text)
    if not isinstance(doc, dict) or doc.get("format") != fmt or doc.get("version") != 1:
        raise OversightError(7, "expected a %s version 1 document from the library" % fmt)
    return doc


def take_string(ptr):
    """Decodes and frees an owned string returned through char **out."""
    if not ptr.value:
        return None
    try:
        return ctypes.string_at(ptr.value).decode("utf-8")
    finally:
        lib.oversight_free(ptr.value)


def call_string(f, *args):
    """Calls f(*args, &out) and returns the owned string out as str."""
    out = ctypes.c_void_p()
    f(*args, ctypes.byref(out))
    return take_string(out)


_date_parse_iso = fn("oversight_date_parse_iso", [ctypes.c_char_p, ctypes.POINTER(Date)])
_date_format_iso = fn("oversight_date_format_iso", [Date, ctypes.POINTER(ctypes.c_void_p)])
_date_validate = fn("oversight_date_validate", [Date])
_date_today = fn("oversight_date_today", [ctypes.POINTER(Date)])


def today():
    """Today's date in UTC, as the library sees it (datetime.date)."""
    d = Date()
    _date_today(ctypes.byref(d))
    return d.to_date()


def format_date(value):
    """"YYYY-MM-DD" of a date the library accepts (OversightError otherwise)."""
    d = Date.of(value)
    _date_validate(d)
    return call_string(_date_format_iso, d)


class Versioned(ctypes.Structure):
    """A versioned options or record struct. Subclasses give `_fields_`
    (starting with ("version", c_uint32)), `_init` (the C name of its
    oversight_<area>_<x>_init) and `VERSION`; the constructor lets the library
    fill the defaults for that version, then sets the keyword arguments.
    Text is given as str (None stays NULL), dates as datetime.date or
    "YYYY-MM-DD" (None stays NULL), handles as their Python objects' `_h()`.
    The objects members point to are kept alive with the struct."""

    _init = None
    VERSION = 1

    def __init__(self, **members):
        super().__init__()
        self._keep = []
        init = _inits.get(type(self))
        if init is None:
            init = _inits[type(self)] = fn(self._init, [ctypes.POINTER(type(self)), ctypes.c_uint32])
        init(ctypes.byref(self), self.VERSION)
        for name, value in members.items():
            self.set(name, value)

    def set(self, name, value):
        """Sets one member from a Python value (str, date, int, handle, None)."""
        fields = dict(self._fields_)
        if name not in fields or name == "version":
            raise TypeError("%s has no member %r to set" % (type(self).__name__, name))
        ctype = fields[name]
        if ctype is ctypes.c_char_p:
            value = encode(value)
        elif ctype is ctypes.POINTER(Date):
            if value is not None:
                value = ctypes.pointer(Date.of(value))
        elif ctype is Date:
            value = Date.of(value)
        elif ctype is ctypes.c_int32:
            value = _in_range(value, 32)
        elif ctype is ctypes.c_int64:
            value = _in_range(value, 64)
        self._keep.append(value)
        setattr(self, name, value)
        return self


_inits = {}
