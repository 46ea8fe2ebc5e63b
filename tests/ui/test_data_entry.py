"""Data entry at speed (issue 15): picking a nation by keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.domain.nations import all_nations
from app.ui.widgets import NationPicker

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def picker(qtbot) -> NationPicker:  # noqa: ANN001
    widget = NationPicker(all_nations())
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.setFocus()
    return widget


def test_a_code_then_down_and_enter_picks_that_nation(qtbot, picker: NationPicker) -> None:  # noqa: ANN001
    qtbot.keyClicks(picker.lineEdit(), "NOR")
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data() == "NOR — Norway"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.value() == "NOR"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Norway", "NOR"),
        ("norway", "NOR"),
        ("nor", "NOR"),
        ("cote d'ivoire", "CIV"),
        ("XKS", "XKS"),
    ],
)
def test_a_typed_name_or_code_then_tab_is_that_nation(
    qtbot,  # noqa: ANN001
    picker: NationPicker,
    typed: str,
    code: str,
) -> None:
    qtbot.keyClicks(picker.lineEdit(), typed)
    picker.completer().popup().hide()
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Tab)
    assert picker.value() == code


def test_what_names_no_nation_is_kept_for_the_form_to_refuse(qtbot, picker: NationPicker) -> None:  # noqa: ANN001
    qtbot.keyClicks(picker.lineEdit(), "Narnia")
    picker.completer().popup().hide()
    assert picker.value() == "NARNIA"
