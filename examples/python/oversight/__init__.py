"""Python binding of Oversight through ctypes (the C ABI, liboversight_c).

    import oversight
    with oversight.Store("plan.db") as store:
        store.import_seed_plan("plan.txt", report_date="2012-09-14")
        print(store.report(as_of="2012-10-12", fmt="text"))

Set OVERSIGHT_LIBRARY to the path of liboversight_c.so to load a particular
build; otherwise the system's library search path is used.
"""
from ._lib import OversightError, abi_version, version, lib, Date  # noqa: F401
from .plan import Store  # noqa: F401
from .calendar import Calendar  # noqa: F401
from .deadlines import RulePack  # noqa: F401
from .casework import Casework  # noqa: F401
