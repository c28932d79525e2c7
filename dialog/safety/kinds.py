"""What a danger is: its kind, how it was noticed, and the lines that help with it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class DangerKind(StrEnum):
    MEDICAL = "medical"
    SUICIDE = "suicide"
    ABUSE = "abuse"
    FIRE = "fire"
    CRIME = "crime"


#: when an utterance matches several kinds, the first in this order decides the answer
PRIORITY = (DangerKind.MEDICAL, DangerKind.FIRE, DangerKind.CRIME, DangerKind.SUICIDE, DangerKind.ABUSE)


class AbuseTarget(StrEnum):
    """Who is being hurt, which decides the helpline."""

    ELDER = "elder"  # by a son, daughter, carer... → 1577-1389
    PARTNER = "partner"  # by a husband or wife → 1366
    CHILD = "child"  # → 112


@dataclass(frozen=True, slots=True)
class Danger:
    kind: DangerKind
    #: "rule" (a clear phrase) or "embedding" (the e5 probe learnt from labelled examples)
    source: str
    #: the rule's name, or the probe's probability of danger
    detail: str
    #: the language the words were recognised in (script and rule), "" when unknown
    language: str = ""
    abuse_target: AbuseTarget | None = None

    @property
    def intent(self) -> str:
        return f"danger_{self.kind.value}"


#: helpline numbers (digits, as shown in large text)
EMERGENCY = "119"
POLICE = "112"
SUICIDE_LINE = "109"
ELDER_ABUSE = "1577-1389"
WOMEN_LINE = "1366"
DANURI = "1577-1366"


def numbers_for(danger: Danger, language: str) -> tuple[str, ...]:
    """The numbers to give, most important first; non-Korean callers also get Danuri in abuse cases."""
    match danger.kind:
        case DangerKind.MEDICAL | DangerKind.FIRE:
            numbers: tuple[str, ...] = (EMERGENCY,)
        case DangerKind.CRIME:
            numbers = (POLICE,)
        case DangerKind.SUICIDE:
            numbers = (SUICIDE_LINE,)
        case DangerKind.ABUSE:
            match danger.abuse_target:
                case AbuseTarget.PARTNER:
                    numbers = (WOMEN_LINE, POLICE)
                case AbuseTarget.CHILD:
                    numbers = (POLICE,)
                case _:
                    numbers = (ELDER_ABUSE, POLICE)
    if language != "ko" and danger.kind in (DangerKind.ABUSE, DangerKind.SUICIDE) and DANURI not in numbers:
        numbers = (*numbers, DANURI)
    return numbers


__all__ = ["DANURI", "ELDER_ABUSE", "EMERGENCY", "POLICE", "PRIORITY", "SUICIDE_LINE", "WOMEN_LINE", "AbuseTarget",
           "Danger", "DangerKind", "numbers_for"]
