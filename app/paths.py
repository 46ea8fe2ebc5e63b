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


def unused_database_path() -> str:
    """A name for another database in the data folder that no file has yet (desk-2.sqlite, …)."""
    folder = data_dir()
    number = 2
    while (folder / f"desk-{number}.sqlite").exists():
        number += 1
    return str(folder / f"desk-{number}.sqlite")


def private_file(path: str | os.PathLike[str]) -> Path:
    """Create ``path`` empty, readable and writable by its owner only (0600), or tighten an
    existing one, before a writer that opens by name fills it: every file Exchange Desk writes
    (databases and their copies, backups, reports, exports, attachments saved out) holds
    records, so none is ever readable by other accounts on the machine, whatever the umask."""
    path = Path(path)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    os.chmod(path, 0o600)
    return path
