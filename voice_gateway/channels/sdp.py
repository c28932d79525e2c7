"""SDP offer/answer (RFC 4566, RFC 3264) for one G.711 audio stream with RFC 4733 telephone events.

Malbeot answers an offer with the caller's first G.711 codec (PCMU, payload type 0, or PCMA, 8),
the offered ``telephone-event/8000`` payload type if any, and 20 ms packets. An offer with no G.711
audio is refused (the SIP layer answers ``488 Not Acceptable Here``).
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field

from malbeot_core.errors import BadAudio, ProtocolViolation

CRLF = "\r\n"
#: static payload types (RFC 3551) and their encodings in voice_gateway.edge
G711 = {0: ("PCMU", "mulaw"), 8: ("PCMA", "alaw")}
_BY_NAME = {"PCMU": 0, "PCMA": 8}
_NUMBER = re.compile(r"[0-9]{1,5}")


@dataclass(frozen=True)
class Codec:
    name: str  # "PCMU" or "PCMA"
    payload_type: int
    encoding: str  # "mulaw" or "alaw"


@dataclass
class Offer:
    address: str
    port: int
    #: payload types of the audio stream, in the caller's order of preference
    formats: list[int] = field(default_factory=list)
    #: payload type → "NAME/rate" from a=rtpmap lines
    rtpmap: dict[int, str] = field(default_factory=dict)
    direction: str = "sendrecv"

    def codec(self) -> Codec:
        for pt in self.formats:
            name = self.rtpmap.get(pt, G711.get(pt, ("", ""))[0] + "/8000").split("/")
            if name[0].upper() in _BY_NAME and (len(name) < 2 or name[1] == "8000"):
                upper = name[0].upper()
                return Codec(upper, pt, G711[_BY_NAME[upper]][1])
        raise BadAudio(f"no G.711 (PCMU/PCMA 8000) in the offered formats {self.formats}", stage="sip")

    def telephone_event(self) -> int | None:
        for pt in self.formats:
            if self.rtpmap.get(pt, "").lower() == "telephone-event/8000":
                return pt
        return None


def parse_offer(body: bytes) -> Offer:
    """The first audio stream of an SDP body."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolViolation("SDP is not UTF-8", stage="sip") from exc
    session_address = ""
    media_address = ""
    offer: Offer | None = None
    in_audio = False
    for raw in text.replace("\r\n", "\n").split("\n"):
        key, eq, value = raw.strip().partition("=")
        if not eq:
            continue
        if key == "m":
            if offer is not None:
                break  # only the first audio stream is used
            parts = value.split()
            in_audio = len(parts) >= 4 and parts[0] == "audio" and parts[2].startswith("RTP/AVP")
            if in_audio:
                port = parts[1].split("/")[0]
                if not _NUMBER.fullmatch(port) or not 0 < int(port) <= 65535 or not all(
                    _NUMBER.fullmatch(pt) and int(pt) <= 127 for pt in parts[3:]
                ):
                    raise ProtocolViolation(f"bad SDP media line {raw[:80]!r}", stage="sip")
                offer = Offer("", int(port), [int(pt) for pt in parts[3:]])
        elif key == "c":
            parts = value.split()
            address = parts[2].split("/")[0] if len(parts) >= 3 else ""
            if offer is None and not in_audio:
                session_address = address
            elif in_audio:
                media_address = address
        elif key == "a" and in_audio and offer is not None:
            if value.startswith("rtpmap:"):
                pt, _, codec = value[7:].partition(" ")
                if _NUMBER.fullmatch(pt):
                    offer.rtpmap[int(pt)] = codec.strip()
            elif value in ("sendrecv", "sendonly", "recvonly", "inactive"):
                offer.direction = value
    if offer is None:
        raise BadAudio("the SDP offer has no RTP/AVP audio stream", stage="sip")
    offer.address = media_address or session_address
    if not offer.address or not offer.port:
        raise ProtocolViolation("the SDP offer has no connection address or port", stage="sip")
    try:
        ipaddress.ip_address(offer.address)
    except ValueError:
        # a host name would be resolved, blocking, on every RTP packet sent: only addresses are taken
        raise ProtocolViolation(f"the SDP connection address {offer.address[:60]!r} is not an IP address",
                                stage="sip") from None
    return offer


def offer(address: str, port: int, session_id: int, event_type: int = 101) -> bytes:
    """Our offer for an outbound call: PCMU first, then PCMA, and RFC 4733 telephone events."""
    lines = [
        "v=0",
        f"o=malbeot {session_id} {session_id} IN IP4 {address}",
        "s=Malbeot",
        f"c=IN IP4 {address}",
        "t=0 0",
        f"m=audio {port} RTP/AVP 0 8 {event_type}",
        "a=rtpmap:0 PCMU/8000",
        "a=rtpmap:8 PCMA/8000",
        f"a=rtpmap:{event_type} telephone-event/8000",
        f"a=fmtp:{event_type} 0-16",
        "a=ptime:20",
        "a=sendrecv",
    ]
    return (CRLF.join(lines) + CRLF).encode("ascii")


def answer(offer: Offer, address: str, port: int, session_id: int) -> tuple[bytes, Codec, int | None]:
    """Our answer to ``offer``: (SDP body, the codec chosen, the telephone-event payload type)."""
    codec = offer.codec()
    event = offer.telephone_event()
    formats = f"{codec.payload_type}" + (f" {event}" if event is not None else "")
    direction = {"sendonly": "recvonly", "recvonly": "sendonly"}.get(offer.direction, offer.direction)
    lines = [
        "v=0",
        f"o=malbeot {session_id} {session_id} IN IP4 {address}",
        "s=Malbeot",
        f"c=IN IP4 {address}",
        "t=0 0",
        f"m=audio {port} RTP/AVP {formats}",
        f"a=rtpmap:{codec.payload_type} {codec.name}/8000",
    ]
    if event is not None:
        lines += [f"a=rtpmap:{event} telephone-event/8000", f"a=fmtp:{event} 0-16"]
    lines += ["a=ptime:20", f"a={direction}"]
    return (CRLF.join(lines) + CRLF).encode("ascii"), codec, event
