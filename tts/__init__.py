"""Speech synthesis: backends behind the :class:`tts.protocol.Synthesizer` protocol and the TTS stage.

Importing this package (or :mod:`tts.registry`, :mod:`tts.stage`) never imports torch, onnxruntime
or coqui: backends are imported when the registry first creates them.
"""
