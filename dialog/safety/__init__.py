"""Noticing danger in what a caller says (medical, suicide, abuse, fire, crime), in five languages.

``detect(text, language)`` → :class:`Danger` or None. See :mod:`dialog.safety.classifier` and
``docs/safety.md``.
"""

from dialog.safety.classifier import SafetyClassifier, detect, install
from dialog.safety.kinds import AbuseTarget, Danger, DangerKind, numbers_for
from dialog.safety.replies import danger_reply

__all__ = ["AbuseTarget", "Danger", "DangerKind", "SafetyClassifier", "danger_reply", "detect", "install",
           "numbers_for"]
