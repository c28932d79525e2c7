"""Translator backends by name; modules (and torch) are imported only when one is created."""

from __future__ import annotations

from malbeot_core.registry import Registry

from .protocol import Translator

translators: Registry[Translator] = Registry("translator")
translators.register("none", "translate.identity:IdentityTranslator")
translators.register("nllb", "translate.nllb:NllbTranslator")
translators.register("marian", "translate.marian:MarianTranslator")
