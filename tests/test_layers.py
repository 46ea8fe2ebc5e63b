"""The layers of docs/ARCHITECTURE.md hold for every import of every module under ``app/``.

Order: domain → database → security → services → {search, reports} → {ui, cli}. A module may
import its own layer and the layers before it, never a later one, and never a sibling of its own
rank (search and reports do not import each other, nor do the desktop and the command line).

Every import statement counts: module-level, function-local (a lazy import hides a dependency,
it does not remove it) and those under ``if TYPE_CHECKING:`` (a type-only import still ties a
module to the later layer's names, and is the first step of a cycle; none is needed today).

Outside the layers sits one foundation module every layer may use and which imports nothing
of ours: ``app.paths`` (platformdirs locations). ``app.cli`` (the ``xdesk`` command package)
is the command-line front end, beside ``app.ui``; the ``cli`` modules of ``app/search`` and
``app/reports`` belong to their packages.

Qt (``PySide6``, ``shiboken6``) is imported only under ``app/ui/`` and
by the report renderer, ``app.reports.render``.

The Alembic scripts under ``migrations/`` run inside ``app.database.migrate``: they belong to the
database layer. Saved searches (``app.search.saved``) and the report package's printing
(``app.reports``) reach the database only through the services: no SQL, no sessions, no audit
calls of their own (models only as the types the services return).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app"

# layer name -> rank; equal ranks are siblings and may not import each other
RANKS = {
    "domain": 0,
    "database": 1,
    "security": 2,
    "services": 3,
    "search": 4,
    "reports": 4,
    "ui": 5,
    "cli": 5,
}
FOUNDATION = {"app", "app.paths"}
QT_PACKAGES = ("PySide6", "shiboken6")
QT_ALLOWED_OUTSIDE_UI = "app.reports.render"  # the report renderer and its submodules

# (importer, imported) edges against the order that are still being removed: empty when done
KNOWN: set[tuple[str, str]] = set()


def module_name(path: Path) -> str:
    """``app/search/cli.py`` -> ``app.search.cli``; a package's ``__init__`` is the package."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(APP.rglob("*.py"))}
MIGRATIONS = sorted((ROOT / "migrations").rglob("*.py"))
THROUGH_SERVICES = {"app.search.saved", "app.reports"}
DATABASE_ACCESS = ("sqlalchemy", "app.database", "app.security.audit")
FILES = {**MODULES, **{module_name(path): path for path in MIGRATIONS}}


def layer_of(module: str) -> str | None:
    """The layer of one of our modules (None for the foundation modules)."""
    if module in FOUNDATION:
        return None
    return module.split(".")[1]


def imported_modules(module: str, path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in a file, wherever it stands (functions, TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:  # ``from app.search import cli`` imports app.search.cli
                submodule = f"{source}.{alias.name}"
                found.append((node.lineno, submodule if submodule in MODULES else source))
    return found


def edges() -> list[tuple[str, int, str]]:
    """(importer, line, imported) for every import of our modules, of Qt and, where it is
    watched, of the database."""
    found = []
    for module, path in FILES.items():
        for line, target in imported_modules(module, path):
            ours = target == "app" or target.startswith("app.")
            database = module in THROUGH_SERVICES and target.startswith(DATABASE_ACCESS)
            if ours or target.split(".")[0] in QT_PACKAGES or database:
                found.append((module, line, target))
    return found


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def violation(importer: str, imported: str) -> str | None:
    """Why an import breaks the rules, or None when it is allowed."""
    if importer in THROUGH_SERVICES and imported.startswith(DATABASE_ACCESS):
        return f"{importer} reads and writes through the services"
    if importer.startswith("migrations."):
        importer = "app.database.migrate"  # the scripts run inside it
    if imported.split(".")[0] in QT_PACKAGES:
        if layer_of(importer) == "ui" or _within(importer, QT_ALLOWED_OUTSIDE_UI):
            return None
        return "Qt is imported only under app/ui and by app.reports.render"
    if imported in FOUNDATION:
        return None
    if importer in FOUNDATION:
        return f"{importer} is a foundation module and imports nothing of ours"
    source, target = layer_of(importer), layer_of(imported)
    if target not in RANKS:
        return f"{imported} belongs to no layer of docs/ARCHITECTURE.md"
    if source == target:
        return None
    if RANKS[target] > RANKS[source]:
        return f"{source} comes before {target}"
    if RANKS[target] == RANKS[source]:
        return f"{source} and {target} are siblings and independent"
    return None


def test_every_module_has_a_layer() -> None:
    assert MODULES, "no modules found under app/"
    homeless = sorted(m for m in MODULES if m not in FOUNDATION and layer_of(m) not in RANKS)
    assert not homeless, f"modules outside every layer: {homeless}"


def test_imports_follow_the_layer_order() -> None:
    broken = []
    seen = set()
    for importer, line, imported in edges():
        reason = violation(importer, imported)
        if reason is None:
            continue
        seen.add((importer, imported))
        if (importer, imported) not in KNOWN:
            path = FILES[importer].relative_to(ROOT)
            broken.append(f"{path}:{line}: {importer} imports {imported} ({reason})")
    assert not broken, "imports against the layer order:\n" + "\n".join(sorted(broken))
    stale = sorted(KNOWN - seen)
    assert not stale, f"fixed edges still listed in KNOWN (remove them): {stale}"


@pytest.mark.parametrize(
    ("importer", "imported", "allowed"),
    [
        ("app.services.people", "app.search.query", False),
        ("app.search.service", "app.services.kinds", True),
        ("app.search.saved", "app.reports.model", False),
        ("app.ui.main_window", "app.cli", False),
        ("app.cli.admin", "app.search.cli", True),
        ("app.domain.models", "app.database.engine", False),
        ("app.services.desk", "PySide6.QtCore", False),
        ("app.reports.builders", "PySide6.QtGui", False),
        ("app.reports.render", "PySide6.QtGui", True),
        ("app.ui.launch", "PySide6.QtWidgets", True),
        ("app.services.setup", "app.paths", True),
        ("app.paths", "app.domain.models", False),
        ("migrations.versions.0002_search", "app.database.engine", True),
        ("migrations.versions.0002_search", "app.search.sqlite_fts", False),
        ("app.search.saved", "sqlalchemy", False),
        ("app.search.saved", "app.domain.models", True),
        ("app.search.service", "app.domain.models", True),
    ],
)
def test_the_rule_itself(importer: str, imported: str, allowed: bool) -> None:
    assert (violation(importer, imported) is None) is allowed


def test_function_local_and_type_checking_imports_are_seen(tmp_path: Path) -> None:
    source = tmp_path / "probe.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from app.ui.widgets import X\n"
        "def f():\n    from app.search import engine\n    import PySide6.QtCore\n"
    )
    found = {target for _line, target in imported_modules("app.services.probe", source)}
    assert {"app.ui.widgets", "app.search.engine", "PySide6.QtCore"} <= found
