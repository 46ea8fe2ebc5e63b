"""Finding a nation by what a coordinator types (the nation picker's order, issue 15 item 5)."""

from __future__ import annotations

import pytest

from app.domain.nations import all_nations, ranked_nations, resolve_nation

NATIONS = all_nations()


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("NOR", "NOR"),  # the exact code before North Macedonia (MKD), whose name starts so
        ("nor", "NOR"),
        ("Norway", "NOR"),
        ("NOR — Norway", "NOR"),
        ("cote", "CIV"),  # accents folded as the search index folds them
        ("Côte", "CIV"),
        ("united k", "GBR"),
        ("kosovo", "XKS"),
    ],
)
def test_the_best_match_comes_first(typed: str, first: str) -> None:
    assert ranked_nations(typed, NATIONS)[0] == first


def test_the_exact_code_then_code_prefixes_then_names() -> None:
    ranked = ranked_nations("ma", NATIONS)
    codes_first = [c for c in ranked if c.lower().startswith("ma")]
    assert ranked[: len(codes_first)] == codes_first == sorted(codes_first)
    assert "SOM" not in ranked[: len(codes_first)]  # Somalia contains "ma": later


@pytest.mark.parametrize(
    ("typed", "code"),
    [("Norway", "NOR"), ("nor", "NOR"), ("gbr", "GBR"), ("", None), ("united", None), ("zz", None)],
)
def test_a_typed_text_names_one_nation_or_none(typed: str, code: str | None) -> None:
    assert resolve_nation(typed, NATIONS) == code
