"""Model backends shared by all calls, loaded once (lazily, or at start-up when ``preload``)."""

from __future__ import annotations

import threading
import time
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from malbeot_core.models import home as model_home

from . import languages
from .config import GatewayConfig
from .logs import logger

if TYPE_CHECKING:
    from asr.protocol import Transcriber
    from dialog.catalogue.programmes import Catalogue
    from dialog.civil.desk import CivilDesk
    from dialog.civil.knowledge import CivilKnowledge
    from dialog.manager import DialogManager
    from dialog.retrieval.hybrid import HybridRetriever
    from dialog.safety import SafetyClassifier
    from records.hub import RecordsHub
    from translate.protocol import Translator
    from tts.registry import VoiceSelector

    from .resident_alerts import AlertService

log = logger("services")


def embedding_cache_dir() -> Path:
    """Passage embeddings of the catalogue, keyed by content, so restarts and refreshes re-embed only changes."""
    return model_home() / "cache" / "embeddings"


class Services:
    def __init__(self, config: GatewayConfig) -> None:
        self.config = config
        self._lock = threading.RLock()
        #: one index rebuild at a time (separate from ``_lock``, which model loading holds)
        self._reindex_lock = threading.Lock()
        self.load_seconds: dict[str, float] = {}
        #: the records database's catalogue counter this replica last loaded (``sync_catalogue``)
        self.catalogue_version = 0

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
                "asr", lambda: create_transcriber(self.config.asr_backend, model=self.config.asr_model,
                                                  **self._ray_options(self.config.asr_backend))
            )

    def _ray_options(self, backend: str) -> dict[str, str]:
        """Constructor arguments of a ``ray`` backend (the cluster address); none for the others."""
        return {"address": self.config.ray_address} if backend == "ray" else {}

    def voice_selector(self) -> VoiceSelector:
        """A fresh selector (loads nothing): every language to the Ray deployment's voices with
        ``MALBEOT_MODEL_WORKERS=ray``, otherwise the embedded voices in their measured order."""
        from tts.registry import VoiceChoice, VoicePreferences, VoiceSelector

        if self.config.model_workers != "ray":
            return VoiceSelector()
        remote = (VoiceChoice.of("ray", **self._ray_options("ray")),)
        return VoiceSelector(VoicePreferences({lang: remote for lang in self.config.languages}))

    @cached_property
    def voices(self) -> VoiceSelector:
        with self._lock:
            return self._timed("tts", self.voice_selector)

    @cached_property
    def catalogue(self) -> Catalogue:
        from dialog.catalogue.importer import import_into, import_records, read_records
        from dialog.catalogue.programmes import Catalogue
        from dialog.catalogue.sample import load_sample

        with self._lock:
            catalogue = Catalogue(self.config.catalogue_db)
            if catalogue.count() == 0:
                load_sample(catalogue)
            for path in self.config.import_files:
                import_into(catalogue, import_records(read_records(path)))
            if self.records.shared:
                self.catalogue_version = self.records.catalogue_version()  # before reading: nothing missed
            self.records.restore_programmes(catalogue)  # programmes registered by staff
            return catalogue

    @cached_property
    def retriever(self) -> HybridRetriever:
        from dialog.retrieval.embed_registry import create_embedder
        from dialog.retrieval.hybrid import HybridRetriever

        with self._lock:
            embedder = self._timed("embedder", lambda: create_embedder(self.config.embedder,
                                                                        **self._ray_options(self.config.embedder)))
            vectors = self.records.vectors()  # shared by replicas (PostgreSQL); None on SQLite
            return self._timed(
                "retrieval_index",
                lambda: HybridRetriever(self.catalogue, embedder, cache_dir=embedding_cache_dir(), vectors=vectors),
            )

    def refresh_retrieval(self) -> None:
        """Rebuild the search index from the catalogue (after staff register, edit or retire a programme).

        Call it from a worker thread (the staff endpoints run in one), never on the event loop.
        The new index is built aside while searches go on using the old one; only new or edited
        passages are embedded (the rest are taken from the old index), a few at a time, so a
        search waits at most for one small batch. Then the new index replaces the old one for
        every call in one step. Rebuilds run one at a time, each from the catalogue as it is
        when it starts, so the last one to finish has every change.
        """
        if "retriever" not in self.__dict__:
            return  # not built yet: it will be built from the current catalogue
        from dialog.retrieval.hybrid import HybridRetriever

        with self._reindex_lock:
            old = self.__dict__["retriever"]
            start = time.perf_counter()
            fresh = HybridRetriever(self.catalogue, old.embedder, cache_dir=embedding_cache_dir(), previous=old,
                                    vectors=old.vectors)
            self.load_seconds["retrieval_reindex"] = round(time.perf_counter() - start, 3)
            self.__dict__["retriever"] = fresh  # one assignment: a search sees the old or the new index
            if "dialog" in self.__dict__:
                self.dialog.retriever = fresh
            log.info("search index rebuilt in %.2f s", self.load_seconds["retrieval_reindex"])

    @cached_property
    def dialog(self) -> DialogManager:
        from dialog.manager import DialogManager

        return DialogManager(self.retriever, applications=self.records.sink(), facilities=self.records.finder(),
                             safety=self.safety, civil=self.civil)

    @cached_property
    def civil_knowledge(self) -> CivilKnowledge:
        """Civil-service entries: the sample, then ``MALBEOT_CIVIL_IMPORT`` files, then staff entries."""
        from dialog.civil.knowledge import CivilKnowledge

        with self._lock:
            knowledge = CivilKnowledge.sample(self.config.civil_import_files)
            self.records.restore_civil(knowledge)
            return knowledge

    @cached_property
    def civil(self) -> CivilDesk:
        """Civil services searched together with benefits, with the retrieval's embedder."""
        from dialog.civil.desk import CivilDesk

        with self._lock:
            knowledge, embedder = self.civil_knowledge, self.retriever.embedder
            vectors = self.records.vectors()
            return self._timed("civil_index",
                               lambda: CivilDesk.build(knowledge, embedder, embedding_cache_dir(), vectors))

    def refresh_civil(self) -> None:
        """Rebuild the civil index after staff changed an entry (from a worker thread)."""
        if "civil" not in self.__dict__:
            return
        with self._reindex_lock:
            fresh = self.__dict__["civil"].rebuilt()
            self.__dict__["civil"] = fresh
            if "dialog" in self.__dict__:
                self.dialog.civil = fresh

    def sync_catalogue(self) -> bool:
        """Pick up staff edits made on another replica: when the records database's catalogue counter
        moved since this replica last looked, reload staff programmes and civil entries and re-index
        (only changed passages are embedded). Call from a worker thread; the gateway does it every
        ``MALBEOT_SYNC_SECONDS``. True when something was reloaded."""
        if not self.records.shared or "catalogue" not in self.__dict__:
            return False
        current = self.records.catalogue_version()
        if current == self.catalogue_version:
            return False
        self.records.restore_programmes(self.catalogue)
        if "civil_knowledge" in self.__dict__:
            self.records.restore_civil(self.civil_knowledge)
        self.catalogue_version = current
        self.refresh_retrieval()
        self.refresh_civil()
        log.info("catalogue reloaded from the records database (version %d)", current)
        return True

    @cached_property
    def safety(self) -> SafetyClassifier:
        """Danger detection: rules and the stored e5 probe on the retrieval model's vectors (loaded, not learnt)."""
        from dialog.safety import SafetyClassifier, install

        with self._lock:
            classifier = self._timed("safety", lambda: SafetyClassifier.with_embedder(self.retriever.embedder))
            install(classifier)
            return classifier

    @cached_property
    def records(self) -> RecordsHub:
        """Applications, staff, facilities, alerts (opened on first use; ``MALBEOT_RECORDS_*``); its
        notifier is ``MALBEOT_NOTIFIER``'s, made on first use."""
        from records.hub import RecordsHub

        from .notifiers import configured_notifier

        return RecordsHub(notifier_factory=configured_notifier)

    @cached_property
    def alerts(self) -> AlertService:
        """Residents' alerts about new programmes: the records' subscriptions, sent through their notifier."""
        from .resident_alerts import AlertService

        return AlertService(self.records.subscriptions, self.records.notifier)

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
        """What is loaded now. ``voices``: at least one voice; ``translator``: a machine-translation
        model (the identity stand-in used when none is configured is not one)."""
        loaded = {name: name in self.__dict__ for name in ("transcriber", "catalogue", "retriever", "dialog")}
        voices = self.__dict__.get("voices")
        loaded["voices"] = voices is not None and any(voices.status(lang).loaded for lang in self.config.languages)
        translator = self.__dict__.get("translator")
        loaded["translator"] = translator is not None and any(self.translation_pairs(translator).values())
        return loaded

    def translation_pairs(self, translator: Translator | None) -> dict[str, str | None]:
        """``"ko-en"`` → the translator that serves the pair, or None, for every pair of configured languages."""
        languages = self.config.languages
        return {
            f"{a}-{b}": translator.name if translator is not None and translator.supports(a, b) else None
            for a in languages
            for b in languages
            if a != b
        }

    def health(self) -> dict[str, Any]:
        """What really serves each language now (``GET /healthz``); nothing is loaded to find out."""
        transcriber = self.__dict__.get("transcriber")
        voices: VoiceSelector = self.__dict__.get("voices") or self.voice_selector()  # a fresh one loads nothing
        translator = self.__dict__.get("translator")
        statuses = {lang: voices.status(lang) for lang in self.config.languages}
        return {
            "asr": {
                "backend": transcriber.name if transcriber is not None else self.config.asr_backend,
                "model": self.config.asr_model,
                "loaded": transcriber is not None,
                "languages": list(self.config.languages),
            },
            "voices": {
                lang: {"backend": st.backend, "loaded": st.loaded, **({"failed": list(st.failed)} if st.failed else {})}
                for lang, st in statuses.items()
            },
            "translation": {
                "backend": translator.name if translator is not None else self.config.translator,
                "loaded": translator is not None,
                "pairs": self.translation_pairs(translator),
            },
            "languages": languages.summary(self.config.languages, translator),
        }
