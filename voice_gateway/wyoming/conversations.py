"""Conversations that outlive a connection: Home Assistant opens one connection per turn.

A ``transcript`` whose ``context`` names a ``conversation_id`` (the one a previous ``handled``
gave back, or the client's own) continues that conversation: what the resident said about
themselves, a check or application in progress, "yes" to "shall I tell you more?". Without one,
the connection is the conversation. Kept in memory only, at most :attr:`ConversationStore.size`
conversations, each forgotten :attr:`ConversationStore.idle_seconds` after its last turn.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from dialog.manager import DialogState
from malbeot_core.errors import ProtocolViolation

CONVERSATION_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,100}$")


@dataclass
class ConversationStore:
    idle_seconds: float = 600.0
    size: int = 1000
    clock: Callable[[], float] = time.monotonic
    _states: OrderedDict[str, tuple[float, DialogState]] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def state(self, context: Mapping[str, Any] | None, connection: DialogState) -> DialogState:
        """The conversation a transcript continues (``connection``'s when its context names none)."""
        given = (context or {}).get("conversation_id")
        if given is None:
            key = connection.conversation_id
        elif isinstance(given, str) and CONVERSATION_ID.match(given):
            key = given
        else:
            raise ProtocolViolation("context.conversation_id must be 1-100 letters, digits or _.:-", stage="wyoming")
        now = self.clock()
        with self._lock:
            for old, (seen, _) in list(self._states.items()):
                if now - seen > self.idle_seconds:
                    del self._states[old]
            _, state = self._states.pop(key, (now, None))
            if state is None:
                state = connection if given is None else DialogState(conversation_id=key)
            self._states[key] = (now, state)
            while len(self._states) > self.size:
                self._states.popitem(last=False)
            return state

    def __len__(self) -> int:
        return len(self._states)
