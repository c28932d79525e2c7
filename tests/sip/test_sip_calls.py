"""Calls placed by a real SIP client nobody on the team wrote (Debian's SIPp), end to end through the
gateway's SIP endpoint and the real models: a spoken benefit question answered over RTP, a real 8 kHz
recording asking for a person (REFER, NOTIFY, BYE), an RFC 2833 keypad press from SIPp's own pcap,
an A-law call whose start notice is heard and understood, a caller who goes silent without hanging
up, and real Korean speech at 8 kHz (shared_data group)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from malbeot_core.audio import AudioFormat, alaw_to_pcm16, decode_audio_file, mulaw_to_pcm16
from tests.phone.phone_audio import MIN_SPEECH, mulaw, onset, recording_8k, synthesized_8k, transcribe_8k
from voice_gateway.services import Services

from .conftest import SipGateway, needs_sipp
from .sipp import (
    RtpRecorder,
    hang_up,
    pause,
    play,
    rtp_pcap,
    run_sipp,
    scenario,
    sipp_pcap,
    takes_bye,
    transferred,
)

pytestmark = [pytest.mark.slow, needs_sipp]

SILENCE = b"\xff" * 8000  # one second of μ-law silence
BARGE_IN_LIMIT = 0.2  # seconds from detected speech to the last reply packet


def packet_times(recorder: RtpRecorder) -> np.ndarray:
    return np.array([at for at, _ in recorder.packets])


async def test_sipp_caller_asks_about_the_pension_and_hears_the_answer(
    sip_gateway: Callable[..., SipGateway], real_services: Services, tmp_path: Path
) -> None:
    gw = sip_gateway(notice=False)
    # no human recording of a benefit question exists here: the packaged neural voice asks it
    question = synthesized_8k("Is there a pension for seniors over sixty five?")
    pcap = rtp_pcap(SILENCE[:1600] + mulaw(question) + SILENCE * 2, tmp_path / "question.pcap")
    recorder = RtpRecorder()
    try:
        xml = scenario(port=recorder.port, steps=play(pcap) + pause(30000) + hang_up())
        run = run_sipp(xml, gw.sip_port, tmp_path)
    finally:
        recorder.close()
    assert run.passed, run.output
    assert recorder.payload_types() == {0}, recorder.payload_types()
    reply = mulaw_to_pcm16(recorder.payload(0))
    assert len(reply) > 2 * 8000 * 3, "less than 3 s of reply audio"
    heard = transcribe_8k(real_services, reply).lower()
    assert "pension" in heard, heard
    # paced at the speed it plays: 20 ms packets, not a burst
    times = packet_times(recorder)
    assert (times[-1] - times[0]) > 0.8 * len(recorder.packets) * 0.02


async def test_real_recording_over_the_notice_asks_for_a_person_and_is_referred(
    sip_gateway: Callable[..., SipGateway], real_services: Services, tmp_path: Path
) -> None:
    gw = sip_gateway(transfer_target="sip:agent@127.0.0.1:5099")
    speech = recording_8k("pbx-transfer.wav")  # a person saying "Transfer", recorded at 8 kHz
    pcap = rtp_pcap(mulaw(speech) + SILENCE * 2, tmp_path / "transfer.pcap")
    recorder = RtpRecorder()
    try:
        # the start notice is playing when the caller speaks over it, 1.5 s into the call
        xml = scenario(port=recorder.port, steps=pause(1500) + play(pcap) + transferred())
        run = run_sipp(xml, gw.sip_port, tmp_path)
    finally:
        recorder.close()
    assert run.passed, run.output  # REFER answered 202, NOTIFY 200 sent and acknowledged, BYE taken
    assert "Refer-To: <sip:agent@127.0.0.1:5099>" in run.messages, run.messages[-3000:]
    assert gw.outcome(run.call_id) == {
        "call_ref": run.call_id, "action": "transfer", "target": "sip:agent@127.0.0.1:5099", "detail": "transferred",
        "urgent": False,
    }
    # barge-in: RTP stopped soon after the caller's speech was detected, and the hand-off sentence followed
    times = packet_times(recorder)
    gaps = np.nonzero(np.diff(times) > 0.3)[0]
    assert gaps.size, "the notice was never interrupted"
    stopped = times[gaps[0]]
    detected = run.sent_at("ACK") + 1.5 + onset(speech) + MIN_SPEECH  # SIPp's pause starts at its ACK
    print(f"sip barge-in: last notice packet {1000 * (stopped - detected):.0f} ms after the detector's onset window")
    assert stopped - detected < BARGE_IN_LIMIT, f"RTP went on {stopped - detected:.2f} s after the caller spoke"
    after = b"".join(d[12:] for at, d in recorder.packets if at > stopped + 0.3)
    heard = transcribe_8k(real_services, mulaw_to_pcm16(after)).lower()
    assert "person" in heard or "connect" in heard, heard


async def test_rfc2833_keypad_zero_from_sipps_own_pcap_refers_the_call(
    sip_gateway: Callable[..., SipGateway], tmp_path: Path
) -> None:
    gw = sip_gateway(transfer_target="sip:agent@127.0.0.1:5099")
    recorder = RtpRecorder()
    try:
        xml = scenario(port=recorder.port,
                       steps=pause(500) + play(sipp_pcap("dtmf_2833_0.pcap")) + transferred())
        run = run_sipp(xml, gw.sip_port, tmp_path)
    finally:
        recorder.close()
    assert run.passed, run.output
    assert gw.outcome(run.call_id)["detail"] == "transferred"


async def test_alaw_caller_hears_the_start_notice(
    sip_gateway: Callable[..., SipGateway], real_services: Services, tmp_path: Path
) -> None:
    gw = sip_gateway()
    recorder = RtpRecorder()
    try:
        xml = scenario(port=recorder.port, codecs=("GSM", "PCMA"), telephone_event=False,
                       steps=pause(9000) + hang_up())
        run = run_sipp(xml, gw.sip_port, tmp_path)
    finally:
        recorder.close()
    assert run.passed, run.output
    assert "m=audio" in run.messages and "RTP/AVP 8\r\n" in run.messages.replace("\n", "\r\n").replace("\r\r", "\r")
    assert recorder.payload_types() == {8}
    heard = transcribe_8k(real_services, alaw_to_pcm16(recorder.payload(8))).lower()
    assert "automated" in heard and "computer" in heard, heard


async def test_a_caller_who_goes_silent_and_never_hangs_up_gets_a_bye(
    sip_gateway: Callable[..., SipGateway], tmp_path: Path
) -> None:
    # no RTP at all after the answer (a phone that lost its network): after idle_timeout, BYE
    gw = sip_gateway(notice=False, gateway={"idle_timeout": 3.0})
    recorder = RtpRecorder()
    try:
        run = run_sipp(scenario(port=recorder.port, steps=takes_bye()), gw.sip_port, tmp_path)
    finally:
        recorder.close()
    assert run.passed, run.output
    assert gw.outcome(run.call_id)["action"] == "hangup"




@pytest.mark.shared_data
async def test_korean_human_speech_over_sip_at_8khz_gets_the_daycare_answer(
    sip_gateway: Callable[..., SipGateway], shared_data: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Real Korean read speech (../shared/data/ko_speech_emotiontts, CC BY-NC-SA: read in place only)
    # about designated daycare centres (어린이집), brought down to the telephone band and sent as μ-law
    manifest = shared_data / "ko_speech_emotiontts" / "manifest.jsonl"
    item = next(json.loads(line) for line in manifest.open() if '"wav/pfd00001.wav"' in line)
    speech = decode_audio_file((shared_data / "ko_speech_emotiontts" / item["path"]).read_bytes(), AudioFormat(8000))
    gw = sip_gateway(notice=False, language="ko")
    pcap = rtp_pcap(SILENCE[:1600] + mulaw(speech) + SILENCE * 2, tmp_path / "daycare.pcap")
    recorder = RtpRecorder()
    try:
        run = run_sipp(scenario(port=recorder.port, steps=play(pcap) + pause(30000) + hang_up()), gw.sip_port, tmp_path)
    finally:
        recorder.close()
    assert run.passed, run.output
    # the answer, as the gateway logged it (programme ids only: no personal data in logs)
    answers = [r.getMessage() for r in caplog.records if " answer (" in r.getMessage()]
    assert answers and "(ko, " in answers[0].split(": ", 1)[0], answers
    assert {"KR-CHILDCARE-FEE", "KR-DAYCARE"} & set(answers[0].split(": ", 1)[1].split()), answers
    # Korean replies come from espeak-ng, which whisper does not recognise reliably: the reply audio is
    # checked as speech-like energy and length
    reply = np.frombuffer(mulaw_to_pcm16(recorder.payload(0)), dtype="<i2").astype(np.float64)
    assert len(reply) > 8000 * 3 and np.sqrt(np.mean(reply**2)) > 300
