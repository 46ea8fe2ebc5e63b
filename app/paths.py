"""Where Exchange Desk keeps its files, from platformdirs (tests redirect with XDESK_HOME)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "ExchangeDesk"


def data_dir() -> Path:
    """The per-user data folder (created on first use)."""
    home = os.environ.get("XDESK_HOME")
    path = (
        Path(home) / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """The per-user configuration folder (created on first use)."""
    home = os.environ.get("XDESK_HOME")
    path = (
        Path(home) / "config"
        if home
        else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database() -> str:
    """The database to use: ``XDESK_DB`` if set, else ``desk.sqlite`` in the data folder."""
    return os.environ.get("XDESK_DB") or str(data_dir() / "desk.sqlite")
