"""voice_gateway package."""
