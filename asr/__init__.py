"""Speech recognition: speech detection, turn taking and transcription (the ``asr`` stage).

Import the pieces from their modules (``asr.stage``, ``asr.whisper``...): this package imports
nothing heavy on its own.
"""
