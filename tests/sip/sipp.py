"""Drive Debian's SIPp (``sip-tester``) as the calling SIP phone, and record the audio Malbeot sends back.

SIPp does the signalling from an XML scenario and plays the caller's audio from a pcap file (its
``play_pcap_audio``: RTP packets replayed to the media address in Malbeot's SDP answer). The SDP offer
in the scenario names the port of :class:`RtpRecorder`, a plain UDP socket here that keeps every RTP
packet Malbeot sends, so the reply can be decoded and transcribed.
"""

from __future__ import annotations

import datetime
import shutil
import socket
import struct
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from malbeot_core.installed import find_installed

SIPP = shutil.which("sipp")


def sipp_pcap(name: str) -> Path:
    """One of the RFC 2833 digit pcaps shipped with Debian's SIPp (``dtmf_2833_0.pcap``), asked of dpkg."""
    return find_installed("sip-tester", name, ("sip-tester",))


def rtp_pcap(payload: bytes, path: Path, payload_type: int = 0, frame: int = 160) -> Path:
    """A pcap (Ethernet/IPv4/UDP/RTP, 20 ms apart) carrying ``payload`` (G.711 bytes) for SIPp to play."""
    out = bytearray(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
    for n, start in enumerate(range(0, len(payload), frame)):
        rtp = struct.pack("!BBHII", 0x80, (0x80 if n == 0 else 0) | payload_type, n & 0xFFFF, n * frame, 0x4D414C42)
        rtp += payload[start : start + frame]
        udp = struct.pack("!HHHH", 6000, 6002, 8 + len(rtp), 0) + rtp
        ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), n & 0xFFFF, 0, 64, 17, 0,
                         bytes([127, 0, 0, 1]), bytes([127, 0, 0, 1])) + udp
        ether = b"\x00" * 12 + b"\x08\x00" + ip
        usec = n * 20000
        out += struct.pack("<IIII", usec // 1_000_000, usec % 1_000_000, len(ether), len(ether)) + ether
    path.write_bytes(bytes(out))
    return path


@dataclass
class RtpRecorder:
    """Receives the RTP Malbeot sends to the SDP offer's port (the caller's ear)."""

    sock: socket.socket = field(default_factory=lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM))
    #: (wall-clock epoch seconds, packet)
    packets: list[tuple[float, bytes]] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self.sock.getsockname()[1])

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                data = self.sock.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            self.packets.append((time.time(), data))

    def payload(self, payload_type: int | None = None) -> bytes:
        """The audio payloads in arrival order (12-byte RTP headers with no CSRC/extension, as Malbeot sends)."""
        return b"".join(d[12:] for _, d in self.packets if payload_type is None or d[1] & 0x7F == payload_type)

    def payload_types(self) -> set[int]:
        return {d[1] & 0x7F for _, d in self.packets}

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


_INVITE = """  <send retrans="500">
    <![CDATA[

      INVITE sip:malbeot@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Caller" <sip:caller@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:malbeot@[remote_ip]:[remote_port]>
      Call-ID: [call_id]
      CSeq: 1 INVITE
      Contact: <sip:caller@[local_ip]:[local_port]>
      Max-Forwards: 70
      Subject: Malbeot test call
      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=caller 53655765 2353687637 IN IP[local_ip_type] [local_ip]
      s=-
      c=IN IP[media_ip_type] [media_ip]
      t=0 0
      m=audio {port} RTP/AVP {formats}
{rtpmaps}
      a=ptime:20
      a=sendrecv

    ]]>
  </send>
"""

_ACK = """  <send>
    <![CDATA[

      ACK sip:malbeot@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Caller" <sip:caller@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:malbeot@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: 1 ACK
      Contact: <sip:caller@[local_ip]:[local_port]>
      Max-Forwards: 70
      Content-Length: 0

    ]]>
  </send>
"""

_BYE = """  <send retrans="500">
    <![CDATA[

      BYE sip:malbeot@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Caller" <sip:caller@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:malbeot@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: 3 BYE
      Contact: <sip:caller@[local_ip]:[local_port]>
      Max-Forwards: 70
      Content-Length: 0

    ]]>
  </send>
  <recv response="200" crlf="true"/>
"""

#: answer the request just received with 200 OK
_OK = """  <send>
    <![CDATA[

      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Content-Length: 0

    ]]>
  </send>
"""

#: answer Malbeot's REFER (202), report the transfer as done (NOTIFY sipfrag 200), take its BYE
_TRANSFERRED = """  <recv request="REFER" crlf="true"/>
  <send>
    <![CDATA[

      SIP/2.0 202 Accepted
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Contact: <sip:caller@[local_ip]:[local_port]>
      Content-Length: 0

    ]]>
  </send>
  <send retrans="500">
    <![CDATA[

      NOTIFY sip:malbeot@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Caller" <sip:caller@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
      To: <sip:malbeot@[remote_ip]:[remote_port]>[peer_tag_param]
      Call-ID: [call_id]
      CSeq: 2 NOTIFY
      Contact: <sip:caller@[local_ip]:[local_port]>
      Event: refer
      Subscription-State: terminated;reason=noresource
      Max-Forwards: 70
      Content-Type: message/sipfrag;version=2.0
      Content-Length: [len]

      SIP/2.0 200 OK
    ]]>
  </send>
  <recv response="200"/>
  <recv request="BYE" crlf="true"/>
"""

CODECS = {"PCMU": (0, "      a=rtpmap:0 PCMU/8000"), "PCMA": (8, "      a=rtpmap:8 PCMA/8000"),
          "GSM": (3, "      a=rtpmap:3 GSM/8000")}


def scenario(*, port: int, codecs: tuple[str, ...] = ("PCMU",), telephone_event: bool = True,
             steps: str = "") -> str:
    """A UAC scenario: INVITE (offer naming ``port`` for our recorder), ACK, ``steps``."""
    formats = [str(CODECS[c][0]) for c in codecs] + (["101"] if telephone_event else [])
    rtpmaps = [CODECS[c][1] for c in codecs]
    if telephone_event:
        rtpmaps += ["      a=rtpmap:101 telephone-event/8000", "      a=fmtp:101 0-16"]
    invite = _INVITE.replace("{port}", str(port)).replace("{formats}", " ".join(formats))
    invite = invite.replace("{rtpmaps}", "\n".join(rtpmaps))
    xml = ('<?xml version="1.0" encoding="ISO-8859-1" ?>\n<scenario name="malbeot caller">\n' + invite
           + '  <recv response="100" optional="true"/>\n  <recv response="200" rtd="true"/>\n' + _ACK + steps
           + "</scenario>\n")
    return xml


def play(pcap: Path) -> str:
    return f'  <nop><action><exec play_pcap_audio="{pcap}"/></action></nop>\n'


def pause(ms: int) -> str:
    return f'  <pause milliseconds="{ms}"/>\n'


def hang_up() -> str:
    return _BYE


def transferred() -> str:
    return _TRANSFERRED + _OK


def takes_bye(timeout_ms: int = 20000) -> str:
    """Wait for Malbeot's BYE and answer it."""
    return f'  <recv request="BYE" timeout="{timeout_ms}" crlf="true"/>\n' + _OK


@dataclass
class SippRun:
    returncode: int
    output: str
    messages: str

    @property
    def passed(self) -> bool:
        return self.returncode == 0

    def sent_at(self, method: str) -> float:
        """Wall-clock time (epoch seconds) at which SIPp sent its first ``method`` request."""
        stamp = ""
        for line in self.messages.splitlines():
            if line.startswith("-----"):
                stamp = line.rsplit(" ", 2)[-2] + " " + line.rsplit(" ", 1)[-1]
            elif line.startswith(f"{method} "):
                return datetime.datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S.%f").timestamp()
        raise LookupError(f"SIPp sent no {method}")

    @property
    def call_id(self) -> str:
        """The Call-ID SIPp gave the call (it maps responses to calls by its own ids)."""
        return next(line.split(":", 1)[1].strip() for line in self.messages.splitlines() if line.startswith("Call-ID:"))


def run_sipp(xml: str, server_port: int, workdir: Path, timeout: float = 120.0) -> SippRun:
    """Run one call of the scenario against 127.0.0.1:``server_port``; SIPp exits 0 when it passed."""
    assert SIPP is not None
    (workdir / "scenario.xml").write_text(xml)
    media_port = _free_udp_port()
    cmd = [SIPP, f"127.0.0.1:{server_port}", "-sf", "scenario.xml", "-m", "1", "-l", "1",
           "-i", "127.0.0.1", "-p", str(_free_udp_port()), "-mi", "127.0.0.1", "-mp", str(media_port),
           "-timeout", f"{int(timeout)}s", "-timeout_error", "-nostdin",
           "-trace_msg", "-message_file", "messages.log", "-trace_err", "-error_file", "errors.log"]
    done = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, timeout=timeout + 30)
    messages = (workdir / "messages.log").read_text(errors="replace") if (workdir / "messages.log").exists() else ""
    errors = (workdir / "errors.log").read_text(errors="replace") if (workdir / "errors.log").exists() else ""
    return SippRun(done.returncode, done.stdout[-3000:] + done.stderr[-3000:] + errors[-3000:], messages)


def _free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
