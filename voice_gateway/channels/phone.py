"""What every phone channel adds to a conversation: the spoken start notice and keypad menu,
DTMF, silence prompts, real-time paced reply audio with barge-in, and the hand-off to a person.

A phone channel supplies a :class:`PhoneLine` (its wire: how to send one audio frame, a mark, a
clear, a hangup or a transfer); :class:`PhoneTransport` adapts it to the conversation's
:class:`~voice_gateway.conversation.Transport` with a real-time :class:`~voice_gateway.pacer.Pacer`.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any, Protocol

from malbeot_core.audio import AudioChunk
from malbeot_core.events import (
    KEYPAD_MENU,
    BenefitAnswer,
    Event,
    Keypad,
    SpeechStarted,
)

from ..call_runner import run_call
from ..conversation import CLOSE_NORMAL, CallEnded, Conversation
from ..edge import WIDTH, OutboundAudio
from ..logs import logger
from ..options import CallOptions
from ..pacer import Pacer
from ..session import CallSession, DialogStageFactory
from ..state import GatewayState
from .config import PhoneConfig
from .handoff import HandoffRecord, Outcome, post_handoff
from .phone_prompts import prompt

log = logger("phone")

FRAME_MS = 20
#: intents of the prompts a phone channel speaks itself (not dialog answers)
NOTICE, STILL_THERE, SILENCE_GOODBYE = "notice", "still_there", "silence_goodbye"

#: keypad digit → the utterance it stands for (the dialog's own intents answer it)


class PhoneLine(Protocol):
    """One carrier's wire, as the phone transport needs it."""

    #: reply audio on this wire: 8000 and "mulaw"/"alaw" (G.711) or "pcm16" (signed linear)
    reply_rate: int
    reply_encoding: str
    #: whether the carrier acknowledges marks (Twilio-format media streams do)
    has_marks: bool

    async def write_audio(self, frame: bytes) -> None: ...

    async def write_mark(self, name: str) -> None: ...

    async def write_clear(self) -> None: ...

    async def hang_up(self, reason: str) -> None: ...


class PhoneTransport:
    """A conversation transport for phone lines: paced audio, marks, clear; no JSON events."""

    def __init__(self, line: PhoneLine, lead: float = 0.08) -> None:
        self.line = line
        self.outbound = OutboundAudio(line.reply_rate, line.reply_encoding, frame_ms=FRAME_MS, whole_frames=True)
        self.pacer = Pacer(line.write_audio, mark=line.write_mark if line.has_marks else None, lead=lead)
        self._reply = 0
        #: wall-clock times at which a clear was sent (barge-in measurements)
        self.clears: list[float] = []

    @property
    def reply_format(self) -> tuple[int, str]:
        return self.outbound.rate, self.outbound.encoding

    async def send_event(self, message: dict[str, Any]) -> None:
        if message.get("type") == "audio_end":
            self._push(self.outbound.flush())
            self._reply += 1
            self.pacer.push_mark(f"reply-{self._reply}")

    async def send_audio(self, chunk: AudioChunk) -> None:
        self._push(self.outbound.frames(chunk))

    def _push(self, frames: list[bytes]) -> None:
        width = WIDTH[self.outbound.encoding]
        for frame in frames:
            self.pacer.push(frame, len(frame) / width / self.outbound.rate)

    async def clear(self) -> None:
        had_audio = self.pacer.playing()
        self.outbound.drop()
        self.pacer.clear()
        if had_audio:
            self.clears.append(time.perf_counter())
            await self.line.write_clear()

    def playing(self) -> bool:
        return self.pacer.playing()

    async def drain(self) -> None:
        await self.pacer.drain()

    async def close(self, code: int, reason: str = "") -> None:
        await self.line.hang_up(reason)


@dataclass
class PhoneCallInfo:
    """What the carrier told us about the call (for the hand-off summary and outcome lookup)."""

    channel: str
    call_ref: str
    carrier: dict[str, str] = field(default_factory=dict)


class PhoneConversation(Conversation):
    """A conversation with a caller on a phone line."""

    transport: PhoneTransport

    def __init__(
        self,
        state: GatewayState,
        options: CallOptions,
        line: PhoneLine,
        info: PhoneCallInfo,
        outcomes: dict[str, Outcome],
        dialog_stage: DialogStageFactory | None = None,
    ) -> None:
        self.phone: PhoneConfig = state.config.phone
        options = dataclasses.replace(options, partials=self.phone.partials)  # PhoneConfig.partials: why off
        # the line's language is where an undecided call starts (prompts, the first answers)
        start = self.phone.language if self.phone.language and options.language == "auto" else "ko"
        # the line's silence limits are its no-input limits (one silence policy: Conversation.listen_watch)
        config = dataclasses.replace(state.config, no_input_seconds=self.phone.silence_seconds,
                                     elderly_no_input_seconds=self.phone.elderly_silence_seconds)
        session = CallSession(state.services, config, options, state.metrics, dialog_stage, start)
        super().__init__(session, state, options, PhoneTransport(line, self.phone.pacer_lead))
        self.info = info
        self.channel = info.channel
        self.outcomes = outcomes
        self._answered = False
        #: the silence goodbye has been said (the call ends when it has played)
        self._gave_up = False
        self._last_input = "speech"
        self.dtmf_digits: list[str] = []

    # --- language and prompts -------------------------------------------------------------------
    @property
    def language(self) -> str:
        """The language of the line's own prompts: the caller's (:attr:`caller_language`)."""
        return self.caller_language

    async def say(self, key: str, intent: str, action: str = "", **fields: str) -> None:
        text, language = prompt(key, self.language, **fields)
        await self.session.say(BenefitAnswer(text, language, intent, action=action))

    def speaks(self, answer: BenefitAnswer) -> bool:
        if answer.intent in (NOTICE, STILL_THERE, SILENCE_GOODBYE):
            return False
        self._answered = True
        return True

    async def start(self) -> None:
        """Start the pipeline and speak the call start notice."""
        self.session.start()
        if self.phone.notice:
            record_key = "recorded" if self.config.keep_audio_dir is not None else "not_recorded"
            record, _ = prompt(record_key, self.language)
            await self.say("notice", NOTICE, record=record)

    # --- events ---------------------------------------------------------------------------------
    def on_event(self, event: Event) -> None:
        """The caller speaking starts the silence count afresh (``NoInput`` counts while nobody speaks)."""
        match event:
            case SpeechStarted():
                self._last_input = "speech"
                self._no_input = 0
            case _:
                pass

    async def on_no_input(self, seconds: float) -> bool:
        """The caller has said nothing for the line's silence limit while nothing was being said to
        them: ask once whether they are still there; after as long again, say goodbye (its
        ``ReplyDone`` hangs up). A prompt playing is the call being busy, so the second limit
        counts from the end of the question."""
        if self.busy() or self._gave_up:
            return False
        self._no_input += 1
        if self._no_input == 1:
            await self.say("still_there", STILL_THERE)
        else:
            self._gave_up = True
            await self.say("silence_goodbye", SILENCE_GOODBYE, action="hangup")
        return False

    async def dtmf(self, digit: str) -> None:
        """A keypad digit from the carrier (RFC 2833 / carrier DTMF message)."""
        self.dtmf_digits.append(digit)
        self._no_input = 0
        meaning = KEYPAD_MENU.get(digit)
        if meaning is None:
            log.info("call %s: keypad %r has no meaning here", self.session.call_id, digit)
            return
        log.info("call %s: keypad %s", self.session.call_id, digit)
        await self.transport.clear()
        self._last_input = "keypad"
        if digit == "1" and not self._answered and self.phone.notice:
            record_key = "recorded" if self.config.keep_audio_dir is not None else "not_recorded"
            record, _ = prompt(record_key, self.language)
            await self.say("notice", NOTICE, record=record)
            return
        await self.session.feed(Keypad(digit, meaning, self.language))

    def handoff_record(self, reason: str, urgent: bool = False) -> HandoffRecord:
        """What the person taking over is told (redacted)."""
        return HandoffRecord.of(
            self.history,
            call_id=self.session.call_id,
            channel=self.info.channel,
            call_ref=self.info.call_ref,
            carrier=self.info.carrier,
            reason=reason,
            urgent=urgent,
            language=self.language,
            transfer_to=self.phone.transfer_target,
            keypad=self.dtmf_digits,
        )

    async def on_handoff(self, urgent: bool = False) -> bool:
        """Post the written summary, then transfer (the channel's line decides how).

        An urgent hand-off (a caller in danger) is marked ``"urgent": true`` with reason ``"danger"``."""
        await self.transport.drain()
        reason = "danger" if urgent else "keypad" if self._last_input == "keypad" else "caller_asked"
        payload = self.handoff_record(reason, urgent).payload()
        self.outcomes[self.info.call_ref] = Outcome("transfer", self.phone.transfer_target, urgent=urgent)
        if self.phone.handoff_webhook:
            await post_handoff(self.phone.handoff_webhook, payload, self.phone.webhook_timeout)
        self.closing = CallEnded(CLOSE_NORMAL, "transfer")
        return True


class CarrierHungUp(Exception):
    """The carrier ended the call (socket closed, hang-up frame)."""


async def run_phone_call(call: PhoneConversation, receiver: Coroutine[Any, Any, None]) -> str:
    """Run one phone call to its end (:func:`run_call`); returns why it ended. A phone line hangs
    up the same way whatever the reason."""

    async def body() -> None:
        await call.start()
        await call.run(receiver, call.transport.pacer.run())

    try:
        outcome = await run_call(body(), metrics=call.state.metrics, channel=call.info.channel,
                                 call_id=call.session.call_id, close=call.transport.close,
                                 hung_up=(CarrierHungUp,), close_code=lambda _: CLOSE_NORMAL)
    finally:
        call.outcomes.setdefault(call.info.call_ref, Outcome("hangup"))
    return outcome.reason
