"""What was said in a call, turn by turn, kept for the hand-off summary (redacted when written out)."""

from __future__ import annotations

from dataclasses import dataclass, field

from malbeot_core.events import BenefitAnswer


@dataclass
class Exchange:
    """One turn of the conversation, kept for the hand-off summary (redacted when written out)."""

    caller: str
    answer: str = ""
    programmes: tuple[str, ...] = ()


@dataclass
class History:
    turns: list[Exchange] = field(default_factory=list)

    def heard(self, text: str) -> None:
        self.turns.append(Exchange(text))

    def answered(self, answer: BenefitAnswer) -> None:
        if not self.turns or self.turns[-1].answer:
            self.turns.append(Exchange(""))
        self.turns[-1].answer = answer.text
        self.turns[-1].programmes = tuple(p.name for p in answer.programmes)


__all__ = ["Exchange", "History"]
