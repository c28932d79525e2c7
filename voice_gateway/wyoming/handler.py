"""One Wyoming connection: each event is routed to the ASR, TTS or dialog handler.

A request that cannot be served (unknown voice or language, wrong audio format, a model that
failed) is answered with one ``error`` event carrying the project's error code
(``unknown_language``, ``unknown_voice``, ``bad_audio``, ``unsupported_rate``...), and the
connection goes on serving the next request. Events this server does not handle are dropped, as
the protocol asks. Nothing a client says (audio, text) is logged: only event types, sizes, codes.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from wyoming.asr import Transcribe, Transcript
from wyoming.audio import AudioChunk, AudioStart, AudioStop
from wyoming.error import Error
from wyoming.event import Event, Eventable
from wyoming.info import Describe, Info, SelectProgram
from wyoming.server import AsyncEventHandler
from wyoming.tts import Synthesize

from dialog.manager import DialogState
from malbeot_core.errors import BackendFailed, MalbeotError, NotFound, ProtocolViolation

from ..logs import logger
from ..services import Services
from .asr_handler import AsrRequest, recognise
from .conversations import ConversationStore
from .handle_handler import answer
from .info import ASR_PROGRAM, HANDLE_PROGRAM, TTS_PROGRAM, build_info
from .limits import WyomingLimits
from .tts_handler import speak, speech_request

log = logger("wyoming")


@dataclass
class WyomingContext:
    """What every connection of one server shares."""

    services: Services
    limits: WyomingLimits = field(default_factory=WyomingLimits)
    conversations: ConversationStore = field(default_factory=ConversationStore)
    _info: Info | None = None

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.services.config.languages)

    async def info(self) -> Info:
        """Built once per server (in a thread: the voice selector takes a lock a loading voice holds)."""
        if self._info is None:
            self._info = await asyncio.to_thread(build_info, self.services)
        return self._info


class MalbeotEventHandler(AsyncEventHandler):
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, context: WyomingContext) -> None:
        super().__init__(reader, writer)
        self.context = context
        self.asr = AsrRequest(context.limits, context.languages)
        self.conversation = DialogState()

    async def handle_event(self, event: Event) -> bool:
        try:
            request = parse(event)
            if request is None:
                log.debug("wyoming event %s ignored", event.type)
            else:
                await self._dispatch(request)
        except MalbeotError as exc:
            log.info("wyoming %s refused: %s", event.type, exc.code)
            await self.write_event(Error(text=exc.message, code=exc.code).event())
        except Exception as exc:  # a model crashed: reported, and the connection goes on
            log.exception("wyoming %s failed", event.type)
            failed = BackendFailed(f"{event.type} failed: {type(exc).__name__}")
            await self.write_event(Error(text=failed.message, code=failed.code).event())
        return True

    async def _dispatch(self, request: Eventable) -> None:
        services = self.context.services
        match request:
            case Describe():
                await self.write_event((await self.context.info()).event())
            case SelectProgram(name=name) if name not in (ASR_PROGRAM, TTS_PROGRAM, HANDLE_PROGRAM):
                raise NotFound(f"no program named {name!r}", stage="wyoming", code="unknown_program")
            case Transcribe():
                self.asr.transcribe(request)
            case AudioStart():
                self.asr.start(request)
            case AudioChunk():
                self.asr.chunk(request)
            case AudioStop():
                utterance = self.asr.finish()
                if utterance is not None:
                    pcm, language = utterance
                    transcriber = await asyncio.to_thread(lambda: services.transcriber)
                    transcript = await recognise(transcriber, pcm, language, self.context.languages)
                    log.info("wyoming transcript: %.1f s of audio, language %s", len(pcm) / 32000, transcript.language)
                    await self.write_event(transcript.event())
            case Synthesize():
                speech = speech_request(request, self.context.languages, self.context.limits)
                async for out in speak(speech, services.voices):
                    await self.write_event(out.event())
            case Transcript():
                dialog = await asyncio.to_thread(lambda: services.dialog)
                state = self.context.conversations.state(request.context, self.conversation)
                handled = await answer(dialog, request, state, self.context.languages, self.context.limits)
                log.info("wyoming handled: intent %s", (handled.context or {}).get("intent"))
                await self.write_event(handled.event())


#: the client events this server reads (``transcript`` is a question for the dialog)
REQUESTS: tuple[type[Eventable], ...] = (
    Describe,
    SelectProgram,
    Transcribe,
    AudioStart,
    AudioChunk,
    AudioStop,
    Synthesize,
    Transcript,
)


def parse(event: Event) -> Eventable | None:
    """The request an event holds (None: not one this server handles), or :class:`ProtocolViolation`."""
    for kind in REQUESTS:
        if kind.is_type(event.type):
            try:
                return kind.from_event(event)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise ProtocolViolation(
                    f"malformed {event.type} event ({type(exc).__name__}: {exc})", stage="wyoming"
                ) from exc
    return None
