"""The danger classifier: clear-word rules first, then an e5 probe learnt from labelled examples."""

from __future__ import annotations

import logging

from dialog.retrieval.embedder import Embedder
from dialog.safety.embedding import ExampleProbe
from dialog.safety.kinds import PRIORITY, Danger, DangerKind
from dialog.safety.language import script_language
from dialog.safety.rules import abuse_target, by_family, matching_rules


class SafetyClassifier:
    """``detect(text, language)`` → a ``Danger`` or None. Without an embedder: the rules alone.

    The embedding part reads an utterance's e5 vectors with the probe learnt offline on the tuning
    half of the labelled set and stored in ``data/probe.npz`` (its threshold stored with it), then
    with the nearest tuning examples stored beside it (their margin stored too).
    Blocking (it embeds the utterance): call it from a worker thread.
    """

    def __init__(self, probe: ExampleProbe | None = None) -> None:
        self.probe = probe

    @classmethod
    def with_embedder(cls, embedder: Embedder) -> SafetyClassifier:
        """Rules and the stored probe, reading vectors from ``embedder`` (the search's, not a second copy).

        An embedder the probe was not learnt for (another vector size) gets the rules alone, with a
        warning: the gateway still starts and still hears danger by its rules."""
        try:
            return cls(ExampleProbe.stored(embedder))
        except ValueError as exc:
            logging.getLogger("malbeot.safety").warning("danger detection by rules alone: %s", exc)
            return cls(None)

    def detect(self, text: str, language: str = "") -> Danger | None:
        found = self.by_rules(text, language)
        if found is not None or self.probe is None or not text.strip():
            return found
        kind, detail = self.probe.judge(text)
        if kind is None:
            return None
        return _danger(DangerKind(kind), "embedding", detail, text, language)

    @staticmethod
    def by_rules(text: str, language: str = "") -> Danger | None:
        rules = matching_rules(text)
        if not rules:
            return None
        kinds = {rule.kind for rule in rules}
        if {DangerKind.ABUSE, DangerKind.CRIME} <= kinds and by_family(text):
            kinds.discard(DangerKind.CRIME)  # "손자가 돈 내놓으라고 때려요": abuse by family, not a stranger's crime
        kind = next(k for k in PRIORITY if k in kinds)
        name = next(rule.name for rule in rules if rule.kind is kind)
        return _danger(kind, "rule", name, text, language)


def _danger(kind: DangerKind, source: str, detail: str, text: str, language: str) -> Danger:
    target = abuse_target(text) if kind is DangerKind.ABUSE else None
    return Danger(kind, source, detail, script_language(text) or language, target)


_installed = SafetyClassifier()


def install(classifier: SafetyClassifier) -> None:
    """Make ``classifier`` the one :func:`detect` uses (the gateway installs the embedding one)."""
    global _installed
    _installed = classifier


def detect(text: str, language: str = "") -> Danger | None:
    """Danger in one utterance, with the installed classifier (the rules alone until one is installed)."""
    return _installed.detect(text, language)


__all__ = ["SafetyClassifier", "detect", "install"]
