"""Nations from pycountry (plus the few GENC codes ISO lacks: XKS) and the built-in nation
groups (FVEY, NATO)."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

from app.domain.names import fold

FVEY = ("AUS", "CAN", "GBR", "NZL", "USA")
# NATO member states (32, since Sweden joined in March 2024).
NATO = (
    "ALB", "BEL", "BGR", "CAN", "HRV", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
    "ISL", "ITA", "LVA", "LTU", "LUX", "MNE", "NLD", "MKD", "NOR", "POL", "PRT", "ROU", "SVK",
    "SVN", "ESP", "SWE", "TUR", "GBR", "USA",
)  # fmt: skip
BUILTIN_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "FVEY": ("Five Eyes", FVEY),
    "NATO": ("North Atlantic Treaty Organization", NATO),
}


# Nations the product needs that ISO 3166-1 (pycountry) lacks, with the code the US GENC
# standard (Geopolitical Entities, Names and Codes) gives them. Kosovo has no ISO 3166-1 code;
# GENC's trigraph is XKS (issue 14, item 12). Usable wherever a nation is: a person's nation,
# a party, a host, a REL TO list. Revision 0010 adds them to an existing database's nations.
EXTRA_NATIONS: dict[str, str] = {"XKS": "Kosovo"}


@cache
def all_nations() -> dict[str, str]:
    """Every ISO 3166-1 country as alpha-3 code -> common name, and the `EXTRA_NATIONS`,
    sorted by code."""
    result = {}
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        result[country.alpha_3] = name
    for code, name in EXTRA_NATIONS.items():
        result.setdefault(code, name)
    return dict(sorted(result.items()))


@cache
def nation_names(language: str = "en") -> dict[str, str]:
    """`all_nations` with their names in ``language`` (``fr``: pycountry's own translations of
    ISO 3166-1, "Norvège"; a name it lacks, such as Kosovo's, stays as it is)."""
    names = all_nations()
    if language == "en":
        return names
    translation = gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )
    return {code: translation.gettext(name) for code, name in names.items()}


def is_nation(code: str) -> bool:
    """True for a known ISO 3166-1 alpha-3 code or extra (GENC) nation code (upper case)."""
    return code in all_nations()


def nation_name(code: str) -> str:
    """The common name for an alpha-3 code, or the code itself when unknown."""
    return all_nations().get(code, code)


@cache
def language_codes() -> frozenset[str]:
    """ISO 639-3 codes of living languages, plus the two-letter ISO 639-1 codes."""
    codes = set()
    for language in pycountry.languages:
        codes.add(language.alpha_3)
        if hasattr(language, "alpha_2"):
            codes.add(language.alpha_2)
    return frozenset(codes)


@cache
def currency_codes() -> frozenset[str]:
    """ISO 4217 currency codes."""
    return frozenset(c.alpha_3 for c in pycountry.currencies)


def ranked_nations(typed: str, nations: dict[str, str]) -> list[str]:
    """The codes of ``nations`` (code -> name) matching what was typed, best first: the exact
    code, an exact name, codes starting with it, names (or a word of them) starting with it,
    names containing it; case and accents folded as the search index folds them ("oster"
    finds "Österreich"). Typing "NOR" puts Norway first, before North Macedonia."""
    query = fold(typed.strip())
    if " — " in typed:  # a whole entry as the picker shows it: "NOR — Norway"
        query = fold(typed.split(" — ", 1)[0].strip())
    if not query:
        return sorted(nations)
    tiers: list[list[str]] = [[], [], [], [], []]
    for code in sorted(nations):
        name = fold(nations[code])
        folded_code = fold(code)
        if query == folded_code:
            tiers[0].append(code)
        elif query == name:
            tiers[1].append(code)
        elif folded_code.startswith(query):
            tiers[2].append(code)
        elif name.startswith(query) or any(w.startswith(query) for w in name.split()):
            tiers[3].append(code)
        elif query in name:
            tiers[4].append(code)
    return [code for tier in tiers for code in tier]


def resolve_nation(typed: str, nations: dict[str, str]) -> str | None:
    """The one nation what was typed names (an exact code, an exact name, or the only match),
    or None when it names none or several."""
    ranked = ranked_nations(typed, nations)
    if not ranked:
        return None
    query = fold(typed.split(" — ", 1)[0].strip())
    best = ranked[0]
    if query in (fold(best), fold(nations[best])) or len(ranked) == 1:
        return best
    return None
