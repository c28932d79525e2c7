"""What every layer that sends a message to a person shares: the ``Alert`` and the ``Notifier`` protocol.

The concrete notifiers (a log line, a webhook to an SMS or messenger gateway) are the gateway's
(``voice_gateway.notifiers``); storage (``records``) takes a ``Notifier`` without knowing which.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


def mask_address(address: str) -> str:
    """An address as logs and staff lists show it: a phone number's last four digits, else two characters."""
    digits = [c for c in address if c.isdigit()]
    if len(digits) >= 8:
        return f"***{''.join(digits[-4:])}"
    return address[:2] + "***" if address else ""


@dataclass(frozen=True)
class Alert:
    channel: str
    address: str
    language: str
    text: str
    programme_id: str
    #: "programme" (a new programme may suit the resident) or "confirm" (the code that confirms the address)
    kind: str = "programme"

    def __repr__(self) -> str:
        return f"Alert({self.channel!r}, {mask_address(self.address)!r}, {self.programme_id!r}, {self.kind!r})"


class Notifier(Protocol):
    def send(self, alert: Alert) -> None: ...


__all__ = ["Alert", "Notifier", "mask_address"]
