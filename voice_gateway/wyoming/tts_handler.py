"""Speech synthesis over Wyoming: ``synthesize`` → ``audio-start``, ``audio-chunk``*, ``audio-stop``.

The voice is the one the request names (``malbeot-<lang>``, from ``info``), else the one of the
language it names, else the language the text is written in (Korean when its letters do not
tell). Audio goes out at the voice's own sample rate, 16-bit mono, in chunks of at most
``chunk_seconds``, as the voice produces it (synthesis runs in a worker thread).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from dataclasses import dataclass
from typing import cast

from wyoming.audio import AudioChunk, AudioStart, AudioStop
from wyoming.event import Eventable
from wyoming.tts import Synthesize, SynthesizeTextFormat

from malbeot_core.errors import FrameTooLarge, NotFound, ProtocolViolation
from malbeot_core.text_language import text_language
from malbeot_core.threads import iterate_in_thread
from tts.protocol import Synthesizer

from .info import voice_language
from .limits import WyomingLimits, offered_language

STAGE = "wyoming-tts"
WIDTH = 2


@dataclass(frozen=True)
class SpeechRequest:
    text: str
    language: str


def speech_request(event: Synthesize, languages: tuple[str, ...], limits: WyomingLimits) -> SpeechRequest:
    """Check a ``synthesize`` request and pick its language."""
    text = event.text.strip()
    if event.text_format not in (None, SynthesizeTextFormat.TEXT, "text"):
        raise ProtocolViolation(f"text format {event.text_format!r} is not supported; send plain text", stage=STAGE)
    if not text:
        raise ProtocolViolation("synthesize needs some text", stage=STAGE)
    if len(text) > limits.max_synth_chars:
        raise FrameTooLarge(f"text over {limits.max_synth_chars} characters", stage=STAGE)
    voice = event.voice
    language: str | None = None
    if voice is not None and voice.name is not None:
        language = voice_language(voice.name, languages)
        if language is None:
            names = ", ".join(f"malbeot-{lang}" for lang in languages)
            raise NotFound(f"no voice named {voice.name!r}; the voices are {names}", stage=STAGE, code="unknown_voice")
    elif voice is not None:
        language = offered_language(voice.language, languages, STAGE)
    return SpeechRequest(text, language or text_language(text, languages) or "ko")


async def speak(
    request: SpeechRequest, select: Callable[[str], Synthesizer], chunk_seconds: float = 0.5
) -> AsyncIterator[Eventable]:
    """The audio events of one answer; the voice is chosen (and loaded) in a worker thread."""
    synth = await asyncio.to_thread(select, request.language)
    rate = synth.sample_rate
    step = max(WIDTH, int(rate * chunk_seconds) * WIDTH)
    yield AudioStart(rate=rate, width=WIDTH, channels=1)
    sent = 0
    # a generator function typed as an iterator: closed at once when the client goes away
    pieces = cast(
        AsyncGenerator[bytes, None], iterate_in_thread(lambda: synth.synthesize(request.text, request.language, 1.0))
    )
    async with contextlib.aclosing(pieces):
        async for pcm in pieces:
            for at in range(0, len(pcm), step):
                part = pcm[at : at + step]
                yield AudioChunk(rate=rate, width=WIDTH, channels=1, audio=part, timestamp=sent * 1000 // rate)
                sent += len(part) // WIDTH
    yield AudioStop(timestamp=sent * 1000 // rate)
