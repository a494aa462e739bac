"""The interpretation plan of a day, for the language services: which session is interpreted
into which language, in which room, with how many booths."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from conference.models import Conference
from sessions.enums import SessionState
from sessions.models import Session
from sessions.services import interpretation_booths_needed


@dataclass(frozen=True)
class PlanRow:
    session: Session
    starts_at: datetime
    ends_at: datetime
    languages: frozenset
    booths_needed: int

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


@dataclass
class InterpretationPlan:
    day: date
    languages: list[str]
    rows: list[PlanRow] = field(default_factory=list)

    def minutes_per_language(self) -> dict[str, int]:
        """Interpreted minutes per language (a session in one language needs no interpreter)."""
        return {
            language: sum(
                row.minutes for row in self.rows if row.booths_needed and language in row.languages
            )
            for language in self.languages
        }


def interpretation_plan(conference: Conference, day: date) -> InterpretationPlan:
    """The day's sessions (published and draft, not cancelled) that start on `day` in the
    conference's timezone, in time order, with their languages; the columns are the
    conference's languages, then any other language a session asks for."""
    tz = conference.tzinfo
    starts = datetime.combine(day, time.min, tzinfo=tz)
    sessions = (
        Session.objects.filter(
            conference=conference, starts_at__gte=starts, starts_at__lt=starts + timedelta(days=1)
        )
        .exclude(state=SessionState.CANCELLED)
        .select_related("room")
        .order_by("starts_at", "room__name", "title")
    )
    rows = [
        PlanRow(
            session=session,
            starts_at=session.starts_at.astimezone(tz),
            ends_at=session.ends_at.astimezone(tz),
            languages=frozenset(session.languages),
            booths_needed=interpretation_booths_needed(session.languages),
        )
        for session in sessions
    ]
    columns = list(conference.languages)
    columns += sorted({lang for row in rows for lang in row.languages} - set(columns))
    return InterpretationPlan(day=day, languages=columns, rows=rows)


def plan_csv(plan: InterpretationPlan, *, headers: list[str]) -> str:
    """The plan as CSV, one row per session, one column per language ("x" when interpreted
    into it). `headers` are the six first columns' titles, in the reader's language."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([*headers, *plan.languages])
    for row in plan.rows:
        session = row.session
        writer.writerow(
            [
                row.starts_at.strftime("%H:%M"),
                row.ends_at.strftime("%H:%M"),
                session.title,
                session.room.name if session.room else "",
                session.room.interpretation_booths if session.room else "",
                row.booths_needed,
                *("x" if lang in row.languages else "" for lang in plan.languages),
            ]
        )
    return buffer.getvalue()
