"""A participation on its own: role, status moves, travel dates, documents and feedback."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.domain.vocab import PARTICIPATION_MOVES, ParticipationStatus
from app.services.fields import Field
from app.ui.records.editors import Editor, editor_of
from app.ui.records.record_form import RecordForm
from app.ui.records.reference_picker import ReferencePicker


class ParticipationForm(RecordForm):
    """One person's part in one exchange (opened from the exchange's participants panel)."""

    service_name = "participations"
    noun = "participation"
    groups = [
        (QT_TRANSLATE_NOOP("RecordForm", "Participant"), ["exchange", "person", "role"]),
        (
            QT_TRANSLATE_NOOP("RecordForm", "Travel"),
            ["arrival_date", "departure_date", "travel_status", "visa_status", "ito_status"],
        ),
        (
            QT_TRANSLATE_NOOP("RecordForm", "Feedback"),
            ["feedback_score", "feedback_comments", "withdrawn_reason"],
        ),
    ]
    status_vocabulary = ParticipationStatus
    status_moves = PARTICIPATION_MOVES
    reason_statuses = (ParticipationStatus.WITHDRAWN.value,)

    def make_editor(self, field: Field) -> Editor:
        """Exchange and person picked from what the services list."""
        if field.name in ("exchange", "person"):
            service = self.desk.exchanges if field.name == "exchange" else self.desk.people
            return editor_of(ReferencePicker(service, self.operations))
        return super().make_editor(field)
