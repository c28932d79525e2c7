"""The transport-agnostic core of a call: pipeline events in, messages and audio out.

Every channel (the call websocket, Twilio-format media streams, AudioSocket) owns a
:class:`Conversation` and a :class:`Transport`. The conversation reads the call's pipeline and
turns each event into a JSON-shaped event for the transport, reply audio (internal 16 kHz PCM) for
the transport to convert and send, and a ``clear`` when the caller interrupts. A channel whose
wire has no such events (a phone carrier) simply ignores the ones it cannot carry.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Coroutine
from typing import Any, Protocol

from malbeot_core.audio import AudioChunk
from malbeot_core.errors import MalbeotError, SilenceTimeout
from malbeot_core.events import (
    BargeIn,
    BenefitAnswer,
    CallerLanguage,
    Event,
    FinalTranscript,
    Listening,
    NoInput,
    PartialTranscript,
    ReplyDone,
    SpeechAudio,
    SpeechEnded,
    SpeechStarted,
    StageFailed,
)
from malbeot_core.redact import redact

from .call_history import History
from .danger_guard import DangerGuard
from .logs import logger
from .options import CallOptions
from .session import CallSession
from .state import GatewayState

log = logger("call")
#: staff alerts being raised, held here so that no call's end (or garbage collection) cancels one
_ALERTS_IN_FLIGHT: set[asyncio.Task[None]] = set()



async def settle_alerts() -> None:
    """Wait for the staff alerts still being raised (at shutdown, and in tests)."""
    while _ALERTS_IN_FLIGHT:
        await asyncio.gather(*_ALERTS_IN_FLIGHT, return_exceptions=True)


CLOSE_NORMAL = 1000
CLOSE_UNSUPPORTED = 1003
CLOSE_POLICY = 1008
CLOSE_TOO_BIG = 1009
CLOSE_ERROR = 1011
NO_INPUT_LIMIT = 2
#: a danger answer's action: a person at once (phones transfer; the web shows the number and goes on)
HANDOFF_URGENT = "handoff_urgent"


class CallEnded(Exception):
    def __init__(self, code: int, reason: str = "") -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def close_code(error: MalbeotError) -> int:
    match error.code:
        case "unsupported_rate" | "unknown_language":
            return CLOSE_UNSUPPORTED
        case "frame_too_large":
            return CLOSE_TOO_BIG
        case "bad_message" | "bad_audio":
            return CLOSE_POLICY
        case "silence_timeout":
            return CLOSE_NORMAL
        case _:
            return CLOSE_ERROR


class Transport(Protocol):
    """What a channel's wire can do for a conversation."""

    #: (sample rate, encoding) of the reply audio on the wire
    @property
    def reply_format(self) -> tuple[int, str]: ...

    async def send_event(self, message: dict[str, Any]) -> None:
        """A protocol event (``docs/protocol.md`` shapes); carriers drop what they cannot carry."""

    async def send_audio(self, chunk: AudioChunk) -> None:
        """Reply audio in the internal format; the transport converts (and paces) it."""

    async def clear(self) -> None:
        """Stop the reply now: drop audio not yet played."""

    async def close(self, code: int, reason: str = "") -> None:
        """End the call on the wire."""

    def playing(self) -> bool:
        """Reply audio is still playing (or queued) at the caller."""
        ...

    async def drain(self) -> None:
        """Wait until the reply audio sent so far has played."""


def emergency_event(answer: BenefitAnswer) -> dict[str, Any] | None:
    """The ``emergency`` field of an ``answer`` event: what to show in large text."""
    if answer.emergency is None:
        return None
    return {"kind": answer.emergency.kind, "numbers": list(answer.emergency.numbers), "urgent": True}


class Conversation:
    """The event → message logic of one call, shared by every channel."""

    def __init__(self, session: CallSession, state: GatewayState, options: CallOptions, transport: Transport) -> None:
        self.session = session
        self.state = state
        self.config = state.config
        self.options = options
        self.transport = transport
        self.closing: CallEnded | None = None
        self.pending_action = ""
        self.history = History()
        #: the channel's name in staff alerts
        self.channel = "web"
        self._marks: dict[str, float] = {}
        self._no_input = 0
        self._sentence = -1
        #: a question is being answered: the caller's silence meanwhile is not "no input"
        self._awaiting_reply = False
        #: the first sentence of a danger answer (the number) is not cut by barge-in or silence
        self.guard = DangerGuard(time.monotonic)
        self.sleep = asyncio.sleep
        #: a danger was heard in this call: silence no longer ends it
        self.danger_seen = False
        #: the caller's language as the dialog last announced it (``CallerLanguage``), if it has
        self._caller_language: str | None = None

    @property
    def caller_language(self) -> str:
        """The language the caller is answered in: the call's fixed language, else the dialog's
        latest ``CallerLanguage``, else the language the call started in."""
        settings = self.session.settings
        return settings.language or self._caller_language or settings.start_language

    # --- helpers ------------------------------------------------------------------------------
    async def send_error(self, error: MalbeotError, fatal: bool = False) -> None:
        self.state.metrics.error(error)
        log.warning("call %s: %s", self.session.call_id, error)
        await self.transport.send_event(
            {"type": "error", "code": error.code, "stage": error.stage, "message": error.message, "fatal": fatal}
        )

    def _observe(self, stage: str, since: str) -> None:
        if since in self._marks:
            self.state.metrics.stage_latency.labels(stage).observe(time.perf_counter() - self._marks[since])

    # --- hooks for channels with more behaviour (phones) ----------------------------------------
    def on_event(self, event: Event) -> None:
        """Called for every pipeline event, before it is handled."""

    def speaks(self, answer: BenefitAnswer) -> bool:
        """Whether the answer is one of the dialog's (False for prompts a channel injected itself)."""
        return True

    def busy(self) -> bool:
        """A reply is being made or played (or a danger number is protected): the caller's silence
        meanwhile is neither "no input" nor an idle line."""
        return self._awaiting_reply or self.transport.playing() or self.guard.protecting()

    def turn_taken(self) -> None:
        """The caller's turn arrived by another way than speech (a typed text): a reply is due."""
        self._awaiting_reply = True

    async def on_no_input(self, seconds: float) -> bool:
        """The caller has been silent; return True when the call should end."""
        if self.busy():
            return False  # waiting for, or listening to, the answer is not silence
        self._no_input += 1
        await self.transport.send_event({"type": "no_input", "seconds": round(seconds, 1)})
        if self._no_input >= NO_INPUT_LIMIT and not self.danger_seen:  # a caller in danger may not answer
            error = SilenceTimeout(f"no speech heard for {seconds:.0f} s, twice", stage="asr")
            await self.send_error(error, fatal=True)
            self.closing = CallEnded(CLOSE_NORMAL, "silence")
            return True
        return False

    async def on_handoff(self, urgent: bool = False) -> bool:
        """The hand-off sentence has been produced; return True when the call should end."""
        return False

    async def listen_watch(self, poll: float = 0.1) -> None:
        """When the call stops being busy (a reply has played out at the caller, which the
        transport knows in its own time), feed :class:`Listening` so the caller's silence counts
        from there: one silence policy for every channel, the segmenter's ``NoInput`` while the
        call is not busy."""
        was_busy = False
        while True:
            await asyncio.sleep(poll)
            busy = self.busy()
            if was_busy and not busy:
                await self.session.feed(Listening())
            was_busy = busy

    async def wait_for_guard(self) -> None:
        """Let the danger answer's first sentence finish playing (a no-op when none is playing)."""
        remaining = self.guard.remaining()
        if 0 < remaining < float("inf"):
            await self.sleep(remaining)
        self.guard.close()

    def dispatch_alert(self, answer: BenefitAnswer) -> None:
        """Start the staff alert on its own task: a caller who hangs up (or a dropped line) must not
        cancel it, and the answer does not wait for it."""
        task = asyncio.get_running_loop().create_task(self.raise_alert(answer))
        _ALERTS_IN_FLIGHT.add(task)
        task.add_done_callback(_ALERTS_IN_FLIGHT.discard)

    async def raise_alert(self, answer: BenefitAnswer) -> None:
        """Tell district staff (stored for the staff API and sent through the notifier); the call goes on."""
        emergency = answer.emergency
        if emergency is None:
            return
        try:
            await asyncio.to_thread(
                self.state.services.records.safety.raise_alert, emergency.kind, answer.language, emergency.said,
                emergency.numbers, self.session.call_id, self.channel,
            )
        except Exception as exc:  # the caller still hears the number and reaches a person
            self.state.metrics.errors.labels("alert_failed").inc()
            log.error("call %s: staff alert (%s) failed: %s", self.session.call_id, emergency.kind,
                      type(exc).__name__)

    # --- the event loop -------------------------------------------------------------------------
    async def run_events(self) -> None:
        """Turn pipeline events into transport messages until the pipeline (or the call) ends."""
        async for event in self.session.pipeline.events():
            self.on_event(event)
            match event:
                case SpeechStarted(at=at):
                    await self.transport.send_event({"type": "speech_started", "at": round(at, 3)})
                    if self.guard.protecting():
                        if not self.guard.complete:
                            continue  # the TTS stage reports the barge-in once the number is out
                        await self.wait_for_guard()
                    if self.transport.playing():
                        # the reply was fully synthesised but is still playing: stop it at the caller
                        await self.transport.clear()
                        await self.transport.send_event({"type": "barge_in", "at": round(at, 3)})
                case SpeechEnded():
                    self._marks["speech_end"] = time.perf_counter()
                case CallerLanguage(language=language):
                    self._caller_language = language
                case PartialTranscript(text=text, language=language):
                    await self.transport.send_event({"type": "partial_transcript", "text": text, "language": language})
                case FinalTranscript(text=text, language=language, start=start, end=end):
                    self._no_input = 0
                    self._awaiting_reply = True
                    self._marks["final"] = time.perf_counter()
                    self._observe("asr", "speech_end")
                    self.state.metrics.turns.labels(language).inc()
                    if text.strip():
                        self.history.heard(text)
                    log.info("call %s heard (%s): %s", self.session.call_id, language, redact(text))
                    await self.transport.send_event(
                        {"type": "final_transcript", "text": text, "language": language,
                         "start": round(start, 3), "end": round(end, 3)}
                    )
                case BenefitAnswer() as answer:
                    if answer.emergency is not None:
                        if self.transport.playing():
                            await self.transport.clear()  # the danger answer comes first
                        self.guard.open()
                        self.danger_seen = True
                    elif self.guard.protecting():
                        self.guard.sentence_done()  # the next answer plays after the number
                    elif self.transport.playing():
                        await self.transport.clear()  # a new answer replaces the one still playing
                    self._marks["answer"] = time.perf_counter()
                    if self.speaks(answer):
                        self._observe("dialog", "final")
                        self.history.answered(answer)
                        log.info("call %s answer (%s, %s): %s", self.session.call_id, answer.language, answer.intent,
                                 " ".join(p.id for p in answer.programmes[:3]) or "-")
                    self._sentence = -1
                    shown: dict[str, Any] = {
                        "type": "answer", "text": answer.text, "language": answer.language,
                        "intent": answer.intent, "action": answer.action, "receipt": answer.receipt,
                        "machine_translated": answer.machine_translated,
                        "programmes": [
                            {"id": p.id, "name": p.name, "score": round(p.score, 4), "how_to_apply": p.how_to_apply}
                            for p in answer.programmes
                        ]}
                    emergency = emergency_event(answer)
                    if emergency is not None:
                        shown["emergency"] = emergency
                    if answer.emergency is not None:
                        self.dispatch_alert(answer)
                    await self.transport.send_event(shown)
                    self._awaiting_reply = self.options.tts
                    if answer.action == "hangup" and not self.options.tts:
                        self.closing = CallEnded(CLOSE_NORMAL, "goodbye")
                        return
                    if self.pending_action != HANDOFF_URGENT or answer.emergency is not None:
                        self.pending_action = answer.action  # an urgent hand-off waits for nothing else
                case SpeechAudio(chunk=chunk, sentence=sentence, index=index):
                    if not self.options.tts:
                        continue
                    if index != self._sentence:
                        if index == 0:
                            self._observe("tts_first_audio", "answer")
                            self._observe("voice_to_voice", "speech_end")
                        self._sentence = index
                        rate, encoding = self.transport.reply_format
                        await self.transport.send_event(
                            {"type": "audio_start", "rate": rate, "encoding": encoding,
                             "sentence": sentence, "index": index}
                        )
                    await self.transport.send_audio(chunk)
                    self.guard.audio(index, chunk.duration)
                case ReplyDone(sentences=n):
                    self.guard.sentence_done()
                    self._awaiting_reply = False
                    if self.options.tts:
                        await self.transport.send_event({"type": "audio_end", "sentences": n})
                    action, self.pending_action = self.pending_action, ""
                    if action == "hangup":
                        await self.transport.drain()
                        self.closing = CallEnded(CLOSE_NORMAL, "goodbye")
                        return
                    if action in ("handoff", HANDOFF_URGENT) and await self.on_handoff(urgent=action == HANDOFF_URGENT):
                        return
                case BargeIn(at=at):
                    self.guard.sentence_done()
                    await self.wait_for_guard()
                    self._sentence = -1
                    self._awaiting_reply = False
                    await self.transport.clear()
                    await self.transport.send_event({"type": "barge_in", "at": round(at, 3)})
                    if self.pending_action == HANDOFF_URGENT:  # the caller spoke over it: a person now
                        self.pending_action = ""
                        if await self.on_handoff(urgent=True):
                            return
                case NoInput(seconds=seconds):
                    if await self.on_no_input(seconds):
                        return
                case StageFailed(code=code, stage=stage, message=message, recoverable=recoverable):
                    self._awaiting_reply = False
                    error = MalbeotError(message, stage=stage, code=code)
                    await self.send_error(error, fatal=not recoverable)
                    if not recoverable:
                        self.closing = CallEnded(CLOSE_ERROR, code)
                        return
                case _:
                    pass  # audio and control events that reached the end of the pipeline

    async def run(self, *workers: Coroutine[Any, Any, None]) -> None:
        """Run the event loop beside the channel's workers (its receiver...) until one ends.

        Raises :class:`CallEnded` when the conversation decided to end the call, or whatever a
        worker raised; always cancels the rest and closes the session.
        """
        tasks = [asyncio.create_task(self.run_events(), name="sender")]
        tasks += [asyncio.create_task(self.listen_watch(), name="listen_watch")]
        tasks += [asyncio.create_task(worker) for worker in workers]
        try:
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                exc = task.exception()
                if exc is not None:
                    raise exc
            if self.closing is not None:
                raise self.closing
        finally:
            for task in tasks:
                task.cancel()
                with contextlib.suppress(BaseException):
                    await task
            await self.session.aclose()
