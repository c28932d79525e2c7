"""The speaking rates of a call's answers.

Speaking rate is decided by the dialog manager, in one place (``DialogManager.rate``), and carried by
every ``BenefitAnswer`` (the TTS stage synthesises at ``answer.rate`` and nothing else). It starts at
1.0, or ``elderly_rate`` on an elderly call; each time the caller asks for slower speech ("천천히 말해
주세요", keypad 2) it steps down one rung of 1.0 → ``slow_rate`` → ``SLOWEST_RATE`` from where it is (so
an elderly call, already at 0.8, hears 0.75), never below the last rung and never multiplied (0.8 × 0.8
was once heard).
"""

from __future__ import annotations

#: speaking rate after the caller asks for slower speech
SLOW_RATE = 0.8
#: speaking rate of an elderly call from its first answer
ELDERLY_RATE = 0.8
#: the slowest rate "slower" reaches: Kokoro's Korean heard back through whisper (bench/voices.py --rates, 24
#: tuning-half answers) had CER 0.147 at 1.0, 0.121 at 0.8, 0.157 at 0.75 and 0.218 at 0.7
SLOWEST_RATE = 0.75


def slower_than(rate: float, rungs: tuple[float, ...] = (1.0, SLOW_RATE, SLOWEST_RATE)) -> float:
    """The next rung below ``rate`` (the last rung when none is below)."""
    below = [r for r in rungs if r < rate - 1e-9]
    return max(below) if below else min(rungs)


__all__ = ["ELDERLY_RATE", "SLOWEST_RATE", "SLOW_RATE", "slower_than"]
