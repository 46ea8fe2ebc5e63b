"""A work-around for PySide6 6.12 on Python 3.11, used by the desktop and the report renderer.

It works around a PySide6 6.12 defect on Python 3.11: every call of a void
Qt method from Python (``timer.stop()``, ``app.processEvents()``, ``painter.setPen(...)``) drops
one reference to ``None`` it never took (and bool-returning paths do the same to ``True`` /
``False``); after a few thousand calls CPython deallocates ``None`` and aborts ("none_dealloc").
Python 3.12+ makes these objects immortal; on 3.11 we give them a reference count no session
can drain (2**40 references, never given back: they must outlive the interpreter anyway).
"""

from __future__ import annotations

import ctypes
import sys

_MARGIN = 1 << 40


def keep_singletons_alive() -> None:
    """Top up the reference counts of None, True and False (no-op where they are immortal)."""
    if sys.version_info >= (3, 12) or hasattr(
        sys, "gettotalrefcount"
    ):  # immortal, or a debug build's layout
        return
    for value in (None, True, False):
        if sys.getrefcount(value) < _MARGIN // 2:
            ctypes.c_ssize_t.from_address(id(value)).value += _MARGIN
