"""Peers that call the gateway the way a carrier would, for the tests and the benchmarks alike:
``twilio_carrier.TwilioCarrier`` (a Twilio-format media stream over a websocket) and
``sip_caller.SipCaller`` (a SIP user agent with G.711 RTP). Not part of the service."""
