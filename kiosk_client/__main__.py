"""Kiosk client: ``python -m kiosk_client question.wav --url ws://127.0.0.1:8080/v1/call``.

Streams the file as a caller would, prints the conversation and writes the spoken reply to a WAV.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from malbeot_core.audio import AudioFormat, decode_audio_file, wav_bytes

from .client import stream_call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("audio", type=Path, help="WAV/FLAC file with the question")
    parser.add_argument("--url", default="ws://127.0.0.1:8080/v1/call")
    parser.add_argument("--rate", type=int, default=16000, choices=(8000, 16000))
    parser.add_argument("--language", default="auto")
    parser.add_argument("--elderly", action="store_true")
    parser.add_argument("--reply", type=Path, default=Path("reply.wav"))
    args = parser.parse_args()
    pcm = decode_audio_file(args.audio.read_bytes(), AudioFormat(args.rate))
    params = {"language": args.language, "elderly": "1" if args.elderly else "0"}
    result = asyncio.run(stream_call(args.url, pcm, args.rate, params=params))
    for received in result.events:
        event = received.event
        match event.get("type"):
            case "final_transcript":
                print(f"[{received.at:6.2f}s] you: {event['text']} ({event['language']})")
            case "answer":
                print(f"[{received.at:6.2f}s] malbeot: {event['text']}")
            case "error":
                print(f"[{received.at:6.2f}s] error {event['code']}: {event['message']}")
    if result.reply_audio:
        args.reply.write_bytes(wav_bytes(bytes(result.reply_audio), AudioFormat(result.reply_rate)))
        print(f"reply audio: {args.reply}")


if __name__ == "__main__":
    main()
