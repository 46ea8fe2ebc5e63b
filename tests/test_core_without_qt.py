"""The core (domain, database, security, services, search, report content) works without Qt:
a fresh interpreter imports all of it, creates, lists and searches records, and never loads PySide6.

The suite's own process always has Qt loaded (pytest-qt imports it), so this runs in a child.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.helpers import PASSWORD

ROOT = Path(__file__).resolve().parent.parent

CHILD = textwrap.dedent(
    """
    import importlib
    import sys
    from pathlib import Path

    import app

    # every module below the user interface, except the one that lays reports out with Qt
    CORE = (
        "app.domain",
        "app.database",
        "app.security",
        "app.services",
        "app.search",
        "app.reports",
    )
    # (found from the files: walking packages would import app.reports.render to look inside)
    root = Path(app.__file__).parent.parent
    for path in sorted(Path(app.__file__).parent.rglob("*.py")):
        name = ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        if name.startswith(CORE) and not name.startswith("app.reports.render"):
            importlib.import_module(name)

    from app.domain.labels import Label, Release
    from app.search import search
    from app.services.desk import Desk
    from app.services.setup import initialise

    target, password = Path(sys.argv[1]), sys.argv[2]
    database = initialise(target, "USA", "default", "admin", password)
    try:
        desk = Desk(database, "admin")
        desk.people.create({"family_name": "Kowalski", "nation_code": "POL"})
        desk.people.create(
            {"family_name": "Tanaka", "nation_code": "JPN"}, label=Label(3, Release.NOFORN)
        )
        names = [p.family_name for p in desk.people.list().records]
        assert names == ["Kowalski", "Tanaka"], names
        hits = [h.title for h in search(desk, "Kowalski").hits]
        assert hits == ["KOWALSKI"], hits
        assert desk.audit.verify().ok
    finally:
        database.dispose()
    loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6"))
    assert not loaded, loaded
    print("core ok without Qt")
    """
)


@pytest.mark.sqlite_only(reason="the child makes its own SQLite file")
def test_core_runs_without_qt(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDESK_HOME": str(tmp_path / "home")}
    child = subprocess.run(
        [
            sys.executable,
            "-X",
            "dev",
            "-W",
            "error",
            "-c",
            CHILD,
            str(tmp_path / "core.sqlite"),
            PASSWORD,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    assert child.stdout.strip() == "core ok without Qt"
