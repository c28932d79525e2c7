"""Debian's SIPp as the resident's phone (a UAS): it rings, then answers (playing prepared speech as
RTP from a pcap), is busy, or never answers (and takes the CANCEL). Runs in the background while the
gateway calls it; what it received is in its message log."""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from tests.sip.sipp import _OK, SIPP, _free_udp_port  # the same 200 OK step as the inbound scenarios

_HEAD = '<?xml version="1.0" encoding="ISO-8859-1" ?>\n<scenario name="resident phone">\n'
_RESPONSE = """  <send{retrans}>
    <![CDATA[

      SIP/2.0 {status}
      [last_Via:]
      [last_From:]
      [last_To:];tag=[pid]SIPpTag01[call_number]
      [last_Call-ID:]
      [last_CSeq:]
      Contact: <sip:resident@[local_ip]:[local_port];transport=[transport]>
{extra}      Content-Length: {length}
{body}
    ]]>
  </send>
"""
_SDP = """
      v=0
      o=resident 53655765 2353687637 IN IP[local_ip_type] [local_ip]
      s=-
      c=IN IP[media_ip_type] [media_ip]
      t=0 0
      m=audio {port} RTP/AVP 0
      a=rtpmap:0 PCMU/8000
      a=ptime:20
      a=sendrecv
"""


def _respond(status: str, body: str = "", retrans: bool = False) -> str:
    extra = "      Content-Type: application/sdp\n" if body else ""
    return _RESPONSE.format(retrans=' retrans="500"' if retrans else "", status=status, extra=extra,
                            length="[len]" if body else "0", body=body)


def ringing() -> str:
    return '  <recv request="INVITE" crlf="true"/>\n' + _respond("180 Ringing")


def answer(rtp_port: int) -> str:
    """200 with an SDP answer naming ``rtp_port`` (the recorder of what Malbeot says), then the ACK."""
    return _respond("200 OK", _SDP.replace("{port}", str(rtp_port)), retrans=True) + \
        '  <recv request="ACK" crlf="true"/>\n'


def busy(status: str = "486 Busy Here") -> str:
    """A failure answer (busy by default), then the caller's ACK."""
    return (_respond(status) + '  <recv request="ACK" crlf="true"/>\n')


def never_answers() -> str:
    """Keeps ringing; the caller's CANCEL gets 200, the INVITE 487, then the ACK."""
    return ('  <recv request="CANCEL" crlf="true"/>\n' + _OK
            + _respond("487 Request Terminated").replace("[last_CSeq:]", "CSeq: 1 INVITE")
            + '  <recv request="ACK" crlf="true"/>\n')


def play(pcap: Path) -> str:
    return f'  <nop><action><exec play_pcap_audio="{pcap}"/></action></nop>\n'


def pause(ms: int) -> str:
    return f'  <pause milliseconds="{ms}"/>\n'


def takes_bye(timeout_ms: int) -> str:
    return f'  <recv request="BYE" timeout="{timeout_ms}" crlf="true"/>\n' + _OK


@dataclass
class SippPhone:
    process: subprocess.Popen[str]
    port: int
    workdir: Path

    @property
    def uri(self) -> str:
        return f"sip:01023456789@127.0.0.1:{self.port}"

    def wait(self, timeout: float = 180.0) -> tuple[int, str]:
        """SIPp's exit status (0: the scenario passed) and its message log."""
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
        messages = self.workdir / "messages.log"
        errors = self.workdir / "errors.log"
        log = (messages.read_text(errors="replace") if messages.exists() else "") + \
            (errors.read_text(errors="replace") if errors.exists() else "")
        return self.process.returncode, log

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)


def start_phone(steps: str, workdir: Path, calls: int = 1, timeout: float = 150.0) -> SippPhone:
    """Start SIPp as a UAS taking ``calls`` calls, each running ``steps``."""
    assert SIPP is not None
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "phone.xml").write_text(_HEAD + steps + "</scenario>\n")
    port = _free_udp_port()
    cmd = [SIPP, "-sf", "phone.xml", "-m", str(calls), "-i", "127.0.0.1", "-p", str(port),
           "-mi", "127.0.0.1", "-mp", str(_free_udp_port()), "-timeout", f"{int(timeout)}s", "-timeout_error",
           "-nostdin", "-trace_msg", "-message_file", "messages.log", "-trace_err",
           "-error_file", "errors.log"]
    process = subprocess.Popen(cmd, cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(0.3)  # bound and listening
    return SippPhone(process, port, workdir)
