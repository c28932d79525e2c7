"""One call: the stage pipeline (ASR → dialog → translation → TTS) and its settings."""

from __future__ import annotations

import uuid
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

from malbeot_core.audio import INTERNAL, AudioChunk
from malbeot_core.events import BargeIn, BenefitAnswer, Event, SettingsChanged
from malbeot_core.settings import CallSettings
from malbeot_core.stage import Pipeline, Stage

from .config import GatewayConfig
from .metrics import Metrics
from .options import CallOptions
from .services import Services


def settings_for(options: CallOptions, config: GatewayConfig, start_language: str = "ko") -> CallSettings:
    """The call's settings from its options; ``start_language``: the language an undecided call
    starts in (a phone line's own), unless the options fix one."""
    language = None if options.language == "auto" else options.language
    return CallSettings(
        languages=config.languages, language=language, elderly=options.elderly,
        start_language=language or start_language, partials=options.partials, speak=options.tts,
    )


#: builds the stage between recognition and translation (default: the benefit dialog)
DialogStageFactory = Callable[[CallSettings], Stage]


def build_pipeline(
    services: Services, settings: CallSettings, config: GatewayConfig, metrics: Metrics | None = None,
    dialog_stage: DialogStageFactory | None = None,
) -> Pipeline:
    from asr.segmenter import SegmenterConfig
    from asr.stage import AsrStage
    from asr.vad import create_detector
    from dialog.stage import DialogStage
    from translate.stage import TranslateStage
    from tts.stage import TtsStage

    late_asr: dict[str, Any] = {} if config.early_asr else {"speculative_lead": None}
    # both modes' limits: elderly mode may be switched on mid-call
    segmenter = SegmenterConfig(no_input_timeout=config.no_input_seconds,
                                elderly_no_input_timeout=config.elderly_no_input_seconds, **late_asr)
    return Pipeline(
        [
            AsrStage(
                services.transcriber, lambda: create_detector(config.vad), settings, segmenter,
                on_early=None if metrics is None else lambda outcome: metrics.early_asr.labels(outcome).inc(),
            ),
            dialog_stage(settings) if dialog_stage is not None else DialogStage(services.dialog, settings),
            TranslateStage(services.translator, settings),
            TtsStage(services.voices, settings, short_first_piece=config.short_first_piece),
        ]
    )


class AudioKeeper:
    """Writes the caller's audio to a WAV file, only when the operator configured a directory."""

    def __init__(self, directory: Path | None, call_id: str) -> None:
        self._wav: wave.Wave_write | None = None
        if directory is not None:
            directory.mkdir(parents=True, exist_ok=True)
            self._wav = wave.open(str(directory / f"{call_id}.wav"), "wb")  # noqa: SIM115 (closed in close())
            self._wav.setnchannels(1)
            self._wav.setsampwidth(INTERNAL.width)
            self._wav.setframerate(INTERNAL.rate)

    def write(self, chunk: AudioChunk) -> None:
        if self._wav is not None:
            self._wav.writeframes(chunk.pcm)

    def close(self) -> None:
        if self._wav is not None:
            self._wav.close()
            self._wav = None


class CallSession:
    def __init__(
        self, services: Services, config: GatewayConfig, options: CallOptions, metrics: Metrics | None = None,
        dialog_stage: DialogStageFactory | None = None, start_language: str = "ko",
    ) -> None:
        self.call_id = uuid.uuid4().hex[:12]
        self.options = options
        self.config = config
        self.settings = settings_for(options, config, start_language)
        self.pipeline = build_pipeline(services, self.settings, config, metrics, dialog_stage)
        self.keeper = AudioKeeper(config.keep_audio_dir, self.call_id)

    def start(self) -> None:
        self.pipeline.start()

    async def feed(self, event: Event) -> None:
        if isinstance(event, AudioChunk):
            self.keeper.write(event)
        await self.pipeline.feed(event)

    async def say(self, answer: BenefitAnswer) -> None:
        """A prompt of the channel's own (start notice, silence prompt, check-in question): it enters
        where the dialog's answers go on (translation, then speech), not through recognition and the
        dialog."""
        await self.pipeline.feed_to("translate", answer)

    async def barge_in(self, event: BargeIn) -> None:
        """The client says the caller spoke over the reply: straight to speech, past queued audio."""
        await self.pipeline.feed_to("tts", event)

    async def reconfigure(self, options: CallOptions) -> None:
        """New options mid-call: new settings, sent down the pipeline in order with the call."""
        self.options = options
        self.settings = settings_for(options, self.config, self.settings.start_language)
        await self.pipeline.feed(SettingsChanged(self.settings))

    async def aclose(self) -> None:
        self.keeper.close()
        await self.pipeline.aclose()
