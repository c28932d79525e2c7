"""The planned check-in calls as a queue in the database, claimed row by row.

State machine of a ``CheckinCall``::

    pending ──claim──▶ dialing ──no answer, tries left──▶ retry ──claim──▶ dialing …
                          │                                  (next_try_at = end of try + spacing)
                          └──answered, or no tries left──▶ done (outcome)

A claim is a compare-and-set ``UPDATE … WHERE state IN (pending, retry) AND tries = :seen``: of two
schedulers over the same database exactly one gets the row; the other sees zero rows changed. Every
later write names the claim token, so a scheduler whose claim was taken over cannot overwrite the
result. A ``dialing`` row whose claim is older than the lease (longer than any call may last) was
left by a process that died: it is *not* dialled again at once — the interrupted try counts, and the
call goes back to ``retry`` no sooner than ``spacing`` after that try began (or ends ``failed`` when
no tries are left). So a crash can cost a try, but never rings the resident twice in a row.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, Update, select, update
from sqlalchemy.exc import IntegrityError

from .checkin_models import CheckinAttempt, CheckinCall, CheckinResident
from .checkin_windows import Window, next_due, utc
from .store import Records

OUTCOMES = ("well", "not_well", "danger", "no_answer", "failed")


@dataclass(frozen=True)
class Claimed:
    call_id: int
    resident_id: int
    attempt: int  # 1 for the first try
    claim: str
    due_at: datetime


@dataclass(frozen=True)
class Ended:
    """A call that ended without the scheduler seeing it end (recovered after a crash)."""

    call_id: int
    resident_id: int
    outcome: str
    tries: int


def _rows(session: Any, statement: Update) -> int:
    """How many rows an UPDATE changed (the compare-and-set result)."""
    return int(cast(CursorResult[Any], session.execute(statement)).rowcount)


class CallQueue:
    def __init__(self, records: Records) -> None:
        self.records = records

    def plan(self, now: datetime) -> int:
        """Plan the next call of every active resident who has none open; returns how many were planned."""
        planned = 0
        with self.records.session() as session:
            residents = list(session.scalars(select(CheckinResident).where(CheckinResident.active.is_(True),
                                                                            CheckinResident.consent.is_(True))))
            # one statement: which calls are open and which is the last must come from one snapshot
            open_ids: set[int] = set()
            last: dict[int, datetime] = {}
            for resident_id, state, due_at in session.execute(
                    select(CheckinCall.resident_id, CheckinCall.state, CheckinCall.due_at)):
                if state != "done":
                    open_ids.add(resident_id)
                due = utc(due_at)
                if resident_id not in last or due > last[resident_id]:
                    last[resident_id] = due
        for row in residents:
            if row.id in open_ids:
                continue
            windows = [Window.from_dict(w) for w in json.loads(row.windows)]
            planned_at = next_due(windows, now, after=last.get(row.id))
            if planned_at is None:
                continue
            try:
                with self.records.session.begin() as session:
                    session.add(CheckinCall(resident_id=row.id, due_at=planned_at, next_try_at=planned_at,
                                            state="pending", tries=0, claim="", outcome="", transcript="[]",
                                            summary="", alerted=False))
                planned += 1
            except IntegrityError:
                continue  # another scheduler planned this call (or the resident's next one)
        return planned

    def claim_due(self, now: datetime, limit: int = 4) -> list[Claimed]:
        with self.records.session() as session:
            due = list(session.execute(
                select(CheckinCall.id, CheckinCall.resident_id, CheckinCall.tries, CheckinCall.due_at)
                .where(CheckinCall.state.in_(("pending", "retry")), CheckinCall.next_try_at <= now)
                .order_by(CheckinCall.next_try_at).limit(limit)))
        claimed = []
        for call_id, resident_id, tries, due_at in due:
            token = secrets.token_hex(8)
            with self.records.session.begin() as session:
                changed = _rows(session,
                    update(CheckinCall)
                    .where(CheckinCall.id == call_id, CheckinCall.state.in_(("pending", "retry")),
                           CheckinCall.tries == tries)
                    .values(state="dialing", claim=token, claimed_at=now, tries=tries + 1))
                if changed != 1:
                    continue  # another scheduler got it
                session.add(CheckinAttempt(call_id=call_id, number=tries + 1, started_at=now, result="", detail=""))
            claimed.append(Claimed(call_id, resident_id, tries + 1, token, utc(due_at)))
        return claimed

    def _attempt(self, session: Any, call_id: int, number: int, now: datetime, result: str, detail: str) -> None:
        attempt = session.scalar(select(CheckinAttempt).where(CheckinAttempt.call_id == call_id,
                                                              CheckinAttempt.number == number))
        if attempt is not None:
            attempt.ended_at, attempt.result, attempt.detail = now, result, detail[:200]

    def retry(self, claimed: Claimed, now: datetime, result: str, detail: str, at: datetime) -> bool:
        """The try was not answered; try again at ``at``. False when the claim was lost."""
        with self.records.session.begin() as session:
            changed = _rows(session,
                update(CheckinCall).where(CheckinCall.id == claimed.call_id, CheckinCall.claim == claimed.claim,
                                          CheckinCall.state == "dialing")
                .values(state="retry", next_try_at=at, claim=""))
            if changed == 1:
                self._attempt(session, claimed.call_id, claimed.attempt, now, result, detail)
            return bool(changed == 1)

    def complete(self, claimed: Claimed, now: datetime, result: str, detail: str, outcome: str,
                 transcript: list[dict[str, str]], summary: str) -> bool:
        """The call is over with ``outcome`` (transcript and summary already redacted)."""
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r}")
        with self.records.session.begin() as session:
            changed = _rows(session,
                update(CheckinCall).where(CheckinCall.id == claimed.call_id, CheckinCall.claim == claimed.claim,
                                          CheckinCall.state == "dialing")
                .values(state="done", outcome=outcome, transcript=json.dumps(transcript, ensure_ascii=False),
                        summary=summary, finished_at=now))
            if changed == 1:
                self._attempt(session, claimed.call_id, claimed.attempt, now, result, detail)
            return bool(changed == 1)

    def recover(self, now: datetime, lease: timedelta, spacing: timedelta, max_tries: int) -> list[Ended]:
        """Take back calls left ``dialing`` by a scheduler that died (claim older than ``lease``)."""
        with self.records.session() as session:
            stale = list(session.execute(
                select(CheckinCall.id, CheckinCall.resident_id, CheckinCall.claim, CheckinCall.claimed_at,
                       CheckinCall.tries)
                .where(CheckinCall.state == "dialing", CheckinCall.claimed_at <= now - lease)))
        ended = []
        for call_id, resident_id, claim, claimed_at, tries in stale:
            last = tries >= max_tries
            values: dict[str, Any] = {"state": "retry", "claim": "",
                                      "next_try_at": max(now, utc(claimed_at or now) + spacing)}
            if last:
                values = {"state": "done", "outcome": "failed", "finished_at": now, "claim": "",
                          "summary": "the call was interrupted (the service restarted)"}
            with self.records.session.begin() as session:
                mine = (CheckinCall.id == call_id, CheckinCall.claim == claim)
                changed = _rows(session, update(CheckinCall).where(*mine).values(**values))
                if changed != 1:
                    continue
                self._attempt(session, call_id, tries, now, "interrupted", "service restarted during the call")
            if last:
                ended.append(Ended(call_id, resident_id, "failed", tries))
        return ended

    def mark_alerted(self, call_id: int) -> None:
        with self.records.session.begin() as session:
            session.execute(update(CheckinCall).where(CheckinCall.id == call_id).values(alerted=True))

    def calls(self, resident_id: int | None = None, limit: int = 200) -> list[dict[str, Any]]:
        """Planned and finished calls with their tries (newest first), for staff."""
        query = select(CheckinCall).order_by(CheckinCall.due_at.desc(), CheckinCall.id.desc()).limit(limit)
        if resident_id is not None:
            query = query.where(CheckinCall.resident_id == resident_id)
        with self.records.session() as session:
            rows = list(session.scalars(query))
            attempts: dict[int, list[dict[str, Any]]] = {}
            ids = [r.id for r in rows]
            for a in session.scalars(select(CheckinAttempt).where(CheckinAttempt.call_id.in_(ids))
                                     .order_by(CheckinAttempt.number)):
                attempts.setdefault(a.call_id, []).append(
                    {"number": a.number, "started_at": utc(a.started_at).isoformat(),
                     "ended_at": utc(a.ended_at).isoformat() if a.ended_at else None,
                     "result": a.result, "detail": a.detail})
            return [{"id": r.id, "resident_id": r.resident_id, "due_at": utc(r.due_at).isoformat(),
                     "state": r.state, "tries": r.tries, "outcome": r.outcome,
                     "next_try_at": utc(r.next_try_at).isoformat(),
                     "finished_at": utc(r.finished_at).isoformat() if r.finished_at else None,
                     "transcript": json.loads(r.transcript), "summary": r.summary, "alerted": r.alerted,
                     "attempts": attempts.get(r.id, [])} for r in rows]


__all__ = ["OUTCOMES", "CallQueue", "Claimed", "Ended"]
