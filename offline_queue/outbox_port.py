"""The Outbox port (kiosk/ports/outbox.py) on the SQLite outbox: domain objects in, sealed
records out, with the receipt number at once, online or not."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from kiosk.domain.appointment import Appointment
from kiosk.domain.complaint import Complaint
from kiosk.domain.evaluation import Evaluation
from kiosk.domain.identity import Identity
from kiosk.domain.submission import Submission
from kiosk.ports.outbox import LocalState, OutboxEntry, Page
from offline_queue.front import SharedOutbox
from offline_queue.records import NewAttachment, NewRecord, QueuedRecord
from offline_queue.store import Outbox

_STATES = {
    "queued": LocalState.QUEUED,
    "claimed": LocalState.SENDING,
    "delivered": LocalState.DELIVERED,
    "dead": LocalState.DEAD,
    "conflict": LocalState.DEAD,
}


class TerminalOutbox:
    """Thread: workers. `on_queued` is called after each commit (the app passes the sync
    service's sync_now, so a record made while online goes at once)."""

    def __init__(
        self, outbox: SharedOutbox, hall_code: str, on_queued: Callable[[], None] = lambda: None
    ) -> None:
        self._box, self.hall_code, self._on_queued = outbox, hall_code, on_queued

    def _enqueue(self, new: NewRecord) -> OutboxEntry:
        rec = self._box.call(lambda box: box.enqueue(new))
        self._on_queued()
        return self._entry(rec, None)

    def submit(self, submission: Submission, pages: Sequence[Page]) -> OutboxEntry:
        agent = submission.agent
        return self._enqueue(
            NewRecord(
                kind="submission",
                personal=submission.personal_payload(),
                meta={
                    "hall_code": self.hall_code,
                    "agent_id": None if agent is None else agent.agent_id,
                },
                item_code=submission.item_code,
                item_name=submission.item_name,
                masked_name=submission.applicant.masked_name,
                attachments=tuple(NewAttachment(p.name, p.content_type, p.data) for p in pages),
                self_service=agent is None,  # an agent's work still queues past the hard limit
            )
        )

    def evaluate(self, evaluation: Evaluation) -> OutboxEntry:
        meta = evaluation.to_meta()
        return self._enqueue(
            NewRecord(
                kind="evaluation",
                personal={},  # a rating carries nothing personal
                meta={**meta, "hall_code": evaluation.hall_code or self.hall_code},
                item_code=evaluation.item_code,
                issue_receipt=False,
                self_service=evaluation.agent_id is None,
            )
        )

    def complain(self, complaint: Complaint, masked_name: str = "") -> OutboxEntry:
        return self._enqueue(
            NewRecord(
                kind="complaint",
                personal={"text": complaint.text, "phone": complaint.phone},
                meta={
                    "hall_code": self.hall_code,
                    "complaint_kind": complaint.kind.value,
                    "category": complaint.category,
                },
                item_name=complaint.category,
                masked_name=masked_name,
            )
        )

    def book(
        self, appointment: Appointment, applicant: Identity, phone: str, item_name: str = ""
    ) -> OutboxEntry:
        slot = appointment.slot
        return self._enqueue(
            NewRecord(
                kind="appointment",
                personal={"name": applicant.name, "id_number": applicant.id_number, "phone": phone},
                meta={
                    "hall_code": appointment.hall_code,
                    "slot_id": slot.slot_id,
                    "date": slot.day.isoformat(),
                    "start": slot.start,
                    "end": slot.end,
                },
                item_code=appointment.item_code,
                item_name=item_name,
                masked_name=applicant.masked_name,
            )
        )

    def entry(self, receipt_no: str) -> OutboxEntry | None:
        def read(box: Outbox) -> OutboxEntry | None:
            row = box.conn.execute(
                "SELECT id, result FROM records WHERE receipt_no = ?", (receipt_no.strip(),)
            ).fetchone()
            return None if row is None else self._entry(box.get(row["id"]), row["result"])

        return self._box.call(read)

    def recent(self, limit: int = 50) -> list[OutboxEntry]:
        def read(box: Outbox) -> list[OutboxEntry]:
            rows = box.conn.execute(
                "SELECT id, result FROM records ORDER BY seq DESC LIMIT ?", (limit,)
            ).fetchall()
            return [self._entry(box.get(r["id"]), r["result"]) for r in rows]

        return self._box.call(read)

    @staticmethod
    def _entry(rec: QueuedRecord, result_json: str | None) -> OutboxEntry:
        result: dict[str, Any] = json.loads(result_json) if result_json else {}
        return OutboxEntry(
            record_id=rec.id,
            kind=rec.kind,
            receipt_no=rec.receipt_no,
            item_name=rec.item_name,
            masked_name=rec.masked_name,
            created_at=datetime.fromtimestamp(rec.created_at_ms / 1000, UTC),
            state=_STATES[rec.state],
            problem=rec.last_error if rec.state in ("dead", "conflict") else "",
            case_id=result.get("case_id"),
            booking_no=result.get("booking_no"),
        )
