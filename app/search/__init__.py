"""Full-text search across every record kind, access-filtered in SQL.

`search` (ranked hits with snippets and the visible total), `suggest` ("did you mean"),
saved searches in `app.search.saved`, the CLI command in
`app.search.cli`. Engine-specific SQL lives behind `SearchEngine` (`app.search.engine`).
"""

from app.search.engine import SearchEngine, engine_for
from app.search.service import KINDS, Hit, SearchResults, kind_of, rebuild, search, suggest

__all__ = [
    "KINDS",
    "Hit",
    "SearchEngine",
    "SearchResults",
    "engine_for",
    "kind_of",
    "rebuild",
    "search",
    "suggest",
]
