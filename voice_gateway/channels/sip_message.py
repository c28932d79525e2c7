"""SIP messages (RFC 3261 §7): parsing, building, and the header fields a user agent server needs.

Headers keep their order and repetitions (a request that came through proxies carries several
``Via`` fields, and a response must copy them all); compact forms (``v``, ``f``, ``t``, ``i``, ``m``,
``l``, ``c``, ``k``, ``r``) are read as their long names. Anything that is not a SIP message raises
:class:`~malbeot_core.errors.ProtocolViolation`.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

from malbeot_core.errors import ProtocolViolation

CRLF = "\r\n"
MAX_MESSAGE = 16384  # bytes; a UDP SIP message is far smaller (RFC 3261 §18.1.1: 1300 before TCP)

_COMPACT = {
    "v": "via", "f": "from", "t": "to", "i": "call-id", "m": "contact", "l": "content-length",
    "c": "content-type", "k": "supported", "r": "refer-to", "b": "referred-by", "e": "content-encoding",
}
_CANONICAL = {
    "call-id": "Call-ID", "cseq": "CSeq", "www-authenticate": "WWW-Authenticate", "refer-to": "Refer-To",
    "referred-by": "Referred-By",
}
REASONS = {
    100: "Trying", 180: "Ringing", 200: "OK", 202: "Accepted", 400: "Bad Request", 405: "Method Not Allowed",
    415: "Unsupported Media Type", 481: "Call/Transaction Does Not Exist", 486: "Busy Here",
    487: "Request Terminated", 488: "Not Acceptable Here", 500: "Server Internal Error", 501: "Not Implemented",
    503: "Service Unavailable",
}
_REQUEST_LINE = re.compile(r"^([A-Z]+) (\S+) SIP/2\.0$")
_STATUS_LINE = re.compile(r"^SIP/2\.0 (\d{3}) ?(.*)$")
_URI = re.compile(r"<([^>]*)>|^\s*(?:\"[^\"]*\"\s*)?(sips?:[^\s;>]+)")
_DIGITS5 = re.compile(r"[0-9]{1,5}")
_TAG = re.compile(r";\s*tag=([^;,\s]+)", re.IGNORECASE)


def canonical(name: str) -> str:
    low = name.strip().lower()
    low = _COMPACT.get(low, low)
    return _CANONICAL.get(low, "-".join(part.capitalize() for part in low.split("-")))


def new_tag() -> str:
    return secrets.token_hex(6)


def uri_of(name_addr: str) -> str:
    """The URI in a ``From``/``To``/``Contact``/``Refer-To`` value (``"Ann" <sip:a@h>;tag=1`` → ``sip:a@h``)."""
    match = _URI.search(name_addr)
    if match is None:
        raise ProtocolViolation(f"no SIP URI in {name_addr!r}", stage="sip")
    return match.group(1) or match.group(2)


def tag_of(name_addr: str) -> str:
    """The ``tag`` parameter of a ``From``/``To`` value (outside the angle brackets), or ""."""
    outside = name_addr.rsplit(">", 1)[-1] if ">" in name_addr else name_addr
    match = _TAG.search(outside)
    return match.group(1) if match else ""


def host_port(uri: str, default_port: int = 5060) -> tuple[str, int]:
    """``sip:user@host:port;params`` → (host, port)."""
    rest = uri.split(":", 1)[1] if ":" in uri else uri
    rest = rest.split("@", 1)[-1].split(";", 1)[0].split("?", 1)[0]
    if rest.startswith("["):  # IPv6 reference
        host, _, tail = rest[1:].partition("]")
        return host, _port(tail[1:], default_port) if tail.startswith(":") else default_port
    host, _, port = rest.partition(":")
    return host, _port(port, default_port)


def _port(text: str, default: int) -> int:
    """A port number, or ``default`` for anything else ("99999", "²", 5,000 digits: never an exception)."""
    if _DIGITS5.fullmatch(text) and 0 < int(text) <= 65535:
        return int(text)
    return default


@dataclass
class SipMessage:
    """A request (``method`` set) or a response (``status`` set)."""

    method: str = ""
    uri: str = ""
    status: int = 0
    reason: str = ""
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""

    @property
    def is_request(self) -> bool:
        return bool(self.method)

    def get(self, name: str, default: str = "") -> str:
        key = canonical(name)
        return next((value for header, value in self.headers if header == key), default)

    def all(self, name: str) -> list[str]:
        key = canonical(name)
        return [value for header, value in self.headers if header == key]

    @property
    def call_id(self) -> str:
        return self.get("Call-ID")

    @property
    def cseq(self) -> tuple[int, str]:
        number, _, method = self.get("CSeq").partition(" ")
        if not re.fullmatch(r"[0-9]{1,10}", number) or int(number) >= 1 << 31:  # RFC 3261 §8.1.1.5
            raise ProtocolViolation(f"bad CSeq {self.get('CSeq')[:40]!r}", stage="sip")
        return int(number), method.strip().upper()

    def add(self, name: str, value: str | int) -> SipMessage:
        self.headers.append((canonical(name), str(value)))
        return self

    def encode(self) -> bytes:
        start = f"{self.method} {self.uri} SIP/2.0" if self.method else f"SIP/2.0 {self.status} {self.reason}"
        lines = [start] + [f"{name}: {value}" for name, value in self.headers if name != "Content-Length"]
        lines.append(f"Content-Length: {len(self.body)}")
        return (CRLF.join(lines) + CRLF + CRLF).encode("utf-8") + self.body


def parse(data: bytes) -> SipMessage:
    """One SIP message from a UDP datagram."""
    if len(data) > MAX_MESSAGE:
        raise ProtocolViolation(f"SIP message of {len(data)} bytes exceeds {MAX_MESSAGE}", stage="sip")
    head, sep, body = data.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = data.partition(b"\n\n")
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolViolation("SIP headers are not UTF-8", stage="sip") from exc
    lines = text.replace("\r\n", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)  # keep-alive CRLFs before a message
    if not lines:
        raise ProtocolViolation("empty SIP message", stage="sip")
    message = SipMessage()
    if request := _REQUEST_LINE.match(lines[0]):
        message.method, message.uri = request.group(1), request.group(2)
    elif status := _STATUS_LINE.match(lines[0]):
        message.status, message.reason = int(status.group(1)), status.group(2)
    else:
        raise ProtocolViolation(f"not a SIP start line: {lines[0][:80]!r}", stage="sip")
    for line in lines[1:]:
        if line[:1] in (" ", "\t") and message.headers:  # folded continuation
            name, value = message.headers[-1]
            message.headers[-1] = (name, f"{value} {line.strip()}")
            continue
        name, colon, value = line.partition(":")
        if not colon or not name.strip():
            raise ProtocolViolation(f"bad SIP header line {line[:80]!r}", stage="sip")
        message.headers.append((canonical(name), value.strip()))
    length = message.get("Content-Length")
    if length:
        if not re.fullmatch(r"[0-9]{1,6}", length) or int(length) > len(body):
            raise ProtocolViolation(f"Content-Length {length!r} does not match a {len(body)}-byte body", stage="sip")
        body = body[: int(length)]
    message.body = body
    for required in ("Via", "From", "To", "Call-ID", "CSeq"):
        if not message.get(required):
            raise ProtocolViolation(f"SIP message without {required}", stage="sip")
    message.cseq  # noqa: B018 - validates the CSeq field
    return message


def response(request: SipMessage, status: int, *, to_tag: str = "", reason: str = "") -> SipMessage:
    """A response to ``request`` (RFC 3261 §8.2.6): its Via fields, From, Call-ID, CSeq; To with our tag."""
    out = SipMessage(status=status, reason=reason or REASONS.get(status, ""))
    for via in request.all("Via"):
        out.add("Via", via)
    out.add("From", request.get("From"))
    to = request.get("To")
    if to_tag and status > 100 and not tag_of(to):
        to = f"{to};tag={to_tag}"
    out.add("To", to)
    out.add("Call-ID", request.call_id)
    out.add("CSeq", request.get("CSeq"))
    return out
