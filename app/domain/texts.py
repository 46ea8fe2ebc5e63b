"""Sentences of the core that the window says in its own language (issue 15, item 12).

Below the UI there is no Qt, so a message of the domain, security or services layer is made with
`said`: an ordinary English ``str`` (what the command line, logs and the audit trail print) that
also keeps its template and the values put into it. The window translates the template at its
edge (`app.ui.i18n.service_text`, context ``Service``) and puts the values back, themselves
translated when they are `Said` too (a field's title, context ``Field``). The templates are
plain literals of `said` calls, which ``tools/update_translations.py`` collects from the source
into the ``Service`` context of the .ts: a template is written once, where it is said.
"""

from __future__ import annotations

from typing import Any

# the contexts of the .ts the window translates them in: the core's sentences, field titles,
# what falls due (`app.services.deadlines.What`) and vocabulary labels
SERVICE, FIELD, DEADLINE, VOCABULARY = "Service", "Field", "Deadline", "Vocabulary"


class Said(str):
    """An English sentence with its template (``template``), the values put into it
    (``values``) and the context of the .ts that translates it (``context``)."""

    template: str
    values: dict[str, Any]
    context: str

    def __new__(cls, template: str, context: str = SERVICE, /, **values: Any) -> Said:
        said_ = super().__new__(cls, template.format(**values) if values else template)
        said_.template, said_.values, said_.context = template, values, context
        return said_


def said(template: str, /, **values: Any) -> Said:
    """A sentence of the core: ``template`` (a literal, e.g. ``"{value!r} is not a date"``)
    with ``values``; English as a str, translatable by the window."""
    return Said(template, SERVICE, **values)


def field_named(title: str) -> Said:
    """A field's title inside a sentence (translated as the form's captions are)."""
    return Said(title, FIELD)


def message_of(error: BaseException) -> str:
    """An error's message, kept `Said` when it was said so (``str(error)`` would drop that)."""
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, Said) else str(error)
