"""Outcome rules of a check-in call: what counts as "not well" in an answer (pure functions).

Danger is not decided here: every answer goes through the dialog, whose danger detection marks its
answer's intent ``danger…``; that outranks everything. "Not well" is an answer that says the person
is ill, in pain, has not eaten, is dizzy, lonely or low — negated forms ("안 아파요", "not sick")
are read first and do not count. A person who picked up and said nothing at all is "not well" too:
staff should find out why.
"""

from __future__ import annotations

import re

from .types import Outcome

_NEGATED = [
    r"안\s*아파", r"아프지\s*않", r"안\s*아프", r"안\s*힘들", r"힘들지\s*않", r"not\s+(?:sick|ill|bad|lonely)",
    r"no\s+pain", r"don'?t\s+feel\s+(?:sick|bad)",
]
_NOT_WELL = [
    r"아파", r"아프", r"안\s*좋", r"좋지\s*않", r"못\s*먹", r"안\s*먹", r"굶", r"힘들", r"어지러", r"외로", r"우울",
    r"기운이\s*없", r"잠을\s*못", r"못\s*자", r"다쳤", r"넘어졌", r"열이", r"기침", r"못\s*지내", r"별로", r"슬퍼",
    r"안\s*괜찮",
    r"not\s+(?:well|good|great|so\s+good)", r"\bsick\b", r"\bill\b", r"\bpain\b", r"\bhurts?\b", r"dizzy", r"lonely",
    r"haven'?t\s+eaten", r"didn'?t\s+eat", r"not\s+eaten", r"\bweak\b", r"can'?t\s+sleep", r"\bfell\b", r"\bfever\b",
    r"feel(?:ing)?\s+(?:bad|terrible|awful|low|down)",
]
_NEGATED_RE = re.compile("|".join(_NEGATED), re.IGNORECASE)
_NOT_WELL_RE = re.compile("|".join(_NOT_WELL), re.IGNORECASE)
_NEED = re.compile(r"필요|도와|도움|없어서|힘들|반찬|need|help|nobody|no one", re.IGNORECASE)
_NO_NEED = re.compile(r"필요\s*(?:한\s*(?:거|것|건)\s*)?없|필요\s*없|(?:don'?t|do\s+not)\s+need|everything\s+I\s+need|"
                      r"no\s+help|need\s+nothing|nothing\s+I\s+need", re.IGNORECASE)


def not_well(text: str) -> bool:
    """The answer says the person is not well (negations such as "안 아파요" removed first)."""
    return bool(_NOT_WELL_RE.search(_NEGATED_RE.sub(" ", text)))


def asks_for_help(text: str) -> bool:
    """The answer names a need (then programmes that fit are offered)."""
    return bool(_NEED.search(_NO_NEED.sub(" ", text))) or not_well(text)


def is_danger(intent: str) -> bool:
    """The dialog's answer is a danger answer (its danger detection found one)."""
    return intent.startswith("danger")


def outcome_of(heard: list[str], danger: bool) -> Outcome:
    if danger:
        return "danger"
    if not any(text.strip() for text in heard):
        return "not_well"  # picked up but said nothing
    return "not_well" if any(not_well(text) for text in heard) else "well"


__all__ = ["asks_for_help", "is_danger", "not_well", "outcome_of"]
