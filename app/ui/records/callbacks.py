"""Callbacks of operations that may end after their widget is gone."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject

T = TypeVar("T")


def while_alive(widget: QObject, callback: Callable[[T], None]) -> Callable[[T], None]:
    """``callback``, skipped when ``widget`` was deleted meanwhile (its window closed while a
    call ran)."""

    def call(value: T) -> None:
        if shiboken6.isValid(widget):
            callback(value)

    return call
