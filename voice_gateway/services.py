"""Model backends shared by all calls, loaded once (lazily, or at start-up when ``preload``)."""

from __future__ import annotations

import threading
import time
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from malbeot_core.models import home as model_home

from .config import GatewayConfig
from .logs import logger

if TYPE_CHECKING:
    from asr.protocol import Transcriber
    from dialog.catalogue import Catalogue
    from dialog.manager import DialogManager
    from dialog.retrieval import HybridRetriever
    from records.hub import RecordsHub
    from translate.protocol import Translator
    from tts.registry import VoiceSelector

log = logger("services")


def embedding_cache_dir() -> Path:
    """Passage embeddings of the catalogue, keyed by content, so restarts and refreshes re-embed only changes."""
    return model_home() / "cache" / "embeddings"


class Services:
    def __init__(self, config: GatewayConfig) -> None:
        self.config = config
        self._lock = threading.RLock()
        self.load_seconds: dict[str, float] = {}

    def _timed(self, name: str, factory: Any) -> Any:
        start = time.perf_counter()
        value = factory()
        self.load_seconds[name] = round(time.perf_counter() - start, 3)
        log.info("loaded %s in %.2f s", name, self.load_seconds[name])
        return value

    @cached_property
    def transcriber(self) -> Transcriber:
        from asr.registry import create_transcriber

        with self._lock:
            return self._timed(
                "asr", lambda: create_transcriber(self.config.asr_backend, model=self.config.asr_model)
            )

    @cached_property
    def voices(self) -> VoiceSelector:
        from tts.registry import VoiceSelector

        with self._lock:
            return self._timed("tts", VoiceSelector)

    @cached_property
    def catalogue(self) -> Catalogue:
        from dialog.catalogue import Catalogue
        from dialog.importer import import_into, import_records, read_records
        from dialog.sample import load_sample

        with self._lock:
            catalogue = Catalogue(self.config.catalogue_db)
            if catalogue.count() == 0:
                load_sample(catalogue)
            for path in self.config.import_files:
                import_into(catalogue, import_records(read_records(path)))
            self.records.restore_programmes(catalogue)  # programmes registered by staff
            return catalogue

    @cached_property
    def retriever(self) -> HybridRetriever:
        from dialog.embed_registry import create_embedder
        from dialog.retrieval import HybridRetriever

        with self._lock:
            embedder = self._timed("embedder", lambda: create_embedder(self.config.embedder))
            return self._timed(
                "retrieval_index", lambda: HybridRetriever(self.catalogue, embedder, cache_dir=embedding_cache_dir())
            )

    def refresh_retrieval(self) -> None:
        """Rebuild the search index from the catalogue (after staff register, edit or retire a programme).

        The new index replaces the old one for every call at once; unchanged passages come from the
        embedding cache, so only new or edited programmes are embedded again.
        """
        if "retriever" not in self.__dict__:
            return  # not built yet: it will be built from the current catalogue
        from dialog.retrieval import HybridRetriever

        with self._lock:
            embedder = self.retriever.embedder
            fresh = self._timed(
                "retrieval_index", lambda: HybridRetriever(self.catalogue, embedder, cache_dir=embedding_cache_dir())
            )
            self.__dict__["retriever"] = fresh
            if "dialog" in self.__dict__:
                self.dialog.retriever = fresh

    @cached_property
    def dialog(self) -> DialogManager:
        from dialog.manager import DialogManager

        return DialogManager(self.retriever, applications=self.records.sink(), facilities=self.records.finder())

    @cached_property
    def records(self) -> RecordsHub:
        """Applications, staff, facilities, alerts (opened on first use; ``MALBEOT_RECORDS_*``)."""
        from records.hub import RecordsHub

        return RecordsHub()

    @cached_property
    def translator(self) -> Translator:
        from translate.registry import translators

        with self._lock:
            return self._timed("translator", lambda: translators.create(self.config.translator))

    def warm(self) -> None:
        """Load every model now (start-up), so the first caller does not wait."""
        _ = self.transcriber, self.voices, self.dialog, self.translator
        for language in ("ko", "en"):
            self.voices(language)
        log.info("voices: %s", ", ".join(f"{lang}={name}" for lang, name in sorted(self.voices.voices().items())))

    def loaded(self) -> dict[str, bool]:
        return {
            name: name in self.__dict__
            for name in ("transcriber", "voices", "catalogue", "retriever", "dialog", "translator")
        }
