"""The benchmark harness runs end to end at a tiny size (figures are printed, never asserted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.__main__ import main


@pytest.mark.sqlite_only(reason="the harness makes its own SQLite files in --data")
@pytest.mark.usefixtures("qapp")  # the report benchmark lays out PDFs with Qt
def test_harness_runs_at_tiny_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "--people",
                "40",
                "--exchanges",
                "5",
                "--only",
                "list,save,search,report",
                "--data",
                str(tmp_path),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    for row in ("list people first page", "save one person", "search 'Müller'", "roster report"):
        assert row in out
    assert "not available" not in out
