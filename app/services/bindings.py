"""Labels beside the files that leave the program: ``NAME.label.xml``, a STANAG 4778 detached
binding of the file's combined STANAG 4774 label (`app.domain.stanag`), and its check.

Every writer of a file (list exports, transfer exports, report PDFs) writes its file aside
first; `stage` then writes the binding of those bytes aside too (0600, ``.partial``), and
`Staged.place` renames the label into place and then the file, so a file never stands without
its label (a label left without its file, after a failure between the two renames, binds
nothing there). `verify` is `xdesk label`: the binding read, its name and SHA-384 digest
checked against the file, the marking rebuilt from the label alone (no database needed).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from app.domain import stanag
from app.domain.labels import Label, Scheme, marking
from app.domain.stanag import LABEL_SUFFIX, Binding, LabelError
from app.paths import private_file

BLOCK = 1 << 20


class BindingMissing(LabelError):
    """A file with no ``NAME.label.xml`` beside it (or a binding whose file is not there)."""


def label_path(path: str | os.PathLike[str]) -> Path:
    """Where the label of ``path`` is written: ``NAME.label.xml`` beside it."""
    path = Path(path)
    return path.with_name(path.name + LABEL_SUFFIX)


def file_digest(path: Path) -> str:
    """The SHA-384 digest (base64) of a file's bytes, read a block at a time."""
    with open(path, "rb") as handle:
        return stanag.digest_chunks(iter(lambda: handle.read(BLOCK), b""))


@dataclass(frozen=True)
class Staged:
    """A file and its binding written aside, put in place together by `place`."""

    data: Path  # the file as written (its .partial, or a scratch copy)
    target: Path  # where the file goes
    partial: Path  # the binding as written
    label: Path  # where the binding goes
    marking: str

    def place(self) -> Path:
        """Rename the label into place, then the file; the label's path."""
        os.replace(self.partial, self.label)
        if self.data != self.target:
            os.replace(self.data, self.target)
        return self.label

    def discard(self) -> None:
        """Remove the binding written aside, if it is still there (the caller removes its file)."""
        self.partial.unlink(missing_ok=True)


def stage(
    data: Path,
    target: Path,
    label: Label,
    scheme: Scheme,
    owner: str,
    now: dt.datetime | None = None,
) -> Staged:
    """Write the binding of the bytes of ``data`` (a file about to become ``target``) to
    ``target``'s label path plus ``.partial``, owner-only; the label is ``label`` as this
    installation marks it. Raises `OSError` as any write does (the partial removed), and
    `LabelError` if the label, read back, would not print the file's marking (a self-check:
    what a program reads and what a person reads must say the same)."""
    data, target = Path(data), Path(target)
    confidentiality = stanag.confidentiality_label(label, scheme, owner, now)
    document = stanag.binding_xml(confidentiality, target.name, file_digest(data))
    printed, read_back = marking(label, scheme, owner), stanag.parse_binding(document)
    if read_back.label.marking() != printed or read_back.name != target.name:
        raise LabelError(
            f"the label of {target.name} would read {read_back.label.marking()}, not "
            f"{printed}; nothing was written"
        )
    final = label_path(target)
    partial = final.with_name(final.name + ".partial")
    try:
        with open(private_file(partial), "wb") as out:
            out.write(document)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return Staged(data, target, partial, final, printed)


def bind(
    path: Path, label: Label, scheme: Scheme, owner: str, now: dt.datetime | None = None
) -> Path:
    """Write the label of a file already in place beside it (atomically); its path."""
    staged = stage(path, path, label, scheme, owner, now)
    try:
        return staged.place()
    finally:
        staged.discard()


@dataclass(frozen=True)
class Verified:
    """A file whose binding matched it: the two paths, the binding and the marking."""

    file: Path
    label_file: Path
    binding: Binding
    marking: str


def _is_binding(path: Path) -> bool:
    return path.name.endswith(LABEL_SUFFIX) and not label_path(path).exists()


def verify(path: str | os.PathLike[str]) -> Verified:
    """Check ``path`` against its binding (``path.label.xml``; or, when ``path`` is itself a
    binding, the file it names beside it): `BindingMissing`, `LabelError` for a binding that
    cannot be read, `BindingMismatch` for another name or digest; else what it says."""
    path = Path(path)
    if _is_binding(path):
        label_file = path
        binding = _read(label_file)
        data = path.with_name(binding.name)
        if Path(binding.name).name != binding.name or not data.is_file():
            raise BindingMissing(
                f"{label_file.name} labels {binding.name!r}, which is not beside it"
            )
    else:
        if not path.is_file():
            raise FileNotFoundError(2, "No such file", str(path))
        label_file = label_path(path)
        if not label_file.is_file():
            raise BindingMissing(
                f"{path.name} has no label: {label_file.name} is not beside it, so nothing "
                "says how the file is classified; treat it as unmarked"
            )
        binding = _read(label_file)
        data = path
    stanag.check_binding(binding, data.name, file_digest(data))
    return Verified(data, label_file, binding, binding.label.marking())


def _read(label_file: Path) -> Binding:
    with open(label_file, "rb") as handle:
        raw = handle.read(stanag.MAX_LABEL_BYTES + 1)
    try:
        return stanag.parse_binding(raw)
    except LabelError as error:
        raise LabelError(f"{label_file.name}: {error}") from None


__all__ = ["BindingMissing", "Staged", "Verified", "bind", "label_path", "stage", "verify"]
