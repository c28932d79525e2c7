"""The TTS stage: speaks each ``BenefitAnswer`` sentence by sentence, and stops when the caller talks.

Events out, for one answer: the ``BenefitAnswer`` itself (first), then ``SpeechAudio`` chunks
(at the voice's own rate, ``chunk.fmt``: the channel edge resamples them once, straight to the
wire's rate; ``chunk.start`` is the running audio time of the reply; ``last`` on the final chunk),
then ``ReplyDone(sentences)``. Synthesis runs as a separate task feeding the output queue, so
the stage keeps reading its inbox meanwhile:

- a ``SpeechStarted`` (or an explicit ``BargeIn``) while a reply is being synthesised cancels
  it at once, drops its audio not yet handed on, and emits ``BargeIn(at)`` once, followed by
  the ``SpeechStarted``; no ``SpeechAudio`` and no ``ReplyDone`` of that reply follow;
- a new ``BenefitAnswer`` replaces the reply in progress the same way (without ``BargeIn``);
- except for a danger answer (``answer.emergency`` set): its first sentence, which holds the number,
  is spoken whole (never cut to a clause) and produced before a barge-in or a new answer stops it;
- a synthesis failure becomes ``StageFailed(code, "tts", message)`` and the stage goes on.

Each answer is spoken at its own ``rate``, as the dialog decided it (nothing scales it again).
Every other event passes through in order. When ``settings.speak`` is False (text-only
calls) answers pass through and nothing is synthesised.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

from malbeot_core.audio import AudioChunk, AudioFormat
from malbeot_core.errors import BackendFailed, MalbeotError
from malbeot_core.events import (
    BargeIn,
    BenefitAnswer,
    CallerLanguage,
    Event,
    ReplyDone,
    SettingsChanged,
    SpeechAudio,
    SpeechStarted,
    StageFailed,
)
from malbeot_core.settings import CallSettings
from malbeot_core.threads import iterate_in_thread

from .protocol import Synthesizer
from .sentences import lead_with_a_clause, split_sentences

_END = object()


@dataclass(eq=False)
class _Reply:
    answer: BenefitAnswer
    task: asyncio.Task[None] | None = None
    cancelled: bool = False
    #: set once the first sentence has been produced (danger answers wait for it before stopping)
    first_sentence: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def protected(self) -> bool:
        """A danger answer whose first sentence (the number) is still being produced."""
        return self.answer.emergency is not None and self.producing and not self.first_sentence.is_set()

    @property
    def producing(self) -> bool:
        return self.task is not None and not self.task.done() and not self.cancelled


@dataclass(frozen=True, slots=True)
class _Produced:
    """An event made by a reply's synthesis task (so it can be dropped if the reply is cancelled)."""

    reply: _Reply
    event: Event


@dataclass(eq=False)
class _RunState:
    current: _Reply | None = None
    tasks: set[asyncio.Task[None]] = field(default_factory=set)


def _holds_number(item: _Produced) -> bool:
    """Audio of a danger answer's first sentence: kept when the rest of the reply is dropped."""
    event = item.event
    return item.reply.answer.emergency is not None and isinstance(event, SpeechAudio) and event.index == 0


class TtsStage:
    name = "tts"

    def __init__(
        self,
        select: Callable[[str], Synthesizer],
        settings: CallSettings,
        *,
        max_chunk_seconds: float = 1.0,
        queue_size: int = 64,
        short_first_piece: bool = True,
    ) -> None:
        self.select = select
        self.settings = settings
        #: the caller's language as the dialog announced it (``CallerLanguage``): an answer without a
        #: language is spoken in it (before any, the call's fixed or start language)
        self.caller_language: str | None = None
        #: a long first sentence is spoken clause first (:func:`lead_with_a_clause`)
        self.short_first_piece = short_first_piece
        self._max_chunk_seconds = max_chunk_seconds
        self._queue_size = queue_size

    async def run(self, inbox: AsyncIterator[Event]) -> AsyncIterator[Event]:
        out: asyncio.Queue[object] = asyncio.Queue(self._queue_size)
        state = _RunState()
        reader = asyncio.create_task(self._read(inbox, out, state), name="tts-inbox")
        try:
            while (item := await out.get()) is not _END:
                match item:
                    case _Produced(event=event):
                        yield event
                    case _:
                        yield item  # type: ignore[misc]
            await reader  # re-raises a failure of the inbox
        finally:
            for task in (reader, *state.tasks):
                task.cancel()
            await asyncio.gather(reader, *state.tasks, return_exceptions=True)

    # --- inbox -------------------------------------------------------------------------------
    async def _read(self, inbox: AsyncIterator[Event], out: asyncio.Queue[object], state: _RunState) -> None:
        try:
            async for event in inbox:
                if isinstance(event, (BenefitAnswer, SpeechStarted, BargeIn)):
                    await self._let_number_out(state)
                match event:
                    case CallerLanguage(language=language):
                        self.caller_language = language
                        await out.put(event)
                    case SettingsChanged(settings=settings):
                        self.settings = settings
                        await out.put(event)
                    case BenefitAnswer() as answer:
                        self._stop(state, out)
                        await out.put(answer)
                        if self.settings.speak:
                            state.current = self._start(answer, out, state)
                    case SpeechStarted(at=at) | BargeIn(at=at) if state.current and state.current.producing:
                        self._stop(state, out)
                        await out.put(BargeIn(at))
                        if isinstance(event, SpeechStarted):
                            await out.put(event)
                    case _:
                        await out.put(event)
            if state.current is not None and state.current.task is not None:
                await asyncio.gather(state.current.task, return_exceptions=True)  # finish the last reply
        except Exception:
            await out.put(_END)
            raise
        await out.put(_END)

    @staticmethod
    async def _let_number_out(state: _RunState) -> None:
        """A danger answer's first sentence is produced before anything may stop it."""
        reply = state.current
        if reply is not None and reply.protected and reply.task is not None:
            waiter = asyncio.ensure_future(reply.first_sentence.wait())
            await asyncio.wait({waiter, reply.task}, return_when=asyncio.FIRST_COMPLETED)
            waiter.cancel()

    def _start(self, answer: BenefitAnswer, out: asyncio.Queue[object], state: _RunState) -> _Reply:
        reply = _Reply(answer)
        reply.task = asyncio.create_task(self._speak(reply, out), name="tts-reply")
        state.tasks.add(reply.task)
        reply.task.add_done_callback(state.tasks.discard)
        return reply

    @staticmethod
    def _stop(state: _RunState, out: asyncio.Queue[object]) -> None:
        """Cancel the reply in progress and drop what it queued but was not yet handed on."""
        reply, state.current = state.current, None
        if reply is None or not reply.producing:
            return
        reply.cancelled = True
        assert reply.task is not None
        reply.task.cancel()
        kept = []
        while not out.empty():
            item = out.get_nowait()
            if not (isinstance(item, _Produced) and item.reply is reply) or _holds_number(item):
                kept.append(item)
        for item in kept:
            out.put_nowait(item)

    # --- synthesis ---------------------------------------------------------------------------
    async def _speak(self, reply: _Reply, out: asyncio.Queue[object]) -> None:
        answer = reply.answer

        async def put(event: Event) -> None:
            if not reply.cancelled:
                await out.put(_Produced(reply, event))

        sentences = split_sentences(answer.text)
        language = (answer.language or self.settings.language or self.caller_language
                    or self.settings.start_language)
        if self.short_first_piece and answer.emergency is None:  # a danger answer's number stays whole
            sentences = lead_with_a_clause(sentences, language=language)
        rate = answer.rate  # decided by the dialog (elderly call, "slower"): never scaled again here
        try:
            if sentences:
                synth = await asyncio.to_thread(self.select, language)
                await self._speak_sentences(synth, sentences, language, rate, put, reply.first_sentence)
        except MalbeotError as exc:
            await put(StageFailed(exc.code, self.name, exc.message, exc.recoverable))
            return
        except Exception as exc:  # a backend outside the error hierarchy: reported, the stage goes on
            failed = BackendFailed(f"{type(exc).__name__}: {exc}", stage=self.name)
            await put(StageFailed(failed.code, self.name, failed.message, failed.recoverable))
            return
        finally:
            reply.first_sentence.set()
        await put(ReplyDone(len(sentences)))

    async def _speak_sentences(
        self,
        synth: Synthesizer,
        sentences: list[str],
        language: str,
        rate: float,
        put: Callable[[Event], Awaitable[None]],
        first_done: asyncio.Event | None = None,
    ) -> None:
        start = 0.0
        final = len(sentences) - 1
        held: SpeechAudio | None = None  # the last sentence's newest chunk waits to learn if it is the end
        fmt = AudioFormat(synth.sample_rate)
        size = max(fmt.width, int(fmt.rate * self._max_chunk_seconds) * fmt.width)

        async def emit(pcm: bytes, sentence: str, index: int) -> None:
            nonlocal start, held
            for piece in (pcm[i : i + size] for i in range(0, len(pcm), size)):
                audio = SpeechAudio(AudioChunk(piece, fmt, start), sentence, index)
                start = audio.chunk.end
                if held is not None:
                    await put(held)
                    held = None
                if index == final:
                    held = audio
                else:
                    await put(audio)

        for index, sentence in enumerate(sentences):
            # the voice's audio as it comes (a cached sentence in fixed pieces): the channel edge
            # resamples the whole reply as one stream, so no join of pieces or sentences clicks
            factory = functools.partial(synth.synthesize, sentence, language, rate)
            async for pcm in iterate_in_thread(factory):
                await emit(pcm, sentence, index)
            if index == 0 and first_done is not None and index != final:
                first_done.set()
        if held is not None:
            await put(SpeechAudio(held.chunk, held.sentence, held.index, last=True))
        elif start > 0:  # the last sentence gave no audio: close the reply with an empty chunk
            await put(SpeechAudio(AudioChunk(b"", fmt, start), sentences[-1], final, last=True))
