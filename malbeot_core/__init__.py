"""Shared types for Malbeot: audio frames, pipeline events, the stage protocol and errors.

Backends (``asr/``, ``tts/``, ``translate/``, ``dialog/``) import this package, never the gateway.
"""
