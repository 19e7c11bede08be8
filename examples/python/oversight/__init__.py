"""Python binding of Oversight through ctypes (the C ABI, liboversight_c).

    import oversight
    with oversight.Store("plan.db") as store:
        store.import_seed_plan("plan.txt", report_date="2012-09-14")
        print(store.report(as_of="2012-10-12", fmt="text"))

One module per area header of the C API (<oversight/c/<area>.h>): store,
calendar, rule_pack, plan, action_iter, report, imports (import.h), workforce,
casework, complaints, audit, supervision, indicator, reminders, compliance and batch; _lib loads the library and holds what base.h and
date.h share. The library is the file OVERSIGHT_LIBRARY names, else the one
`cmake --install` installed with this package, else the system's
liboversight_c.so.1; library_path() says which file was loaded.
"""
from ._lib import OversightError, abi_version, version, version_number, library_path, lib, Date  # noqa: F401
from .store import Store  # noqa: F401
from .calendar import Calendar  # noqa: F401
from .rule_pack import RulePack  # noqa: F401
from .casework import Casework  # noqa: F401
from .imports import import_return  # noqa: F401
from .batch import Batch, BatchRefused, apply_batch  # noqa: F401
