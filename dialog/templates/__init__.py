"""Answer templates written by the project for ko, en, zh, vi and ja (reviewed: short, plain, polite).

Every sentence an answer says in Chinese, Vietnamese or Japanese comes from these files: fixed
phrases (``phrases``), the kind and cycle of support (``benefit``), who a programme is for
(``facts``), the needs a clarifying question names (``needs``) and short glosses of programme
names (``glosses``). Nothing here is machine-translated; ``dialog.answer_language`` fills the
templates from a programme's structured catalogue fields.
"""

from __future__ import annotations

#: the languages every template below is written for
TEMPLATE_LANGUAGES = ("ko", "en", "zh", "vi", "ja")
#: the languages answered from templates alone (their catalogue free text does not exist)
TEMPLATED_ONLY = ("zh", "vi", "ja")

__all__ = ["TEMPLATED_ONLY", "TEMPLATE_LANGUAGES"]
