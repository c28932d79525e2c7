"""Phone channels: Twilio-format media streams (``/v1/twilio``) and Asterisk AudioSocket (TCP)."""
