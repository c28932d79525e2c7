"""One small error hierarchy with stable codes.

Codes are part of the wire protocol (the ``error`` event's ``code``) and never change meaning.
Wrap lower-level exceptions at stage boundaries with ``raise SomeError(...) from exc``.
"""

from __future__ import annotations


class MalbeotError(Exception):
    """Base of every error Malbeot reports to a caller."""

    code: str = "internal_error"
    #: whether the call/session can go on after this error
    recoverable: bool = True

    def __init__(self, message: str, *, stage: str = "", code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.stage = stage
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        where = f" [{self.stage}]" if self.stage else ""
        return f"{self.code}{where}: {self.message}"


class BadAudio(MalbeotError):
    """An audio frame or file that cannot be decoded (odd length, wrong container...)."""

    code = "bad_audio"


class UnsupportedRate(MalbeotError):
    """A declared sample rate the edge converter does not accept."""

    code = "unsupported_rate"
    recoverable = False


class FrameTooLarge(MalbeotError):
    """A single message larger than the protocol allows."""

    code = "frame_too_large"


class ProtocolViolation(MalbeotError):
    """A message of the wrong kind or shape (text where audio is expected, bad JSON...)."""

    code = "bad_message"


class UnknownLanguage(MalbeotError):
    """A language code outside the configured list."""

    code = "unknown_language"


class SilenceTimeout(MalbeotError):
    """The caller said nothing for too long."""

    code = "silence_timeout"
    recoverable = False


class ModelMissing(MalbeotError):
    """A model's files are not on this machine; the message names the fetch command."""

    code = "model_missing"
    recoverable = False


class ModelHashMismatch(MalbeotError):
    """A model file whose sha256 differs from ``models.lock``."""

    code = "model_hash_mismatch"
    recoverable = False


class BackendFailed(MalbeotError):
    """A model backend raised or crashed while working on a request."""

    code = "backend_failed"


class NotFound(MalbeotError):
    """A requested resource (programme, model, backend name) does not exist."""

    code = "not_found"
