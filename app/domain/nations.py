"""Nations from pycountry and the built-in nation groups (FVEY, NATO)."""

from __future__ import annotations

from functools import cache

import pycountry

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


@cache
def all_nations() -> dict[str, str]:
    """Every ISO 3166-1 country as alpha-3 code -> common name, sorted by code."""
    result = {}
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        result[country.alpha_3] = name
    return dict(sorted(result.items()))


def is_nation(code: str) -> bool:
    """True for a known ISO 3166-1 alpha-3 code (upper case)."""
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
