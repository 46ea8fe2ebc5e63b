"""The operation runner: calls off the GUI thread, one report on the GUI thread, a change notice."""

from __future__ import annotations

import stat
import sys
import threading

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from app.paths import data_dir
from app.services.errors import PermissionDenied
from app.ui import failures
from app.ui.operations import Changes, Operations

# the offscreen platform plugin warns about window-system features it lacks (size hints)
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_changes_touch_their_kinds_records_or_everything() -> None:
    assert Changes(kinds=frozenset({"person"})).touches("person")
    assert Changes(records=frozenset({("exchange", 3)})).touches("exchange")
    assert not Changes(records=frozenset({("exchange", 3)})).touches("person")
    assert Changes(everything=True).touches("agreement")
    assert not Changes() and Changes(everything=True)


def test_success_runs_the_work_off_and_the_callback_on_the_gui_thread(qtbot) -> None:
    operations = Operations()
    threads: dict[str, bool] = {}
    results: list[int] = []

    def work() -> int:
        threads["work on GUI thread"] = threading.current_thread() is threading.main_thread()
        return 42

    def success(result: int) -> None:
        threads["success on GUI thread"] = threading.current_thread() is threading.main_thread()
        results.append(result)

    operations.run(work, success=success)
    qtbot.waitUntil(lambda: results == [42])
    assert threads == {"work on GUI thread": False, "success on GUI thread": True}
    qtbot.waitUntil(lambda: not operations.is_busy())


def test_failure_goes_to_the_failure_callback_only(qtbot) -> None:
    operations = Operations()
    failures_seen: list[BaseException] = []
    succeeded: list[object] = []
    changed: list[Changes] = []
    operations.changed.connect(changed.append)

    def work() -> None:
        raise PermissionDenied("a viewer cannot change records")

    operations.run(
        work,
        success=succeeded.append,
        failure=failures_seen.append,
        changes=Changes(kinds=frozenset({"person"})),
    )
    qtbot.waitUntil(lambda: bool(failures_seen))
    assert isinstance(failures_seen[0], PermissionDenied)
    assert succeeded == [] and changed == []
    assert operations.last_failure is None  # a failure callback replaces the default report


def test_default_failure_is_a_plain_message_a_refusal_says_what_is_wrong(qtbot) -> None:
    operations = Operations()

    def work() -> None:
        raise PermissionDenied("a viewer cannot change records")

    operations.run(work)
    qtbot.waitUntil(lambda: operations.last_failure is not None)
    box = operations.last_failure
    assert box.isVisible() and box.icon() == QMessageBox.Icon.Warning
    assert box.text() == "A viewer cannot change records"
    box.close()
    assert not failures.log_path().exists()  # a refusal is no defect: nothing logged


def test_default_failure_of_a_defect_points_at_the_log(qtbot) -> None:
    operations = Operations()

    def work() -> None:
        raise ZeroDivisionError("division by zero")

    operations.run(work)
    qtbot.waitUntil(lambda: operations.last_failure is not None)
    box = operations.last_failure
    assert "Something went wrong" in box.text() and str(failures.log_path()) in box.text()
    box.close()
    log = failures.log_path().read_text(encoding="utf-8")
    assert "ZeroDivisionError: division by zero" in log and "in work" in log
    assert stat.S_IMODE(failures.log_path().stat().st_mode) == 0o600


def test_busy_on_while_running_and_the_widget_disabled(qtbot) -> None:
    operations = Operations()
    button = QPushButton("Save")
    qtbot.addWidget(button)
    busy: list[bool] = []
    operations.busy_changed.connect(busy.append)
    release = threading.Event()
    operations.run(lambda: release.wait(10), busy_widget=button)
    operations.run(lambda: release.wait(10), busy_widget=button)
    assert operations.is_busy() and not button.isEnabled()
    assert busy == [True]
    release.set()
    qtbot.waitUntil(lambda: not operations.is_busy())
    assert busy == [True, False]
    assert button.isEnabled()


def test_a_widget_disabled_before_stays_disabled(qtbot) -> None:
    operations = Operations()
    button = QPushButton("Save")
    qtbot.addWidget(button)
    button.setEnabled(False)
    operations.run(lambda: None, busy_widget=button)
    qtbot.waitUntil(lambda: not operations.is_busy())
    assert not button.isEnabled()


def test_changed_is_broadcast_after_success_with_what_the_result_says(qtbot) -> None:
    operations = Operations()
    order: list[str] = []
    operations.changed.connect(lambda changes: order.append(f"changed {sorted(changes.records)}"))
    with qtbot.waitSignal(operations.changed, timeout=5000) as signal:
        operations.run(
            lambda: 7,
            success=lambda result: order.append(f"success {result}"),
            changes=lambda result: Changes(records=frozenset({("person", result)})),
        )
    assert signal.args[0] == Changes(records=frozenset({("person", 7)}))
    assert order == ["success 7", "changed [('person', 7)]"]


def test_nothing_changed_nothing_broadcast(qtbot) -> None:
    operations = Operations()
    changed: list[Changes] = []
    operations.changed.connect(changed.append)
    done: list[object] = []
    operations.run(lambda: 1, success=done.append, changes=Changes())
    operations.run(lambda: 2, success=done.append)
    qtbot.waitUntil(lambda: len(done) == 2 and not operations.is_busy())
    assert changed == []


# --- the global exception hook ---------------------------------------------------------------


@pytest.fixture
def hook(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The exception hook installed with its dialog recorded instead of shown."""
    shown: list[str] = []
    monkeypatch.setattr(failures, "_crash_dialog", shown.append)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored when the test ends
    failures.install_exception_hook()
    return shown


def test_uncaught_exception_shows_a_plain_dialog_and_logs_the_traceback(qtbot, hook) -> None:
    def broken() -> None:
        raise RuntimeError("a defect in a slot")

    try:
        broken()
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    log = failures.log_path()
    assert log.parent == data_dir()
    assert hook == [
        "Something went wrong and Exchange Desk could not finish what it was doing.\n"
        f"Details were written to {log}"
    ]
    text = log.read_text(encoding="utf-8")
    assert "RuntimeError: a defect in a slot" in text and "in broken" in text
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_uncaught_exception_in_a_qt_slot_reaches_the_hook(qtbot, hook) -> None:
    button = QPushButton("Go")
    qtbot.addWidget(button)

    def slot() -> None:
        raise ValueError("raised inside a slot")

    button.clicked.connect(slot)
    button.click()  # our hook replaced pytest-qt's for this test: it gets the slot's exception
    assert "ValueError: raised inside a slot" in failures.log_path().read_text(encoding="utf-8")
    assert len(hook) == 1
