"""The ASR stage: audio in, speech events and transcripts out.

Consumes :class:`AudioChunk` (16 kHz int16 mono, any length) and :class:`EndOfTurn`; passes every
other event through in order. Emits, per turn::

    SpeechStarted, PartialTranscript*, SpeechEnded, FinalTranscript

and :class:`NoInput` after long silences. Speech detection runs frame by frame as audio arrives
(a few hundred microseconds a frame, done inline); recognition runs in a worker thread, one call
at a time. Audio keeps being read (and turns detected) while a final is being recognised; events
still come out in order because the final's place in the output is reserved when speech ends.

Recognition of a turn starts early, a little before its end-of-turn silence is over
(:meth:`Segmenter.settled_utterance`): if the silence lasts, the final is that early result and
arrives up to ``speculative_lead`` seconds sooner; if speech resumes, the early result is
discarded: cancelled if it is still waiting its turn, otherwise left to finish unread (a worker
thread cannot be stopped; the lock keeps recognitions one at a time).

Partials (while ``CallSettings.partials`` is on: it may change mid-call) are rationed, because on
two cores a partial still running when the caller stops holds the final back (measured: +0.5 s at
the median, ``bench/turn_latency.py --no-partials``). At most one per ``partial_interval`` seconds
of audio, only when no recognition is in flight (they are never queued), and only in a pause of at
least ``post_roll`` (or, in speech without such a pause, once ``partial_patience`` intervals have
gone by). A partial taken in a pause holds all the speech so far: if that pause becomes the end of
the turn, the early recognition *is* that partial (no second recognition). A partial that comes
back after its turn ended is not emitted. A transcriber crash becomes a :class:`StageFailed` event (a failed partial
once per turn, a failed final always); the stage keeps serving the next turn.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

from malbeot_core.audio import INTERNAL, AudioChunk
from malbeot_core.errors import BackendFailed, BadAudio, MalbeotError
from malbeot_core.events import (
    EndOfTurn,
    Event,
    FinalTranscript,
    Listening,
    NoInput,
    PartialTranscript,
    SettingsChanged,
    SpeechEnded,
    SpeechStarted,
    StageFailed,
)
from malbeot_core.settings import CallSettings
from malbeot_core.stage import failure_event

from .audio_buffer import AudioBuffer
from .protocol import Transcriber, Transcript
from .segmenter import Segmenter, SegmenterConfig, SegmenterEvent, Utterance
from .vad import SpeechDetector, frame_bytes

log = logging.getLogger(__name__)

STAGE = "asr"
RATE = INTERNAL.rate
WIDTH = INTERNAL.width


class _End:
    """Marks the end of the stage's output queue."""


_Slot = Event | asyncio.Future[Event | None] | _End | BaseException


@dataclass(frozen=True)
class _PartialRun:
    """A partial recognition: of which turn, and up to which audio time it heard."""

    turn: int
    audio_start: float
    heard_to: float
    task: asyncio.Task[Transcript | None]


@dataclass
class _Bet:
    """A recognition started before the end of a turn, on the utterance the turn would have."""

    utterance: Utterance
    task: asyncio.Task[Transcript]
    #: set once the recognition holds the lock (from then on its thread cannot be stopped)
    started: asyncio.Event


class AsrStage:
    name = STAGE

    def __init__(
        self,
        transcriber: Transcriber,
        detector_factory: Callable[[], SpeechDetector],
        settings: CallSettings,
        config: SegmenterConfig | None = None,
        partial_interval: float | None = 1.0,
        partial_patience: float = 2.5,
        clock: Callable[[], float] = time.perf_counter,
        max_pending: int = 64,
        on_early: Callable[[str], None] | None = None,
    ) -> None:
        self.transcriber = transcriber
        self.detector_factory = detector_factory
        self.settings = settings
        self.config = config or SegmenterConfig()
        #: seconds of audio between partials; None or 0 turns partials off
        self.partial_interval = partial_interval
        #: in speech with no pause, a partial only after this many intervals
        self.partial_patience = partial_patience
        self.clock = clock
        self.max_pending = max_pending
        #: told "used" or "discarded" for each early recognition (for metrics)
        self.on_early = on_early

    async def run(self, inbox: AsyncIterator[Event]) -> AsyncIterator[Event]:
        out: asyncio.Queue[_Slot] = asyncio.Queue(self.max_pending)
        call = _Call(self, out)
        reader = asyncio.create_task(call.consume(inbox), name="asr-reader")
        try:
            while True:
                slot = await out.get()
                match slot:
                    case _End():
                        break
                    case BaseException():
                        raise slot
                    case asyncio.Future():
                        event = await slot
                        if event is not None:
                            yield event
                    case _:
                        yield slot
            await reader
        finally:
            if not reader.done():
                reader.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await reader
            call.cancel_pending()


class _Call:
    """The per-call state of one :meth:`AsrStage.run`."""

    def __init__(self, stage: AsrStage, out: asyncio.Queue[_Slot]) -> None:
        self.stage = stage
        self.settings = stage.settings
        self.out = out
        self.detector = stage.detector_factory()
        self.frame_bytes = frame_bytes(self.detector)
        self.frame_samples = self.frame_bytes // WIDTH
        self.segmenter = Segmenter(stage.config, self.frame_samples / RATE, self.settings.elderly)
        self.audio = AudioBuffer()
        self.unframed = bytearray()
        self.frames = 0  # frames given to the detector
        self.turn = 0
        self.last_partial_at = 0.0
        self.partial: asyncio.Task[Transcript | None] | None = None
        #: the latest partial of the call (kept after it is emitted: the turn may end in its pause)
        self.last_run: _PartialRun | None = None
        self.failure_reported_turn = 0  # the last turn whose partial failure was reported
        self.finals: list[asyncio.Task[Event | None]] = []
        #: the recognition started before the end of the turn, if any
        self.early: _Bet | None = None
        #: one recognition at a time (finals wait for an in-flight partial, then for each other)
        self.recognising = asyncio.Lock()

    # -- reading the inbox --------------------------------------------------------------------

    async def consume(self, inbox: AsyncIterator[Event]) -> None:
        try:
            async for event in inbox:
                await self.emit_partial_if_ready()
                match event:
                    case AudioChunk():
                        await self.on_audio(event)
                    case EndOfTurn():
                        await self.on_segments(self.segmenter.force_end(self.audio_end()))
                    case SettingsChanged(settings=settings):
                        self.settings = self.stage.settings = settings
                        await self.out.put(event)
                    case Listening():
                        self.segmenter.listen_from(self.audio_end())
                    case _:
                        await self.out.put(event)
            await self.emit_partial_if_ready()
            if self.segmenter.speaking:  # input closed mid-utterance: recognise what was said
                await self.on_segments(self.segmenter.force_end(self.audio_end()))
        except Exception as exc:
            await self.out.put(exc)
        await self.out.put(_End())

    def audio_end(self) -> float:
        return self.audio.end_time() if self.audio.origin is not None else self.segmenter.now

    async def on_audio(self, chunk: AudioChunk) -> None:
        if chunk.fmt != INTERNAL or len(chunk.pcm) % WIDTH:
            problem = BadAudio(
                f"the ASR stage takes {INTERNAL.rate} Hz 16-bit mono in whole samples; got "
                f"{chunk.fmt.rate} Hz, {chunk.fmt.channels} channel(s), {len(chunk.pcm)} bytes",
                stage=STAGE,
            )
            await self.out.put(failure_event(problem, STAGE))
            return
        self.audio.append(chunk)
        self.unframed += chunk.pcm
        origin = self.audio.origin or 0.0
        while len(self.unframed) >= self.frame_bytes:
            frame = bytes(self.unframed[: self.frame_bytes])
            del self.unframed[: self.frame_bytes]
            at = origin + self.frames * self.frame_samples / RATE
            self.frames += 1
            probability = self.detector.probability(frame)
            self.segmenter.elderly = self.settings.elderly
            await self.on_segments(self.segmenter.feed(at, probability))
            self.maybe_start_partial()
            self.maybe_start_early()
        self.audio.keep_from(self.segmenter.audio_needed_from())

    async def on_segments(self, events: list[SegmenterEvent]) -> None:
        for event in events:
            match event:
                case SpeechStarted(at=at):
                    self.turn += 1
                    self.last_partial_at = at
                    await self.out.put(event)
                case SpeechEnded():
                    ended = self.stage.clock()
                    utterance = self.segmenter.utterance
                    assert utterance is not None
                    await self.out.put(event)
                    early = self.take_early(utterance)
                    job = early or self.recognise(self.audio.slice(utterance.audio_start, utterance.audio_end))
                    task = asyncio.create_task(self.final(job, utterance, ended))
                    self.finals = [t for t in self.finals if not t.done()]
                    self.finals.append(task)
                    await self.out.put(task)
                case NoInput():
                    await self.out.put(event)

    # -- recognition --------------------------------------------------------------------------

    def language_args(self) -> tuple[str | None, tuple[str, ...]]:
        fixed = self.settings.language
        return fixed, (() if fixed else tuple(self.settings.languages))

    async def recognise(self, pcm: bytes, started: asyncio.Event | None = None) -> Transcript:
        language, languages = self.language_args()
        async with self.recognising:
            if started is not None:
                started.set()
            return await asyncio.to_thread(self.stage.transcriber.transcribe, pcm, language, languages)

    def maybe_start_early(self) -> None:
        settled = self.segmenter.settled_utterance()
        if settled is None or (self.early is not None and self.early.utterance == settled):
            return
        self.take_early(None)  # a previous bet whose speech went on
        pcm = self.audio.slice(settled.audio_start, settled.audio_end)
        started = asyncio.Event()
        run = self.last_run
        if (
            run is not None
            and run.turn == self.turn
            and run.audio_start == settled.audio_start
            and run.heard_to >= settled.audio_end - 1e-9
        ):
            started.set()  # the partial is already running (or done): it is never cancelled
            task = asyncio.create_task(self.reuse(run.task, pcm), name="asr-early-partial")
        else:
            task = asyncio.create_task(self.recognise(pcm, started), name="asr-early")
        self.early = _Bet(settled, task, started)

    async def reuse(self, partial: asyncio.Task[Transcript | None], pcm: bytes) -> Transcript:
        """The partial taken in this pause heard the whole turn: its result is the turn's."""
        transcript = await asyncio.shield(partial)
        if transcript is None:  # the partial failed (and was reported): recognise afresh
            return await self.recognise(pcm)
        log.debug("asr: the turn's final is the partial taken in its closing pause")
        return transcript

    def take_early(self, utterance: Utterance | None) -> asyncio.Task[Transcript] | None:
        """The early recognition if it was of ``utterance``; otherwise it is discarded."""
        bet, self.early = self.early, None
        if bet is None:
            return None
        used = bet.utterance == utterance
        if self.stage.on_early is not None:
            self.stage.on_early("used" if used else "discarded")
        if used:
            log.debug("asr: the turn is the early recognition's (%s)", "done" if bet.task.done() else "running")
            return bet.task
        if not bet.started.is_set():
            bet.task.cancel()  # still waiting for the lock: it never reaches the model
        bet.task.add_done_callback(_unread)
        return None

    async def final(self, job: Awaitable[Transcript], utterance: Utterance, ended: float) -> Event | None:
        try:
            transcript = await job
        except Exception as exc:
            log.exception("asr: recognising a turn failed")
            return _turn_failure(exc)
        if not transcript.text.strip():
            return None  # noise or a cough: nothing to answer
        return FinalTranscript(
            text=transcript.text.strip(),
            language=transcript.language,
            start=utterance.speech_start,
            end=utterance.speech_end,
            asr_seconds=self.stage.clock() - ended,
        )

    def maybe_start_partial(self) -> None:
        interval = self.stage.partial_interval
        seg = self.segmenter
        if not interval or not self.settings.partials or not seg.speaking or self.recognising.locked():
            return
        if self.partial is not None and not self.partial.done():
            return
        if any(not task.done() for task in self.finals):
            return
        if seg.settled_utterance() is not None:
            return  # the turn is probably ending: its early final is due, a partial would delay it
        since = seg.now - self.last_partial_at
        if since < interval - 1e-9:
            return
        if seg.pause < seg.config.post_roll - 1e-9 and since < interval * self.stage.partial_patience - 1e-9:
            return  # mid-word: wait for a pause, where a partial may become the turn's final
        utterance = seg.utterance
        assert utterance is not None
        self.last_partial_at = seg.now
        pcm = self.audio.slice(utterance.audio_start, seg.now)
        self.partial = asyncio.create_task(self.partial_job(pcm))
        self.last_run = _PartialRun(self.turn, utterance.audio_start, seg.now, self.partial)

    async def partial_job(self, pcm: bytes) -> Transcript | None:
        turn = self.turn
        try:
            return await self.recognise(pcm)
        except Exception as exc:
            log.exception("asr: a partial recognition failed")
            if self.failure_reported_turn != turn:  # one report per turn; the final still runs
                self.failure_reported_turn = turn
                await self.out.put(_turn_failure(exc))
            return None

    async def emit_partial_if_ready(self) -> None:
        task = self.partial
        if task is None or not task.done():
            return
        self.partial = None
        transcript = task.result()
        run = self.last_run  # the run of this task: both are set together
        assert run is not None and run.task is task
        still_speaking = self.segmenter.speaking and run.turn == self.turn
        if transcript is None or not transcript.text.strip() or not still_speaking:
            return
        await self.out.put(PartialTranscript(transcript.text.strip(), transcript.language, run.heard_to))

    def cancel_pending(self) -> None:
        early = self.early.task if self.early is not None else None
        for task in [*self.finals, self.partial, early]:
            if task is not None and not task.done():
                task.cancel()


def _unread(task: asyncio.Task[Transcript]) -> None:
    """A discarded early recognition: its failure, if any, is not the turn's (the turn went on)."""
    if not task.cancelled() and task.exception() is not None:
        log.info("asr: a discarded early recognition failed: %s", task.exception())


def _turn_failure(exc: Exception) -> StageFailed:
    error = exc if isinstance(exc, MalbeotError) else BackendFailed(f"{type(exc).__name__}: {exc}", stage=STAGE)
    return StageFailed(error.code, error.stage or STAGE, error.message, error.recoverable)
