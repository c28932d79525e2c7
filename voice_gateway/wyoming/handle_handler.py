"""The benefit dialog over Wyoming: ``transcript`` → ``handled`` (Malbeot's answer text).

A conversation (:class:`dialog.manager.DialogState`: what the caller said about themselves, a
check or application in progress) is the connection's, or the one the transcript's
``context.conversation_id`` names (conversations.py). The answer is computed in a worker thread.
The ``handled`` context carries the conversation id (send it back to go on), the answer's intent,
language and programmes, for clients that show them.
"""

from __future__ import annotations

import asyncio
from typing import Any

from wyoming.asr import Transcript
from wyoming.handle import Handled

from dialog.manager import DialogManager, DialogState
from malbeot_core.errors import FrameTooLarge, ProtocolViolation
from malbeot_core.events import BenefitAnswer
from malbeot_core.text_language import text_language

from .limits import WyomingLimits, offered_language

STAGE = "wyoming-handle"


def question_language(event: Transcript, languages: tuple[str, ...], state: DialogState) -> str:
    """The language the transcript says, else the one its letters are written in, else the conversation's."""
    return offered_language(event.language, languages, STAGE) or text_language(event.text, languages) or state.language


async def answer(
    manager: DialogManager, event: Transcript, state: DialogState, languages: tuple[str, ...], limits: WyomingLimits
) -> Handled:
    text = event.text.strip()
    if not text:
        raise ProtocolViolation("transcript needs some text", stage=STAGE)
    if len(text) > limits.max_handle_chars:
        raise FrameTooLarge(f"transcript over {limits.max_handle_chars} characters", stage=STAGE)
    language = question_language(event, languages, state)
    reply = await asyncio.to_thread(manager.respond, text, language, state)
    return Handled(text=reply.text, context=answer_context(reply, state))


def answer_context(reply: BenefitAnswer, state: DialogState) -> dict[str, Any]:
    context: dict[str, Any] = {
        "conversation_id": state.conversation_id,
        "intent": reply.intent,
        "language": reply.language,
        "programmes": [{"id": hit.id, "name": hit.name} for hit in reply.programmes],
    }
    if reply.action:
        context["action"] = reply.action
    return context
