"""Update the translation sources and compile them: ``python tools/update_translations.py``.

1. ``pyside6-lupdate`` extracts every ``tr`` / ``QCoreApplication.translate`` /
   ``QT_TRANSLATE_NOOP`` text of ``app/ui`` into ``resources/i18n/xdesk_fr.ts`` (translations
   already there are kept; texts gone from the code are dropped);
2. the registry's texts, below the UI where no Qt is imported, are added as their own contexts
   (taken from the registry itself, never copied by hand): ``Kind`` (each record kind's title,
   singular and plural), ``Field`` (every `app.services.fields.Field` title) and ``Vocabulary``
   (every vocabulary value's label), ``Deadline`` (what falls due,
   `app.services.deadlines.TEXTS`) and ``Service`` (the template of every ``said("…")`` call of
   the core, read from its source: `app.domain.texts`); the window translates them at its edge
   (`app.ui.i18n.kind_title`, `field_title`, `vocabulary_label`,
   `service_text`);
3. ``pyside6-lrelease`` compiles the .ts into the ``xdesk_fr.qm`` the application loads.

New texts arrive unfinished: translate them in Qt Linguist (``pyside6-linguist``) or in the .ts
itself, then run this again. ``--check`` changes nothing and fails when a text of the code is
missing from the .ts, a translation is unfinished or empty, or the .qm is stale
(tests/ui/test_translations.py runs the same check).
"""

from __future__ import annotations

import argparse
import ast
import gc
import importlib
import pkgutil
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("fr",)
SOURCES = (ROOT / "app" / "ui",)


def tool(name: str) -> str:
    """A Qt tool of PySide6 (beside this Python first: the project's virtual environment)."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    """The Python files lupdate reads (it scans no folder of Python files itself)."""
    return sorted(str(p.relative_to(ROOT)) for folder in SOURCES for p in folder.rglob("*.py"))


def said_templates() -> set[str]:
    """The templates of every `said("…", …)` call of the core (`app.domain.texts`): the first
    argument, a literal, read from the source as lupdate reads ``tr`` calls."""
    found: set[str] = set()
    for path in sorted((ROOT / "app").rglob("*.py")):
        if "ui" in path.relative_to(ROOT / "app").parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "said"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def registry_texts() -> dict[str, list[str]]:
    """The texts of the registry below the UI, by context (sorted, without duplicates)."""
    import app.services as services
    from app.domain.vocab import Vocabulary
    from app.services import deadlines, kinds
    from app.services.fields import Field

    for module in pkgutil.walk_packages(services.__path__, "app.services."):
        importlib.import_module(module.name)
    kind_texts = {text for k in kinds.KINDS for text in (k.title, k.singular, k.plural)}
    field_texts = {obj.title for obj in gc.get_objects() if isinstance(obj, Field) and obj.title}
    vocabularies, pending = set(), [Vocabulary]
    while pending:
        for sub in pending.pop().__subclasses__():
            vocabularies.add(sub)
            pending.append(sub)
    vocabulary_texts = {member.label for v in vocabularies for member in v}
    return {
        "Service": sorted(said_templates()),
        "Deadline": sorted(deadlines.TEXTS),
        "Kind": sorted(kind_texts),
        "Field": sorted(field_texts),
        "Vocabulary": sorted(vocabulary_texts),
    }


def _context(root: ET.Element, name: str) -> ET.Element:
    for context in root.findall("context"):
        if context.findtext("name") == name:
            return context
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = name
    return context


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """Every message of a .ts file by (context, source)."""
    if not ts.exists():
        return {}
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.findall("context")
        for message in context.findall("message")
    }


def extract(ts: Path, language: str) -> None:
    """Run lupdate into ``ts`` (keeping its translations) and add the registry's texts."""
    kept = messages(ts)
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources(),
            "-no-obsolete",
            "-locations",
            "relative",
            "-source-language",
            "en",
            "-target-language",
            language,
            "-silent",
            "-ts",
            str(ts),
        ],
        check=True,
        cwd=ROOT,
    )
    tree = ET.parse(ts)
    root = tree.getroot()
    present = set(messages(ts))
    for name, texts in registry_texts().items():
        context = _context(root, name)
        for text in texts:
            if (name, text) in present:
                continue
            old = kept.get((name, text))
            if old is not None:
                context.append(old)
                continue
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = text
            ET.SubElement(message, "translation", type="unfinished")
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")


def compile_qm(ts: Path, qm: Path) -> None:
    """Run lrelease: ``ts`` into ``qm`` (unfinished texts are left out: they stay English)."""
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT
    )


# French typography: a no-break space before a high punctuation mark and inside guillemets,
# so that a wrapped line never starts with ":" (a plain space there is a slip of the keyboard)
LOOSE_FRENCH_SPACE = re.compile(r" [:;?!»]|« ")


def problems(ts: Path, qm: Path, language: str) -> list[str]:
    """What is wrong with a committed .ts and .qm: texts of the code missing from the .ts,
    unfinished or empty translations, a .qm that is not what lrelease makes of the .ts."""
    found: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / ts.name
        shutil.copy(ts, fresh)
        extract(fresh, language)
        committed = messages(ts)
        for key in sorted(set(messages(fresh)) - set(committed)):
            found.append(f"not in {ts.name}: {key[0]}: {key[1]!r}")
        for (context, source), message in sorted(committed.items()):
            translation = message.find("translation")
            forms = [] if translation is None else translation.findall("numerusform")
            texts = (
                [f.text for f in forms]
                if forms
                else [None if translation is None else translation.text]
            )
            if translation is None or translation.get("type") in (
                "unfinished",
                "vanished",
                "obsolete",
            ):
                found.append(f"unfinished: {context}: {source!r}")
            elif not all(text and text.strip() for text in texts):
                found.append(f"empty translation: {context}: {source!r}")
            elif language == "fr" and any(LOOSE_FRENCH_SPACE.search(text) for text in texts):
                found.append(
                    f"a plain space before : ; ? ! » or after « (French takes a no-break "
                    f"space, U+00A0): {context}: {source!r}"
                )
        made = Path(scratch) / qm.name
        compile_qm(ts, made)
        if not qm.exists() or qm.read_bytes() != made.read_bytes():
            found.append(f"{qm.name} is stale: run tools/update_translations.py")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; report problems")
    args = parser.parse_args(argv)
    I18N.mkdir(parents=True, exist_ok=True)
    failed = False
    for language in LANGUAGES:
        ts, qm = I18N / f"xdesk_{language}.ts", I18N / f"xdesk_{language}.qm"
        if args.check:
            for problem in problems(ts, qm, language):
                print(problem)
                failed = True
            continue
        extract(ts, language)
        compile_qm(ts, qm)
        unfinished = [
            p for p in problems(ts, qm, language) if not p.endswith("update_translations.py")
        ]
        print(f"{ts.relative_to(ROOT)}: {len(messages(ts))} texts, {len(unfinished)} to translate")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
