"""The core's sentences (`app.domain.texts`): English strings that keep their template and
values, so the window can say them in French (issue 15, item 12). No Qt here."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from app.domain.texts import FIELD, SERVICE, Said, field_named, message_of, said
from app.services.desk import Desk
from app.services.errors import ValidationFailed

ROOT = Path(__file__).resolve().parents[1]


def test_a_sentence_is_its_english_text_and_keeps_its_template() -> None:
    sentence = said("is too long ({length} characters; at most {limit})", length=301, limit=300)
    assert sentence == "is too long (301 characters; at most 300)"
    assert isinstance(sentence, str) and sentence.context == SERVICE
    assert sentence.template == "is too long ({length} characters; at most {limit})"
    assert sentence.values == {"length": 301, "limit": 300}
    title = field_named("Family name")
    assert (title, title.context) == ("Family name", FIELD)
    assert said("{field} {problem}", field=title, problem=said("is required")) == (
        "Family name is required"
    )
    assert message_of(ValueError(sentence)) is sentence  # str(error) would lose it
    assert message_of(ValueError("plain")) == "plain"
    assert not isinstance(message_of(ValueError("plain")), Said)


def test_the_write_path_refuses_in_sentences_the_window_can_translate(admin: Desk) -> None:
    with pytest.raises(ValidationFailed) as refused:
        admin.people.create(
            {
                "family_name": "",
                "nation_code": "XXX",
                "date_of_birth": "last spring",
                "declassify_on": dt.date.today().isoformat(),
            }
        )
    errors = refused.value.errors
    assert set(errors) == {"family_name", "nation_code", "date_of_birth", "declassify_on"}
    assert all(isinstance(message, Said) for message in errors.values()), errors
    assert errors["family_name"] == "Family name is required"
    assert errors["family_name"].values["field"].context == FIELD
    assert errors["date_of_birth"].template == "{value!r} is not a date; write it as YYYY-MM-DD"
    assert errors["date_of_birth"].values == {"value": "last spring"}


def test_every_template_is_collected_for_the_translators() -> None:
    spec = importlib.util.spec_from_file_location("tools_t", ROOT / "tools/update_translations.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    templates = tool.said_templates()
    assert {"is required", "{field} {problem}", "unknown nation or group {codes}"} <= templates
    assert all(isinstance(t, str) and t for t in templates)


def test_what_falls_due_is_a_sentence_with_its_status_a_vocabulary_label() -> None:
    from app.services.deadlines import TOUR_ENDED, What

    what = What(TOUR_ENDED, status="Active")
    assert what == "Liaison tour ended; its status is still Active"
    assert (what.template, what.context) == (TOUR_ENDED, "Deadline")
    assert what.values["status"].context == "Vocabulary"


REFUSALS = {"NotFound", "PermissionDenied", "AccessDenied", "Conflict", "DatabaseFailed"}
REFUSALS |= {"ConnectionLost", "DatabaseBusy", "ServiceError"}


def _plain_refusals(source: Path) -> list[str]:
    """``raise X("…")`` / ``return X(f"…")`` of a refusal with a literal or f-string message:
    words the window could not translate."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in REFUSALS
            and node.args
            and isinstance(node.args[0], (ast.Constant, ast.JoinedStr, ast.BinOp))
        ):
            found.append(f"{source.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_refusal_of_the_core_is_said_in_plain_english() -> None:
    """Every refusal below the window (not found, not allowed, changed meanwhile, a database
    failure) is `said`, so a French window says it in French; the command line's own words
    (`app/cli`) are English only."""
    sources = [
        path
        for layer in ("domain", "database", "security", "services", "search", "reports")
        for path in (ROOT / "app" / layer).rglob("*.py")
    ]
    assert len(sources) > 50
    plain = [where for path in sources for where in _plain_refusals(path)]
    assert plain == []


def test_not_found_and_not_allowed_name_the_kind_as_a_translatable_word(
    admin: Desk, make_user
) -> None:  # noqa: ANN001
    from app.domain.texts import KIND, VOCABULARY
    from app.services.errors import NotFound, PermissionDenied

    viewer = make_user("looker", role="viewer")
    with pytest.raises(NotFound) as missing:
        admin.liaison.get(424242)
    sentence = message_of(missing.value)
    assert sentence == "no liaison assignment with id 424242"
    assert sentence.template == "no {kind} with id {record_id}"
    assert (sentence.values["kind"], sentence.values["kind"].context) == (
        "liaison assignment",
        KIND,
    )
    with pytest.raises(PermissionDenied) as refused:
        viewer.people.create({"family_name": "Dupont", "nation_code": "FRA"})
    sentence = message_of(refused.value)
    assert sentence == "your role (viewer) may not change records"
    assert sentence.values["role"].context == VOCABULARY


def test_a_word_in_lower_case_keeps_its_template_for_the_translators() -> None:
    from app.domain.texts import VOCABULARY, label_named

    word = label_named("Trainee", lower=True)
    assert word == "trainee" and word.lowered
    assert (word.template, word.context) == ("Trainee", VOCABULARY)
    assert said("as {role}", role=word) == "as trainee"
    assert not label_named("Trainee").lowered
