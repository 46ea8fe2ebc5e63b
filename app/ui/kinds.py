"""How the window shows each record kind: its list page, columns, filters and form.

The window's half of the kind registry (`app.services.kinds` is the other half): one `KindView`
per kind the window lists or opens, keyed by the kind's canonical name. The main window builds
its record pages from `PAGES`, opens a record of any kind through `view_of(kind).form`, and
refreshes the list of a kind when an operation reports it changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.domain.vocab import (
    AgreementKind,
    AgreementStatus,
    ExchangeKind,
    ExchangeStatus,
    LiaisonKind,
    LiaisonStatus,
    Service,
    Vocabulary,
)
from app.services import kinds
from app.services.kinds import RecordKind
from app.ui.columns import MARK, Column, labels, upper
from app.ui.i18n import kind_title
from app.ui.person_form import PersonRecordForm
from app.ui.records.agreement_form import AgreementForm
from app.ui.records.exchange_form import ExchangeForm
from app.ui.records.liaison_form import LiaisonForm
from app.ui.records.participation_form import ParticipationForm


@dataclass(frozen=True)
class KindView:
    """One kind as the window shows it."""

    kind: RecordKind
    form: type | None  # the record's form (None: opened from its parent record's form)
    columns: tuple[Column, ...] = ()  # its list page's columns (none: no list page)
    icon: str = ""
    page_title: str = ""  # the sidebar entry (default: the kind's title)
    status_filter: type[Vocabulary] | None = None  # the list's status drop-down
    nation_filter: str | None = None  # the field the list's nation drop-down filters

    @property
    def page(self) -> str:
        """The key of its list page (settings, object names): the kind's command-line word."""
        return self.kind.desk_attribute

    @property
    def title(self) -> str:
        """The sidebar entry, in the window's language."""
        return kind_title(self.page_title or self.kind.title)


def _reference() -> tuple[Column, Column]:
    return Column(QT_TRANSLATE_NOOP("Column", "Reference"), "reference", "reference"), Column(
        QT_TRANSLATE_NOOP("Column", "Mark"), MARK
    )


VIEWS: tuple[KindView, ...] = (
    KindView(
        kinds.BY_NAME["exchange"],
        ExchangeForm,
        (
            *_reference(),
            Column(QT_TRANSLATE_NOOP("Column", "Title"), "title", "title"),
            Column(QT_TRANSLATE_NOOP("Column", "Kind"), "kind", "kind", labels(ExchangeKind)),
            Column(QT_TRANSLATE_NOOP("Column", "Host"), "host_nation", "host_nation"),
            Column(QT_TRANSLATE_NOOP("Column", "Start"), "start_date", "start_date"),
            Column(QT_TRANSLATE_NOOP("Column", "End"), "end_date", "end_date"),
            Column(
                QT_TRANSLATE_NOOP("Column", "Status"), "status", "status", labels(ExchangeStatus)
            ),
        ),
        icon="exchanges",
        status_filter=ExchangeStatus,
        nation_filter="host_nation",
    ),
    KindView(
        kinds.BY_NAME["person"],
        PersonRecordForm,  # the people page edits a person beside its list (`app.ui.pages`)
        (
            *_reference(),
            Column(QT_TRANSLATE_NOOP("Column", "FAMILY NAME"), "family_name", "family_name", upper),
            Column(QT_TRANSLATE_NOOP("Column", "Given names"), "given_names", "given_names"),
            Column(QT_TRANSLATE_NOOP("Column", "Rank"), "rank", "rank"),
            Column(QT_TRANSLATE_NOOP("Column", "Nation"), "nation_code", "nation_code"),
            Column(QT_TRANSLATE_NOOP("Column", "Service"), "service", "service", labels(Service)),
            Column(QT_TRANSLATE_NOOP("Column", "Unit"), "unit", "unit"),
        ),
        icon="people",
        nation_filter="nation_code",
    ),
    KindView(
        kinds.BY_NAME["liaison_assignment"],
        LiaisonForm,
        (
            *_reference(),
            Column(QT_TRANSLATE_NOOP("Column", "Person"), "person", None),
            Column(QT_TRANSLATE_NOOP("Column", "Kind"), "kind", "kind", labels(LiaisonKind)),
            Column(QT_TRANSLATE_NOOP("Column", "Host nation"), "host_nation", "host_nation"),
            Column(
                QT_TRANSLATE_NOOP("Column", "Organisation"),
                "host_organisation",
                "host_organisation",
            ),
            Column(QT_TRANSLATE_NOOP("Column", "Start"), "start_date", "start_date"),
            Column(QT_TRANSLATE_NOOP("Column", "End"), "end_date", "end_date"),
            Column(
                QT_TRANSLATE_NOOP("Column", "Status"), "status", "status", labels(LiaisonStatus)
            ),
        ),
        icon="liaison",
        page_title=QT_TRANSLATE_NOOP("Kind", "Liaison officers"),
        status_filter=LiaisonStatus,
        nation_filter="host_nation",
    ),
    KindView(
        kinds.BY_NAME["agreement"],
        AgreementForm,
        (
            *_reference(),
            Column(QT_TRANSLATE_NOOP("Column", "Title"), "title", "title"),
            Column(QT_TRANSLATE_NOOP("Column", "Kind"), "kind", "kind", labels(AgreementKind)),
            Column(
                QT_TRANSLATE_NOOP("Column", "Status"), "status", "status", labels(AgreementStatus)
            ),
            Column(QT_TRANSLATE_NOOP("Column", "Expiry"), "expiry_date", "expiry_date"),
        ),
        icon="agreements",
        status_filter=AgreementStatus,
    ),
    KindView(kinds.BY_NAME["participation"], ParticipationForm),
)
BY_NAME: dict[str, KindView] = {view.kind.name: view for view in VIEWS}
BY_PAGE: dict[str, KindView] = {view.page: view for view in VIEWS if view.columns}
PAGES: tuple[KindView, ...] = tuple(view for view in VIEWS if view.columns)  # sidebar order
# columns of each list page, by page key (``COLUMNS["people"]``)
COLUMNS: dict[str, tuple[Column, ...]] = {view.page: view.columns for view in PAGES}


def view_of(kind: str | RecordKind) -> KindView | None:
    """How the window shows a kind named in any spelling; None when it has no form or list."""
    return BY_NAME.get(kinds.kind(kind).name)


def section_title(kind: Any) -> str:
    """A heading for records of a kind (search results, import choices): ``Liaison assignments``,
    in the window's language."""
    return kind_title(kinds.kind(kind).title)
