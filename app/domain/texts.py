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
# what falls due (`app.services.deadlines.What`), vocabulary labels and record kinds' names
SERVICE, FIELD, DEADLINE, VOCABULARY, KIND = "Service", "Field", "Deadline", "Vocabulary", "Kind"


class Said(str):
    """An English sentence with its template (``template``), the values put into it
    (``values``) and the context of the .ts that translates it (``context``)."""

    template: str
    values: dict[str, Any]
    context: str
    lowered = False  # said in lower case inside a sentence ("as trainee"), translated likewise

    def __new__(cls, template: str, context: str = SERVICE, /, **values: Any) -> Said:
        said_ = super().__new__(cls, template.format(**values) if values else template)
        said_.template, said_.values, said_.context = template, values, context
        return said_


def said(template: str, /, **values: Any) -> Said:
    """A sentence of the core: ``template`` (a literal, e.g. ``"{value!r} is not a date"``)
    with ``values``; English as a str, translatable by the window."""
    return Said(template, SERVICE, **values)


def _lower(word: Said) -> Said:
    """``word`` in lower case, in English and (`app.ui.i18n.service_text`) once translated."""
    lowered = str.__new__(Said, word.lower())
    lowered.template, lowered.values, lowered.context = word.template, word.values, word.context
    lowered.lowered = True
    return lowered


def field_named(title: str, lower: bool = False) -> Said:
    """A field's title inside a sentence (translated as the form's captions are); ``lower``:
    in lower case (``amount is required``)."""
    named = Said(title, FIELD)
    return _lower(named) if lower else named


def kind_named(noun: str) -> Said:
    """A record kind's name inside a sentence (``liaison assignment``; the registry's words)."""
    return Said(noun, KIND)


def label_named(label: str, lower: bool = False) -> Said:
    """A vocabulary value's label inside a sentence (``Coordinator``, ``In force``); ``lower``:
    in lower case (``as trainee``)."""
    named = Said(label, VOCABULARY)
    return _lower(named) if lower else named


def listed(items: list[str]) -> Said:
    """Texts joined by commas, each translated in turn when it is `Said` (``Family name,
    Nation``)."""
    values = {f"item{i}": item for i, item in enumerate(items)}
    return Said(", ".join("{" + name + "}" for name in values), SERVICE, **values)


def listed_and(items: list[str]) -> str:
    """Texts joined by commas and a final "and" (``date of birth and passport number``), each
    translated in turn when it is `Said`."""
    if len(items) < 2:
        return items[0] if items else ""
    return said("{items} and {last}", items=listed(items[:-1]), last=items[-1])


def message_of(error: BaseException) -> str:
    """An error's message, kept `Said` when it was said so (``str(error)`` would drop that)."""
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, Said) else str(error)
