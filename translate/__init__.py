"""Optional translation of answers into the caller's language (zh/vi/ja callers).

Importing this package does not import torch or transformers; the model backends
(:mod:`translate.nllb`, :mod:`translate.marian`) import them when first used.
"""

from .identity import IdentityTranslator
from .protocol import Translator
from .registry import translators
from .stage import TranslateStage

__all__ = ["IdentityTranslator", "TranslateStage", "Translator", "translators"]
