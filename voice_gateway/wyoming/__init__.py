"""A Wyoming protocol server (PyPI ``wyoming``) for Malbeot's voice stages.

Home Assistant's Assist pipeline and any Wyoming satellite can use, over one TCP (or Unix, or
stdio) connection: speech recognition (``transcribe`` + audio → ``transcript``), the voices
(``synthesize`` → audio), and the benefit dialog (``transcript`` → ``handled``), each described by
``describe`` → ``info``. Start it with ``python -m voice_gateway wyoming --uri tcp://HOST:PORT``.
See docs/wyoming.md.
"""

from .server import DEFAULT_URI, WyomingServer

__all__ = ["DEFAULT_URI", "WyomingServer"]
