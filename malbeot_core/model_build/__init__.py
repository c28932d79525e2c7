"""Model conversion at set-up: the packaged 4-bit e5 weights made into a sentence-transformers
folder (no hub download)."""
