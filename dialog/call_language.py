"""The language a call is answered in, turn by turn (pure: no models, no I/O).

- A caller who *chooses* a language ("Tiếng Việt được không?", "中文可以吗", "日本語でお願いします",
  "English please", "영어로 말해 주세요") is answered in it from then on — also when they go on in
  the language they asked in (a Korean helper who asked for English for a neighbour goes on in
  Korean, the neighbour hears English) — until they choose another.
- Otherwise the call follows the language each turn is said in (speech recognition's language, or
  the script of a typed turn), and a turn whose language cannot be told (digits, "ok") keeps the
  call's language.
- A turn clearly said in a third language (neither the chosen one nor the one the choice was made
  in) is answered in the language it was said in; the choice still holds for the turns after it.

``BenefitAnswer.language`` then says which language an answer is in.
"""

from __future__ import annotations

from dataclasses import dataclass

#: the languages the dialog answers in
LANGUAGES = ("ko", "en", "zh", "vi", "ja")


def normalise(code: str | None) -> str:
    """``"ko-KR"`` → ``"ko"``; empty → ``""``."""
    if not code:
        return ""
    return code.replace("_", "-").split("-")[0].lower()


@dataclass
class CallLanguage:
    """What a call knows about its language (mutated by :meth:`turn` and :meth:`choose`)."""

    #: the language the last answer was given in
    current: str = "ko"
    #: the language the caller chose explicitly ("" when none)
    chosen: str = ""
    #: the language the choice was asked in
    chosen_in: str = ""
    #: the language the last turn was said in ("" when it could not be told)
    heard: str = ""

    def choose(self, language: str, asked_in: str | None = None) -> None:
        """The caller asked to be answered in ``language`` (in words said in ``asked_in``, by default
        the last turn's language)."""
        self.chosen = self.current = normalise(language)
        self.chosen_in = normalise(asked_in) or self.heard or self.chosen

    def turn(self, heard: str | None) -> str:
        """The language to answer a turn said in ``heard`` (None / "" / unknown: not told)."""
        said = self.heard = normalise(heard)
        if said not in LANGUAGES:
            return self.current
        if self.chosen and said in (self.chosen, self.chosen_in):
            self.current = self.chosen
            return self.chosen
        if self.chosen:
            return said  # answered in its own language; the choice holds for the next turns
        self.current = said
        return said


__all__ = ["LANGUAGES", "CallLanguage", "normalise"]
