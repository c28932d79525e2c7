"""Settings of the phone channels (``MALBEOT_*`` environment variables)."""

from __future__ import annotations

from dataclasses import dataclass, field

from malbeot_core.service_settings import service_settings


@dataclass(frozen=True)
class PhoneConfig:
    #: AudioSocket TCP server: off unless a port is set; loopback unless told otherwise
    audiosocket_host: str = "127.0.0.1"
    audiosocket_port: int = 0
    #: SIP endpoint (UDP): off unless a port is set; loopback unless told otherwise
    sip_host: str = "127.0.0.1"
    sip_port: int = 0
    #: RTP ports for SIP calls, "FIRST-LAST" (even ports are used; a firewall opens this range);
    #: empty: any free port
    rtp_ports: str = ""
    #: language of the start notice and prompts when the call's language is "auto"
    language: str = "ko"
    #: speak the start notice (service, automated, recording, how to reach a person)
    notice: bool = True
    #: seconds of caller silence (no reply playing) before "are you still there?"; then goodbye
    silence_seconds: float = 10.0
    elderly_silence_seconds: float = 20.0
    #: where the hand-off summary is POSTed (JSON); empty: nowhere
    handoff_webhook: str = ""
    webhook_timeout: float = 3.0
    #: who takes handed-off calls: a phone number or SIP URI for <Dial>, or a dialplan target
    transfer_target: str = ""
    #: seconds of reply audio sent ahead of real time (bounds how much a barge-in cannot stop)
    pacer_lead: float = 0.08
    #: partial transcripts on phone lines: off (no screen shows them, and on a small machine they
    #: compete with the turn's final recognition for the CPU); on only to measure that cost
    partials: bool = False
    #: Twilio auth token: when set, the TwiML webhooks need a valid X-Twilio-Signature (else 403)
    twilio_auth_token: str = field(default="", repr=False)

    @classmethod
    def from_env(cls) -> PhoneConfig:
        """From the ``MALBEOT_*`` settings (``malbeot_core.service_settings``)."""
        env = service_settings()
        return cls(
            audiosocket_host=env.audiosocket_host,
            audiosocket_port=env.audiosocket_port,
            sip_host=env.sip_host,
            sip_port=env.sip_port,
            rtp_ports=env.rtp_ports,
            language=env.phone_language,
            notice=env.phone_notice,
            silence_seconds=env.phone_silence_seconds,
            elderly_silence_seconds=env.phone_elderly_silence_seconds,
            handoff_webhook=env.handoff_webhook,
            transfer_target=env.transfer_target,
            twilio_auth_token=env.twilio_auth_token,
            webhook_timeout=env.handoff_webhook_timeout,
            pacer_lead=env.phone_pacer_lead,
            partials=env.phone_partials,
        )
