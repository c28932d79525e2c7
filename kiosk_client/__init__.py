"""Community-centre kiosk client: streams microphone or file audio to the gateway's call websocket."""
